//! One conformance suite for any [`wasm_runtime_layer`] backend.
//!
//! Users write their host code once against `wasm_runtime_layer` and run it
//! natively with `wasmtime_runtime_layer` or inside Pyodide with
//! `pyodide_runtime_layer`. This crate checks that a backend behaves like
//! wasmtime, value for value and error for error. wasmtime is the reference:
//! whatever it answers is the expected answer, and the suite is run natively
//! against it (`tests/tests/conformance_wasmtime.rs`) to prove that.
//!
//! # Using it
//!
//! Implement [`Target`] for the backend, then either
//! - call [`run_all`] (or [`run_case`] on each of [`cases()`]) and report the
//!   [`Outcome`]s, or
//! - invoke [`conformance_tests!`] in a test file to get one `#[test]` per case.
//!
//! Both are driven by the same single list of cases (see [`cases()`]).
//!
//! Every case builds the WebAssembly it needs from WAT text (the `wat` crate
//! is pure Rust, so this also works inside Pyodide), returns
//! `anyhow::Result<()>` with a clear message on the first mismatch, and never
//! relies on panics: a panic anywhere is reported as a failure.
//!
//! # Documented differences between engines
//!
//! These are the only places where a backend may differ from wasmtime; each
//! one is declared through [`Capabilities`] and checked in its weaker form:
//!
//! - **`v128` at the boundary** ([`Capabilities::v128_at_boundary`]). The JS
//!   WebAssembly API cannot pass `v128` values between JS and wasm. Where
//!   wasmtime passes the value, such a backend must return a clear `Err`
//!   (never panic): calling an export with a `v128` parameter or result,
//!   calling (from wasm) a host function with a `v128` parameter, and
//!   `Global::set` on a `v128` global. `v128` used only inside wasm works
//!   everywhere. `Global::new` and `Global::get` of a `v128` are not
//!   exercised without the capability: their signatures cannot report an
//!   error.
//! - **Exception handling** ([`Capabilities::wasm_exceptions`]). wasmtime 48
//!   compiles modules using `tag`/`throw`/`try_table`, and an exception that
//!   escapes to the host is an `Err` that is not a trap. A backend without
//!   the proposal must instead reject such a module with an `Err`.
//! - **`f32` signalling NaNs at the boundary**
//!   ([`Capabilities::f32_signalling_nan_at_boundary`]): an `f32` crosses JS
//!   as a number (an `f64`), and that conversion quiets a signalling NaN.
//! - **Proposals** ([`Capabilities::proposals`]): V8 in Node 20 lacks GC,
//!   typed function references and extended constant expressions; the spec
//!   test runner skips modules that need them (decided from the binary).
//! - **NaN payloads** are never compared: any NaN matches any NaN (engines
//!   may canonicalize NaNs at the boundary). The sign of zero and the
//!   infinities are compared exactly.
//! - **Order of `Instance::exports`** is not checked (wasmtime's layer yields
//!   them in hash order); `Module::exports` and `Module::imports` must follow
//!   declaration order.
//! - **Trap kinds V8 does not tell apart.** V8 reports a `call_indirect` to a
//!   null entry and to a function of another type with one message, and a
//!   NaN and an out-of-range float-to-int conversion with another; a target
//!   on V8 accepts either kind of each pair through [`Target::trap_matches`].
//! - **Error messages** are never compared, only that an `Err` is returned,
//!   what [`Target::trap_kind`] says about it, and that errors from host
//!   functions keep their type (`downcast_ref`).
//!
//! Cross-store misuse is only checked where wasmtime itself returns an `Err`
//! (another store's references passed as values); wasmtime 48 panics when an
//! object is used with another store (calling another store's function,
//! reading its global, downcasting its externref, importing its function),
//! which the suite therefore does not exercise (see [`cases::store`]).
//! Likewise `Memory::new` with impossible limits (minimum above maximum, or
//! above 65536 pages) panics inside wasmtime 48 and is not exercised.

#![warn(missing_docs)]

mod case;
pub mod cases;
pub mod check;
pub mod fixture;
pub mod mutation;
mod target;

pub use case::{Case, Outcome, panic_message, run_all, run_case};
pub use target::{Capabilities, HostProposals, Proposals, Target, TrapKind};

