//! Values between Rust and JS on the portable path: a `Val` as the Python
//! object Pyodide hands to JS, and back. Only what Pyodide converts by itself
//! happens here (numbers, `None`, JS objects); the JS-side half (BigInt for
//! i64, `undefined` → `null` for references, floats as bits) is in
//! `src/js/` so that one crossing does the whole job.

use super::func_type_of;
use crate::boundary::Portable;
use crate::js_ref::JsRef;
use crate::store::StoreInner;
use crate::value::v128_error;
use crate::{Engine, ExternRef, Func};
use anyhow::{Result, bail};
use pyo3::prelude::*;
use pyo3::types::PyInt;
use wasm_runtime_layer::ValType;
use wasm_runtime_layer::backend::{Ref, Val};

/// A value as the Python object that Pyodide hands to JS (`glue.js` finishes the job).
pub(crate) fn to_js<'py>(py: Python<'py>, value: &Val<Engine>) -> Result<Bound<'py, PyAny>> {
    Ok(match value {
        Val::I32(v) => PyInt::new(py, *v).into_any(),
        Val::I64(v) => PyInt::new(py, *v).into_any(),
        // Floats cross as their bits (see "Floats as bits" in `glue.js`).
        Val::F32(v) => PyInt::new(py, v.to_bits()).into_any(),
        Val::F64(v) => PyInt::new(py, v.to_bits() as i64).into_any(),
        Val::V128(_) => return Err(v128_error()),
        Val::FuncRef(None) | Val::ExternRef(None) => py.None().into_bound(py),
        Val::FuncRef(Some(f)) => f.js().proxy(py)?,
        Val::ExternRef(Some(e)) => extern_ref_js(e).proxy(py)?,
    })
}

/// A reference as the Python object that Pyodide hands to JS.
pub(crate) fn ref_to_js<'py>(py: Python<'py>, value: &Ref<Engine>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Ref::FuncRef(Some(f)) => f.js().proxy(py)?,
        Ref::ExternRef(Some(e)) => extern_ref_js(e).proxy(py)?,
        Ref::FuncRef(None) | Ref::ExternRef(None) => py.None().into_bound(py),
    })
}

/// The JS value standing for an externref, its wrapper made on first need.
/// If the wrapper cannot be made (no JS engine), the reference still works
/// on the host side and stands for JS `undefined`.
pub(crate) fn extern_ref_js(e: &ExternRef) -> &JsRef {
    e.js_cell().get_or_init(|| match e.id() {
        Some(id) => super::new_extern_ref(id).unwrap_or_else(|_| super::undefined()),
        None => super::undefined(),
    })
}

/// The `ExternRef` a JS value stands for: one of the store's own (by the id
/// its wrapper carries), else a foreign JS value.
fn extern_ref<T>(py: Python<'_>, value: &Bound<'_, PyAny>, store: &StoreInner<T>) -> Result<ExternRef> {
    let id = Portable::extern_ref_id(py, value)?;
    if id >= 0.0
        && let Some(known) = store.owned.extern_refs.get(&(id as u64))
    {
        return Ok(known.clone());
    }
    Ok(ExternRef::foreign(value, store.id))
}

/// A JS value (as Pyodide handed it to Python) read as a Wasm value of type `ty`.
pub(crate) fn from_js<T>(py: Python<'_>, value: &Bound<'_, PyAny>, ty: ValType, store: &mut StoreInner<T>) -> Result<Val<Engine>> {
    Ok(match ty {
        ValType::I32 => Val::I32(value.extract::<i64>()? as i32),
        ValType::I64 => Val::I64(value.extract::<i64>()?),
        ValType::F32 => Val::F32(f32::from_bits(value.extract::<i64>()? as u32)),
        ValType::F64 => Val::F64(f64::from_bits(value.extract::<i64>()? as u64)),
        ValType::V128 => return Err(v128_error()),
        ValType::FuncRef => Val::FuncRef(if crate::js::is_nullish(py, value)? {
            None
        } else {
            Some(Func::from_parts(JsRef::from_proxy(value.clone().unbind()), func_type_of(py, value)?, store.id))
        }),
        ValType::ExternRef => Val::ExternRef(if crate::js::is_nullish(py, value)? {
            None
        } else {
            Some(extern_ref(py, value, store)?)
        }),
    })
}

/// A reference read back from JS.
pub(crate) fn ref_from_js<T>(py: Python<'_>, value: &Bound<'_, PyAny>, ty: ValType, store: &mut StoreInner<T>) -> Result<Ref<Engine>> {
    Ok(match from_js(py, value, ty, store)? {
        Val::FuncRef(f) => Ref::FuncRef(f),
        Val::ExternRef(e) => Ref::ExternRef(e),
        _ => bail!("{ty} is not a reference type"),
    })
}
