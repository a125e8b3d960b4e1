//! The conformance suite run natively against wasmtime, the reference backend.
//!
//! Every case of `conformance` becomes its own `#[test]` (named `group::case`),
//! so `cargo test -p tests --test conformance_wasmtime` reports each by name.
//! Since wasmtime's answers are the expected ones, all cases must pass here;
//! a failure means the suite's expectation is wrong, not wasmtime.

use conformance::{Capabilities, Target, TrapKind};
use wasm_runtime_layer::Engine;

/// wasmtime through `wasmtime_runtime_layer`, in its default configuration.
struct WasmtimeTarget {
    /// Shared by all stores of one test.
    engine: Engine<wasmtime_runtime_layer::Engine>,
}

impl WasmtimeTarget {
    fn new() -> Self {
        let engine = wasmtime::Engine::new(&wasmtime::Config::new())
            .expect("wasmtime's default configuration builds an engine");
        Self {
            engine: Engine::new(wasmtime_runtime_layer::Engine::new(engine)),
        }
    }
}

impl Target for WasmtimeTarget {
    type Engine = wasmtime_runtime_layer::Engine;

    fn name(&self) -> &'static str {
        "wasmtime"
    }

    fn engine(&self) -> Engine<Self::Engine> {
        self.engine.clone()
    }

    fn trap_kind(&self, err: &anyhow::Error) -> Option<TrapKind> {
        // The trap may be wrapped in context; search the whole chain.
        let trap = err
            .chain()
            .find_map(|e| e.downcast_ref::<wasmtime::Trap>())?;
        Some(match trap {
            wasmtime::Trap::UnreachableCodeReached => TrapKind::Unreachable,
            wasmtime::Trap::MemoryOutOfBounds => TrapKind::MemoryOutOfBounds,
            wasmtime::Trap::TableOutOfBounds => TrapKind::TableOutOfBounds,
            wasmtime::Trap::IntegerDivisionByZero => TrapKind::IntegerDivisionByZero,
            wasmtime::Trap::IntegerOverflow => TrapKind::IntegerOverflow,
            wasmtime::Trap::BadConversionToInteger => TrapKind::BadConversionToInteger,
            wasmtime::Trap::IndirectCallToNull => TrapKind::IndirectCallToNull,
            wasmtime::Trap::BadSignature => TrapKind::BadSignature,
            wasmtime::Trap::StackOverflow => TrapKind::StackOverflow,
            // Traps the suite never provokes (fuel, GC casts, atomics, ...).
            _ => return None,
        })
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::WASMTIME
    }
}

conformance::conformance_tests!(WasmtimeTarget::new());

/// The list behind `conformance::cases()` is the one the tests above come
/// from; check it is sane (non-empty, unique `group::case` names).
#[test]
fn case_list_is_consistent() {
    let cases = conformance::cases::<WasmtimeTarget>();
    assert!(!cases.is_empty(), "the suite has no cases");
    let mut names: Vec<&str> = cases.iter().map(|c| c.name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "case names are not unique");
}
