//! `Table`: a `WebAssembly.Table` of funcref or externref.

use crate::error::WrongStore;
use crate::js_ref::JsRef;
use crate::path::{Path, with_path};
use crate::store_id::StoreId;
use crate::value::check_ref_store;
use crate::Engine;
use anyhow::{Result, bail};
use wasm_runtime_layer::TableType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Ref, WasmTable};

/// A table of references.
#[derive(Clone, Debug)]
pub struct Table {
    js: JsRef,
    ty: TableType,
    store: StoreId,
}

impl Table {
    /// The JS `WebAssembly.Table`.
    pub(crate) fn js(&self) -> &JsRef {
        &self.js
    }

    /// The store the table belongs to.
    pub(crate) fn store_id(&self) -> StoreId {
        self.store
    }

    /// The table's type as created.
    pub(crate) fn ty_ref(&self) -> &TableType {
        &self.ty
    }

    /// A table exported by an instance.
    pub(crate) fn from_js(js: JsRef, ty: TableType, store: StoreId) -> Self {
        Self { js, ty, store }
    }

    fn check(&self, store: StoreId, value: &Ref<Engine>) -> Result<()> {
        if store != self.store {
            return Err(WrongStore.into());
        }
        check_ref_store(value, store)?;
        if value.ty() != self.ty.element() {
            bail!("type mismatch: a {:?} reference cannot go into a table of {:?}", value.ty(), self.ty.element());
        }
        Ok(())
    }
}

impl WasmTable<Engine> for Table {
    fn new(mut ctx: impl AsContextMut<Engine>, ty: TableType, init: Ref<Engine>) -> Result<Self> {
        let store = ctx.as_context_mut().inner.id;
        check_ref_store(&init, store)?;
        if init.ty() != ty.element() {
            bail!("type mismatch: table of {:?} initialized with a {:?} reference", ty.element(), init.ty());
        }
        Ok(Self { js: crate::path::new_table(ty, &init)?, ty, store })
    }

    fn ty(&self, _ctx: impl AsContext<Engine>) -> TableType {
        self.ty
    }

    fn size(&self, ctx: impl AsContext<Engine>) -> u32 {
        with_path!(ctx.as_context().inner.engine, path => path.table_size(&self.js))
    }

    fn grow(&self, mut ctx: impl AsContextMut<Engine>, delta: u32, init: Ref<Engine>) -> Result<u32> {
        let ctx = ctx.as_context_mut();
        self.check(ctx.inner.id, &init)?;
        with_path!(ctx.inner.engine, path => path.table_grow(&self.js, self.ty.element(), delta, &init))
    }

    fn get(&self, mut ctx: impl AsContextMut<Engine>, index: u32) -> Option<Ref<Engine>> {
        let ctx = ctx.as_context_mut();
        with_path!(ctx.inner.engine, path => path.table_get(&self.js, self.ty.element(), index, ctx.inner))
    }

    fn set(&self, mut ctx: impl AsContextMut<Engine>, index: u32, elem: Ref<Engine>) -> Result<()> {
        let ctx = ctx.as_context_mut();
        self.check(ctx.inner.id, &elem)?;
        with_path!(ctx.inner.engine, path => path.table_set(&self.js, self.ty.element(), index, &elem))
    }
}