/// The single list of cases, grouped by the module of [`mod@cases`] that
/// defines them. It hands the list to `$callback`, a macro of this crate,
/// together with the extra tokens `{ ... }`; [`cases()`] and
/// [`conformance_tests!`] are both built from it.
#[doc(hidden)]
#[macro_export]
macro_rules! __for_each_case {
    ($callback:ident! { $($extra:tt)* }) => {
        $crate::$callback! {
            { $($extra)* }
            module: [
                import_and_export_types_in_declaration_order,
                get_export_by_name,
                instance_exports,
                invalid_bytes_are_errors,
                mutated_bytes_never_panic,
            ],
            names: [
                func_imports_and_exports,
                global_imports_and_exports,
                memory_imports_and_exports,
            ],
            values: [
                i32_both_ways,
                i64_full_range_guest,
                i64_full_range_host,
                floats_both_ways,
                nan_payloads_keep_their_bits,
                v128_at_boundary,
            ],
            funcref: [
                null_both_ways,
                host_funcs_in_tables,
                funcs_from_tables,
                funcs_read_again_from_tables,
                ref_func_round_trips,
                funcref_globals,
                host_funcs_take_and_return_funcrefs,
            ],
            externref: [
                null_both_ways,
                identity_survives_round_trips,
                wrong_downcast_is_err,
                distinct_values_stay_distinct,
            ],
            multivalue: [guest_results, host_results],
            table: [
                host_funcref_table,
                host_externref_table,
                element_type_mismatches,
                exported_table,
                imported_table,
                repeated_reads_of_one_function,
            ],
            global: [host_globals_every_type, exported_globals_every_type, imported_globals],
            memory: [
                host_memory_grow,
                read_write_bounds,
                exported_memory,
                imported_memory,
                shared_memories,
            ],
            traps: [
                each_trap_kind,
                stack_overflow,
                instance_usable_after_trap,
                start_function_trap,
            ],
            host_errors: [
                error_from_direct_call,
                error_through_guest,
                error_with_context_through_guest,
                wrong_result_type_from_host,
                unwritten_result_from_host,
            ],
            calls: [
                wrong_argument_count,
                wrong_argument_types,
                wrong_results_length,
                results_slice_is_overwritten,
                reentrant_calls,
                host_functions_made_and_freed_during_a_call,
            ],
            link: [
                missing_imports,
                mismatched_imports,
                repeated_import_shares_definition,
                reinstantiation_uses_the_given_imports,
            ],
            store: [
                store_data,
                module_shared_across_stores,
                refs_from_other_store,
            ],
            lifetime: [
                host_closures_freed_with_store,
                many_closures_freed_with_store,
                externref_payloads_freed_with_store,
                store_data_dropped,
            ],
            exceptions: [exception_escapes_as_err],
        }
    };
}

/// Builds the `Vec<Case<T>>` of [`cases()`] from the list.
#[doc(hidden)]
#[macro_export]
macro_rules! __case_vec {
    ({ $target:ty } $($group:ident: [$($case:ident),* $(,)?]),* $(,)?) => {
        vec![$($(
            $crate::Case::<$target> {
                name: concat!(stringify!($group), "::", stringify!($case)),
                run: $crate::cases::$group::$case::<$target>,
            },
        )*)*]
    };
}

/// Builds one `#[test]` per case, inside one module per group.
#[doc(hidden)]
#[macro_export]
macro_rules! __case_tests {
    ({ $target:expr } $($group:ident: [$($case:ident),* $(,)?]),* $(,)?) => {
        $(
            mod $group {
                #[allow(unused_imports)]
                use super::*;
                $(
                    #[test]
                    fn $case() {
                        let target = $target;
                        let case = $crate::Case {
                            name: concat!(stringify!($group), "::", stringify!($case)),
                            run: $crate::cases::$group::$case,
                        };
                        if let Err(err) = $crate::run_case(&target, &case) {
                            panic!("{err:?}");
                        }
                    }
                )*
            }
        )*
    };
}

/// Generates one `#[test]` function per conformance case, named after it
/// (`group::case`), so that `cargo test` reports each case.
///
/// `$target` is an expression building the [`Target`]; it is evaluated once
/// per test, inside a child module of the invoking one (so it may refer to
/// the invoking module's items by plain name). Invoke it at most once per
/// module, e.g.:
///
/// ```ignore
/// conformance::conformance_tests!(WasmtimeTarget::new());
/// ```
#[macro_export]
macro_rules! conformance_tests {
    ($target:expr) => {
        $crate::__for_each_case!(__case_tests! { $target });
    };
}

/// Every case of the suite, in a stable order (grouped by the modules of [`mod@cases`]).
pub fn cases<T: Target>() -> Vec<Case<T>> {
    __for_each_case!(__case_vec! { T })
}
