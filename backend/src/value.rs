//! Conversions between `Val` and the Python values Pyodide maps to JS.
//!
//! Only what Pyodide converts by itself happens here (numbers, `None`, JS
//! objects); the JS-side half (BigInt for i64, `undefined` → `null` for
//! references) lives in `glue.js` so that one crossing does the whole job.

use crate::Engine;
use anyhow::{Result, bail};
use crate::error::WrongStore;
use crate::store_id::StoreId;
use wasm_runtime_layer::ValType;
use wasm_runtime_layer::backend::{Ref, Val};

/// A value of another type than `ty`: what a host function's results start
/// as, so a result it never writes fails the type check (as in wasmtime).
pub(crate) fn unwritten(ty: ValType) -> Val<Engine> {
    match ty {
        ValType::FuncRef => Val::ExternRef(None),
        _ => Val::FuncRef(None),
    }
}

/// The zero value of a type (null for references).
pub(crate) fn zero(ty: ValType) -> Val<Engine> {
    match ty {
        ValType::I32 => Val::I32(0),
        ValType::I64 => Val::I64(0),
        ValType::F32 => Val::F32(0.0),
        ValType::F64 => Val::F64(0.0),
        ValType::V128 => Val::V128(0),
        ValType::FuncRef => Val::FuncRef(None),
        ValType::ExternRef => Val::ExternRef(None),
    }
}

/// The error for a v128 value at the JS boundary, which the JS API forbids.
pub(crate) fn v128_error() -> anyhow::Error {
    anyhow::anyhow!("v128 values cannot cross the JS boundary (the WebAssembly JS API forbids them)")
}

/// Checks that `value` has type `ty`.
pub(crate) fn check_type(value: &Val<Engine>, ty: ValType, what: impl FnOnce() -> String) -> Result<()> {
    if value.ty() != ty {
        bail!("type mismatch: {} has type {} but {ty} was expected", what(), value.ty());
    }
    Ok(())
}

/// A numeric value as a fast-path slot: the little-endian bits in the low bytes.
pub(crate) fn to_slot(value: &Val<Engine>) -> Option<u64> {
    Some(match value {
        Val::I32(v) => u64::from(*v as u32),
        Val::I64(v) => *v as u64,
        Val::F32(v) => u64::from(v.to_bits()),
        Val::F64(v) => v.to_bits(),
        _ => return None,
    })
}

/// A fast-path slot read back as a value of numeric type `ty`.
pub(crate) fn from_slot(slot: u64, ty: ValType) -> Val<Engine> {
    match ty {
        ValType::I32 => Val::I32(slot as u32 as i32),
        ValType::I64 => Val::I64(slot as i64),
        ValType::F32 => Val::F32(f32::from_bits(slot as u32)),
        ValType::F64 => Val::F64(f64::from_bits(slot)),
        other => zero(other),
    }
}

/// Checks that a reference value belongs to store `store` (wasmtime rejects
/// references from another store).
pub(crate) fn check_store(value: &Val<Engine>, store: StoreId) -> Result<()> {
    match value {
        Val::FuncRef(Some(f)) => same_store(f.store_id(), store),
        Val::ExternRef(Some(e)) => same_store(e.store_id(), store),
        _ => Ok(()),
    }
}

/// [`check_store`] for a reference.
pub(crate) fn check_ref_store(value: &Ref<Engine>, store: StoreId) -> Result<()> {
    match value {
        Ref::FuncRef(Some(f)) => same_store(f.store_id(), store),
        Ref::ExternRef(Some(e)) => same_store(e.store_id(), store),
        _ => Ok(()),
    }
}

fn same_store(owner: StoreId, store: StoreId) -> Result<()> {
    if owner != store {
        return Err(WrongStore.into());
    }
    Ok(())
}
