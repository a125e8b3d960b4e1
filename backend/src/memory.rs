//! `Memory`: a `WebAssembly.Memory`.

use crate::bindings::{self, MemoryDescriptor};
use crate::error::{WrongStore, from_py_err};
use crate::glue::glue;
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
    js: bindings::Memory,
    ty: MemoryType,
    store: StoreId,
}

impl Memory {
    /// The JS `WebAssembly.Memory`.
    pub(crate) fn js(&self) -> &bindings::Memory {
        &self.js
    }

    /// The store the memory belongs to.
    pub(crate) fn store_id(&self) -> StoreId {
        self.store
    }

    /// A memory exported by an instance.
    pub(crate) fn from_js(value: &Bound<'_, PyAny>, ty: MemoryType, store: StoreId) -> Self {
        Self { js: bindings::Memory::from_js_unchecked(value.clone().unbind()), ty, store }
    }

    fn check_store(&self, store: StoreId) -> Result<()> {
        if store != self.store {
            return Err(WrongStore.into());
        }
        Ok(())
    }

    /// A view of `len` bytes at `offset`; JS rejects a range past the end.
    fn view<'py>(&self, py: Python<'py>, offset: usize, len: usize) -> Result<Bound<'py, PyAny>> {
        let end = offset.checked_add(len).context("memory range overflows")?;
        let size = self.byte_len(py)?;
        if end > size {
            bail!("out of bounds memory access: {offset}..{end} is outside the memory's {size} bytes");
        }
        Ok(glue(py)?.memory_view.bind(py).call1((self.js.as_js().bind(py), offset, len))?)
    }

    fn byte_len(&self, py: Python<'_>) -> Result<usize> {
        let buffer = self.js.buffer(py)?;
        Ok(crate::js::get_property(&buffer, "byteLength")?.extract()?)
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
            Ok(Self { js, ty, store })
        })
    }

    fn ty(&self, ctx: impl AsContext<Engine>) -> MemoryType {
        let _ = ctx;
        self.ty
    }

    fn grow(&self, mut ctx: impl AsContextMut<Engine>, additional: u32) -> Result<u32> {
        self.check_store(ctx.as_context_mut().inner.id)?;
        Python::attach(|py| {
            let delta = additional.into_pyobject(py)?;
            let old = self.js.grow(py, delta.as_any()).map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(old.extract()?)
        })
    }

    fn current_pages(&self, _ctx: impl AsContext<Engine>) -> u32 {
        Python::attach(|py| self.byte_len(py).map(|len| (len / PAGE) as u32).unwrap_or(0))
    }

    fn read(&self, ctx: impl AsContext<Engine>, offset: usize, buffer: &mut [u8]) -> Result<()> {
        self.check_store(ctx.as_context().inner.id)?;
        Python::attach(|py| {
            let view = self.view(py, offset, buffer.len())?;
            crate::pyodide_ffi::copy_to_slice(py, &view, buffer)?;
            Ok(())
        })
    }

    fn write(&self, mut ctx: impl AsContextMut<Engine>, offset: usize, buffer: &[u8]) -> Result<()> {
        self.check_store(ctx.as_context_mut().inner.id)?;
        Python::attach(|py| {
            let view = self.view(py, offset, buffer.len())?;
            crate::pyodide_ffi::copy_from_slice(py, &view, buffer)?;
            Ok(())
        })
    }
}
