//! `Module`: a compiled `WebAssembly.Module` and its import/export types.

use crate::bindings;
use crate::error::{fast_error, from_py_err};
use crate::js_ref::JsRef;
use crate::module_types::ModuleTypes;
use crate::signature;
use crate::Engine;
use anyhow::Result;
use pyo3::prelude::*;
use std::sync::Arc;
use wasm_runtime_layer::backend::WasmModule;
use wasm_runtime_layer::{ExportType, ExternType, ImportType};

/// A compiled module.
#[derive(Clone, Debug)]
pub struct Module {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    js: JsRef,
    types: ModuleTypes,
}

impl Module {
    /// The JS `WebAssembly.Module`.
    pub(crate) fn js(&self) -> &JsRef {
        &self.inner.js
    }

    /// The generated wrapper, for the portable path.
    pub(crate) fn wrapper(&self, py: Python<'_>) -> PyResult<bindings::Module> {
        Ok(bindings::Module::from_js_unchecked(self.inner.js.proxy(py)?.unbind()))
    }

    /// The module's import and export types.
    pub(crate) fn types(&self) -> &ModuleTypes {
        &self.inner.types
    }
}

impl WasmModule<Engine> for Module {
    fn new(engine: &Engine, bytes: &[u8]) -> Result<Self> {
        let js = Python::attach(|py| -> Result<JsRef> {
            if engine.uses_fast_path() && crate::fast::runtime(py).is_some() {
                // Compiled straight from Rust memory: no copy on our side.
                // SAFETY: JS reads `bytes.len()` bytes at `bytes` during the call.
                let handle = unsafe { crate::fast::rtl1_module_new(bytes.as_ptr(), bytes.len()) };
                if handle == 0 {
                    return Err(fast_error::<()>(None));
                }
                return Ok(JsRef::from_handle(handle));
            }
            // Compiled from a view of Rust memory: no copy on our side.
            let compile = crate::glue::glue(py)?.compile_buffer.bind(py);
            let module = crate::pyodide_ffi::with_memoryview(py, bytes, |view| compile.call1((view,)).map(Bound::unbind))
                .map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(JsRef::from_proxy(module))
        })?;
        let types = ModuleTypes::parse(bytes)?;
        for ty in &types.func_types {
            signature::register(ty);
        }
        Ok(Self { inner: Arc::new(Inner { js, types }) })
    }

    fn exports(&self) -> Box<dyn '_ + Iterator<Item = ExportType<'_>>> {
        Box::new(self.inner.types.exports.iter().map(|(name, ty)| ExportType { name, ty: ty.clone() }))
    }

    fn get_export(&self, name: &str) -> Option<ExternType> {
        self.inner.types.exports.iter().find(|(n, _)| n == name).map(|(_, ty)| ty.clone())
    }

    fn imports(&self) -> Box<dyn '_ + Iterator<Item = ImportType<'_>>> {
        Box::new(
            self.inner
                .types
                .imports
                .iter()
                .map(|(module, name, ty)| ImportType { module, name, ty: ty.clone() }),
        )
    }
}
