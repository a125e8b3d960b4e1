//! `Memory`: a `WebAssembly.Memory`.

use crate::error::WrongStore;
use crate::js_ref::JsRef;
use crate::path::{Path, with_path};
use crate::store_id::StoreId;
use crate::Engine;
use crate::path::SmallCopies;
use anyhow::{Context, Result};
use std::sync::OnceLock;
use wasm_runtime_layer::MemoryType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, WasmMemory};

/// A linear memory.
#[derive(Clone, Debug)]
pub struct Memory {
    js: JsRef,
    ty: MemoryType,
    store: StoreId,
    /// The fast path's small-copy functions for it, made on first need.
    small_copies: OnceLock<Option<SmallCopies>>,
}

impl Memory {
    /// The JS `WebAssembly.Memory`.
    pub(crate) fn js(&self) -> &JsRef {
        &self.js
    }

    /// The store the memory belongs to.
    pub(crate) fn store_id(&self) -> StoreId {
        self.store
    }

    /// A memory exported by an instance.
    pub(crate) fn from_js(js: JsRef, ty: MemoryType, store: StoreId) -> Self {
        Self { js, ty, store, small_copies: OnceLock::new() }
    }

    /// The fast path's small-copy functions for this memory (`path/accessors.rs`).
    pub(crate) fn small_copies(&self) -> &OnceLock<Option<SmallCopies>> {
        &self.small_copies
    }

    fn check_store(&self, store: StoreId) -> Result<()> {
        if store != self.store {
            return Err(WrongStore.into());
        }
        Ok(())
    }

    /// The range `offset..offset + len`, checked against overflow.
    fn check_range(offset: usize, len: usize) -> Result<()> {
        offset.checked_add(len).map(drop).context("memory range overflows")
    }
}

impl WasmMemory<Engine> for Memory {
    fn new(mut ctx: impl AsContextMut<Engine>, ty: MemoryType) -> Result<Self> {
        let store = ctx.as_context_mut().inner.id;
        Ok(Self::from_js(crate::path::new_memory(ty)?, ty, store))
    }

    fn ty(&self, ctx: impl AsContext<Engine>) -> MemoryType {
        let _ = ctx;
        self.ty
    }

    fn grow(&self, mut ctx: impl AsContextMut<Engine>, additional: u32) -> Result<u32> {
        let ctx = ctx.as_context_mut();
        self.check_store(ctx.inner.id)?;
        with_path!(ctx.inner.engine, path => path.memory_grow(&self.js, additional))
    }

    fn current_pages(&self, ctx: impl AsContext<Engine>) -> u32 {
        with_path!(ctx.as_context().inner.engine, path => path.memory_pages(&self.js))
    }

    fn read(&self, ctx: impl AsContext<Engine>, offset: usize, buffer: &mut [u8]) -> Result<()> {
        let ctx = ctx.as_context();
        self.check_store(ctx.inner.id)?;
        Self::check_range(offset, buffer.len())?;
        with_path!(ctx.inner.engine, path => path.memory_read(self, offset, buffer))
    }

    fn write(&self, mut ctx: impl AsContextMut<Engine>, offset: usize, buffer: &[u8]) -> Result<()> {
        let ctx = ctx.as_context_mut();
        self.check_store(ctx.inner.id)?;
        Self::check_range(offset, buffer.len())?;
        with_path!(ctx.inner.engine, path => path.memory_write(self, offset, buffer))
    }
}
