//! `Memory`: a `WebAssembly.Memory`.

use crate::bindings::{self, MemoryDescriptor};
use crate::error::{WrongStore, fast_error, from_py_err};
use crate::js_ref::JsRef;
use crate::boundary::{Portable, fast_abi};
use crate::store::StoreId;
use crate::Engine;
use anyhow::{Context, Result, bail};
use pyo3::prelude::*;
use wasm_runtime_layer::MemoryType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, WasmMemory};

/// Bytes in a Wasm page.
const PAGE: usize = 65536;

/// A linear memory.
#[derive(Clone, Debug)]
pub struct Memory {
    js: JsRef,
    ty: MemoryType,
    store: StoreId,
}

impl Memory {
    /// The JS `WebAssembly.Memory`.
    pub(crate) fn js(&self) -> &JsRef {
        &self.js
    }

    /// The generated wrapper, for the portable path.
    fn wrapper(&self, py: Python<'_>) -> PyResult<bindings::Memory> {
        Ok(bindings::Memory::from_js_unchecked(self.js.proxy(py)?.unbind()))
    }

    /// The store the memory belongs to.
    pub(crate) fn store_id(&self) -> StoreId {
        self.store
    }

    /// A memory exported by an instance.
    pub(crate) fn from_js(js: JsRef, ty: MemoryType, store: StoreId) -> Self {
        Self { js, ty, store }
    }

    fn check_store(&self, store: StoreId) -> Result<()> {
        if store != self.store {
            return Err(WrongStore.into());
        }
        Ok(())
    }

    /// The fast-path handle, when `engine` takes the fast path and it is installed.
    fn fast(&self, engine: &Engine) -> Option<u32> {
        if engine.uses_fast_path() { self.js.handle() } else { None }
    }

    /// The range `offset..offset + len`, checked against overflow.
    fn end(offset: usize, len: usize) -> Result<usize> {
        offset.checked_add(len).context("memory range overflows")
    }

    fn byte_len(&self, py: Python<'_>) -> Result<usize> {
        let buffer = self.wrapper(py)?.buffer(py)?;
        Ok(crate::js::get_property(&buffer, "byteLength")?.extract()?)
    }
}

/// A failed portable copy as the same error the fast path gives.
fn out_of_bounds(py: Python<'_>, err: PyErr, offset: usize, end: usize) -> anyhow::Error {
    let cause = from_py_err::<()>(py, err, None);
    anyhow::anyhow!("out of bounds memory access: {offset}..{end} ({cause})")
}

impl Memory {
    /// A fast-path copy's status as the same error the portable path gives.
    fn fast_status(&self, status: Result<(), fast_abi::Failed>, offset: usize, end: usize) -> Result<()> {
        if status.is_ok() {
            return Ok(());
        }
        let cause = fast_error::<()>(None);
        bail!("out of bounds memory access: {offset}..{end} ({cause})")
    }
}

impl WasmMemory<Engine> for Memory {
    fn new(mut ctx: impl AsContextMut<Engine>, ty: MemoryType) -> Result<Self> {
        let store = ctx.as_context_mut().inner.id;
        Python::attach(|py| {
            let descriptor = MemoryDescriptor {
                initial: ty.initial_pages().into_pyobject(py)?.into_any().unbind(),
                maximum: ty.maximum_pages().map(|m| m.into_pyobject(py).map(|v| v.into_any().unbind())).transpose()?,
                shared: None,
                address: None,
            };
            let js = bindings::Memory::new(py, &descriptor).map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(Self { js: JsRef::from_proxy(js.into_js()), ty, store })
        })
    }

    fn ty(&self, ctx: impl AsContext<Engine>) -> MemoryType {
        let _ = ctx;
        self.ty
    }

    fn grow(&self, mut ctx: impl AsContextMut<Engine>, additional: u32) -> Result<u32> {
        let ctx = ctx.as_context_mut();
        self.check_store(ctx.inner.id)?;
        if let Some(handle) = self.fast(&ctx.inner.engine) {
            // SAFETY: `handle` is a live fast-path handle of this memory.
            return unsafe { fast_abi::mem_grow(handle, additional) }.map_err(|_| fast_error::<()>(None));
        }
        Python::attach(|py| {
            let delta = additional.into_pyobject(py)?;
            let old = self.wrapper(py)?.grow(py, delta.as_any()).map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(old.extract()?)
        })
    }

    fn current_pages(&self, ctx: impl AsContext<Engine>) -> u32 {
        if let Some(handle) = self.fast(&ctx.as_context().inner.engine) {
            // SAFETY: `handle` is a live fast-path handle of this memory.
            return unsafe { fast_abi::mem_pages(handle) }.unwrap_or_else(|_| {
                let _ = fast_error::<()>(None);
                0
            });
        }
        Python::attach(|py| self.byte_len(py).map(|len| (len / PAGE) as u32).unwrap_or(0))
    }

    fn read(&self, ctx: impl AsContext<Engine>, offset: usize, buffer: &mut [u8]) -> Result<()> {
        let ctx = ctx.as_context();
        self.check_store(ctx.inner.id)?;
        if let Some(handle) = self.fast(&ctx.inner.engine) {
            let end = Self::end(offset, buffer.len())?;
            // SAFETY: `handle` is live; JS writes at most `buffer.len()` bytes to `buffer`.
            let status = unsafe { fast_abi::mem_read(handle, offset, buffer.len(), buffer.as_mut_ptr()) };
            return self.fast_status(status, offset, end);
        }
        let end = Self::end(offset, buffer.len())?;
        Python::attach(|py| {
            let memory = self.js.proxy(py)?;
            crate::pyodide_ffi::with_memoryview_mut(py, buffer, |view| Portable::read_into(py, &memory, offset as f64, view))
                .map_err(|err| out_of_bounds(py, err, offset, end))
        })
    }

    fn write(&self, mut ctx: impl AsContextMut<Engine>, offset: usize, buffer: &[u8]) -> Result<()> {
        let ctx = ctx.as_context_mut();
        self.check_store(ctx.inner.id)?;
        if let Some(handle) = self.fast(&ctx.inner.engine) {
            let end = Self::end(offset, buffer.len())?;
            // SAFETY: `handle` is live; JS reads `buffer.len()` bytes from `buffer`.
            let status = unsafe { fast_abi::mem_write(handle, offset, buffer.len(), buffer.as_ptr()) };
            return self.fast_status(status, offset, end);
        }
        let end = Self::end(offset, buffer.len())?;
        Python::attach(|py| {
            let memory = self.js.proxy(py)?;
            crate::pyodide_ffi::with_memoryview(py, buffer, |view| Portable::write_from(py, &memory, offset as f64, view))
                .map_err(|err| out_of_bounds(py, err, offset, end))
        })
    }
}
