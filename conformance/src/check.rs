//! Assertions that return an `Err` with a clear message instead of panicking.
//!
//! Every case is a plain function returning `anyhow::Result<()>`; these
//! helpers keep the mismatch reports uniform: *what* was checked, what was
//! expected (wasmtime's answer) and what the backend did.

use std::fmt::Debug;
use std::panic::{AssertUnwindSafe, catch_unwind};

use anyhow::{Result, anyhow, bail};
use wasm_runtime_layer::{Ref, Val, ValType};

use crate::case::panic_message;

/// `Ok` if `actual == expected`, otherwise an `Err` naming `what`.
pub fn ensure_eq<A>(actual: A, expected: A, what: &str) -> Result<()>
where
    A: PartialEq + Debug,
{
    if actual == expected {
        Ok(())
    } else {
        bail!("{what}: expected {expected:?}, got {actual:?}")
    }
}

/// `Ok` if `condition` holds, otherwise an `Err` with `what`.
pub fn ensure_that(condition: bool, what: &str) -> Result<()> {
    if condition {
        Ok(())
    } else {
        bail!("{what}: condition does not hold")
    }
}

/// Expects `result` to be an `Err` and returns that error for further checks.
pub fn expect_err<R: Debug>(result: Result<R>, what: &str) -> Result<anyhow::Error> {
    match result {
        Ok(value) => bail!("{what}: expected an Err, got Ok({value:?})"),
        Err(err) => Ok(err),
    }
}

/// Expects `result` to be `Ok`, adding `what` to the error otherwise.
pub fn expect_ok<R>(result: Result<R>, what: &str) -> Result<R> {
    result.map_err(|err| anyhow!("{what}: expected Ok, got Err({err:#})"))
}

/// Runs `f`, turning a panic into an `Err` naming `what`.
///
/// Used where the point of a check is "Ok or a clear Err, never a panic".
pub fn no_panic<R>(what: &str, f: impl FnOnce() -> R) -> Result<R> {
    catch_unwind(AssertUnwindSafe(f))
        .map_err(|payload| anyhow!("{what}: panicked: {}", panic_message(payload.as_ref())))
}

/// Whether two floats are the same value: bit-identical, except that any NaN
/// equals any NaN (NaN payloads are not portable across engines), and
/// `0.0` differs from `-0.0`.
pub fn same_f32(a: f32, b: f32) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

/// 64-bit version of [`same_f32`].
pub fn same_f64(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

/// Whether two values are the same: numbers as in [`same_f32`]; references
/// only by their null-ness (identity needs a store, see the ref cases).
pub fn same_val(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::I32(a), Val::I32(b)) => a == b,
        (Val::I64(a), Val::I64(b)) => a == b,
        (Val::F32(a), Val::F32(b)) => same_f32(*a, *b),
        (Val::F64(a), Val::F64(b)) => same_f64(*a, *b),
        (Val::V128(a), Val::V128(b)) => a == b,
        (Val::FuncRef(a), Val::FuncRef(b)) => a.is_some() == b.is_some(),
        (Val::ExternRef(a), Val::ExternRef(b)) => a.is_some() == b.is_some(),
        _ => false,
    }
}

/// `Ok` if [`same_val`] holds, otherwise an `Err` naming `what`.
pub fn ensure_val(actual: &Val, expected: &Val, what: &str) -> Result<()> {
    if same_val(actual, expected) {
        Ok(())
    } else {
        bail!("{what}: expected {expected:?}, got {actual:?}")
    }
}

/// `Ok` if both slices hold the same values in order (see [`same_val`]).
pub fn ensure_vals(actual: &[Val], expected: &[Val], what: &str) -> Result<()> {
    if actual.len() == expected.len() && actual.iter().zip(expected).all(|(a, e)| same_val(a, e)) {
        Ok(())
    } else {
        bail!("{what}: expected {expected:?}, got {actual:?}")
    }
}

/// The `i32` inside `val`, or an `Err` naming `what`.
pub fn as_i32(val: &Val, what: &str) -> Result<i32> {
    match val {
        Val::I32(v) => Ok(*v),
        other => bail!("{what}: expected an i32, got {other:?}"),
    }
}

/// The `i64` inside `val`, or an `Err` naming `what`.
pub fn as_i64(val: &Val, what: &str) -> Result<i64> {
    match val {
        Val::I64(v) => Ok(*v),
        other => bail!("{what}: expected an i64, got {other:?}"),
    }
}

/// The function reference inside `val` (possibly null), or an `Err`.
pub fn as_funcref(val: Val, what: &str) -> Result<Option<wasm_runtime_layer::Func>> {
    match val {
        Val::FuncRef(f) => Ok(f),
        other => bail!("{what}: expected a funcref, got {other:?}"),
    }
}

/// The external reference inside `val` (possibly null), or an `Err`.
pub fn as_externref(val: Val, what: &str) -> Result<Option<wasm_runtime_layer::ExternRef>> {
    match val {
        Val::ExternRef(r) => Ok(r),
        other => bail!("{what}: expected an externref, got {other:?}"),
    }
}

/// The function reference inside a table element (possibly null), or an `Err`.
pub fn ref_as_func(r: Ref, what: &str) -> Result<Option<wasm_runtime_layer::Func>> {
    match r {
        Ref::FuncRef(f) => Ok(f),
        other => bail!("{what}: expected a funcref element, got {other:?}"),
    }
}

/// The external reference inside a table element (possibly null), or an `Err`.
pub fn ref_as_extern(r: Ref, what: &str) -> Result<Option<wasm_runtime_layer::ExternRef>> {
    match r {
        Ref::ExternRef(e) => Ok(e),
        other => bail!("{what}: expected an externref element, got {other:?}"),
    }
}

/// The value types of `vals`, for comparing against a function type.
pub fn types_of(vals: &[Val]) -> Vec<ValType> {
    vals.iter().map(Val::ty).collect()
}

/// A compact, comparable description of an extern type, e.g.
/// `"func(i32) -> (i64)"`, `"global mut f64"`, `"memory 1..2"`, `"table funcref 3.."`.
///
/// (`ExternType` itself does not implement `PartialEq`.)
pub fn describe(ty: &wasm_runtime_layer::ExternType) -> String {
    use wasm_runtime_layer::ExternType;
    let limits = |min: u32, max: Option<u32>| match max {
        Some(max) => format!("{min}..{max}"),
        None => format!("{min}.."),
    };
    match ty {
        ExternType::Func(f) => {
            // Not `FuncType`'s `Display`: it repeats " -> " between results.
            let list = |tys: &[ValType]| {
                tys.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            format!("func({}) -> ({})", list(f.params()), list(f.results()))
        }
        ExternType::Global(g) => {
            format!(
                "global {}{}",
                if g.mutable() { "mut " } else { "" },
                g.content()
            )
        }
        ExternType::Memory(m) => format!("memory {}", limits(m.initial_pages(), m.maximum_pages())),
        ExternType::Table(t) => {
            format!("table {} {}", t.element(), limits(t.minimum(), t.maximum()))
        }
    }
}
