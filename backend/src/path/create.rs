//! Making memories, tables and globals: the same JS objects on both paths,
//! made once through Pyodide's FFI (the generated bindings and `Portable`).

use super::portable::element_code;
use crate::Engine;
use crate::bindings::{self, MemoryDescriptor};
use crate::boundary::Portable;
use super::from_py_err;
use crate::js_ref::JsRef;
use crate::type_code;
use super::convert::{ref_to_js, to_js};
use anyhow::Result;
use pyo3::prelude::*;
use wasm_runtime_layer::backend::{Ref, Val};
use wasm_runtime_layer::{MemoryType, TableType};

/// A `WebAssembly.Memory` of type `ty`.
pub(crate) fn new_memory(ty: MemoryType) -> Result<JsRef> {
    Python::attach(|py| {
        let descriptor = MemoryDescriptor {
            initial: ty.initial_pages().into_pyobject(py)?.into_any().unbind(),
            maximum: ty.maximum_pages().map(|m| m.into_pyobject(py).map(|v| v.into_any().unbind())).transpose()?,
            shared: None,
            address: None,
        };
        let js = bindings::Memory::new(py, &descriptor).map_err(|err| from_py_err::<()>(py, err, None))?;
        Ok(JsRef::from_proxy(js.into_js()))
    })
}

/// A `WebAssembly.Table` of type `ty`, every slot `init` (checked by the caller).
pub(crate) fn new_table(ty: TableType, init: &Ref<Engine>) -> Result<JsRef> {
    Python::attach(|py| {
        let init = ref_to_js(py, init)?;
        let js = Portable::new_table(py, &element_code(ty.element()), ty.minimum(), ty.maximum(), &init)
            .map_err(|err| from_py_err::<()>(py, err, None))?;
        Ok(JsRef::from_proxy(js.unbind()))
    })
}

/// A `WebAssembly.Global` holding `value`.
pub(crate) fn new_global(value: &Val<Engine>, mutable: bool) -> Result<JsRef> {
    Python::attach(|py| {
        let initial = to_js(py, value)?;
        let js = Portable::new_global(py, &type_code::code(value.ty()).to_string(), mutable, &initial)?;
        Ok(JsRef::from_proxy(js.unbind()))
    })
}

/// The JS wrapper of externref `id`: a frozen object carrying the id.
pub(crate) fn new_extern_ref(id: u64) -> Result<JsRef> {
    Python::attach(|py| Ok(JsRef::from_proxy(Portable::new_extern_ref(py, id as f64)?.unbind())))
}

/// JS `undefined`: what stands for an object that could not be made (its
/// operations then fail with an error).
pub(crate) fn undefined() -> JsRef {
    Python::attach(|py| JsRef::from_proxy(py.None()))
}
