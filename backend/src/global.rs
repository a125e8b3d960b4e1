//! `Global`: a `WebAssembly.Global`.

use crate::error::WrongStore;
use crate::js_ref::JsRef;
use crate::path::{GlobalAccess, Path, with_path};
use crate::store_id::StoreId;
use crate::value::{check_store, check_type};
use crate::Engine;
use anyhow::{Result, bail};
use std::sync::OnceLock;
use wasm_runtime_layer::GlobalType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Val, WasmGlobal};

/// A global variable.
#[derive(Clone, Debug)]
pub struct Global {
    js: JsRef,
    ty: GlobalType,
    store: StoreId,
    /// The fast path's accessors for it, made on first need.
    access: OnceLock<Option<GlobalAccess>>,
}

impl Global {
    /// The JS `WebAssembly.Global`.
    pub(crate) fn js(&self) -> &JsRef {
        &self.js
    }

    /// The global's type.
    pub(crate) fn ty_ref(&self) -> &GlobalType {
        &self.ty
    }

    /// The store the global belongs to.
    pub(crate) fn store_id(&self) -> StoreId {
        self.store
    }

    /// A global exported by an instance.
    pub(crate) fn from_js(js: JsRef, ty: GlobalType, store: StoreId) -> Self {
        Self { js, ty, store, access: OnceLock::new() }
    }

    /// The fast path's accessors for this global (`path/accessors.rs`).
    pub(crate) fn access(&self) -> &OnceLock<Option<GlobalAccess>> {
        &self.access
    }
}

impl WasmGlobal<Engine> for Global {
    /// Makes a global. Values the JS API cannot hold (v128) give a global
    /// whose `get` returns zero and whose `set` is an error.
    fn new(mut ctx: impl AsContextMut<Engine>, value: Val<Engine>, mutable: bool) -> Self {
        let store = ctx.as_context_mut().inner.id;
        let ty = GlobalType::new(value.ty(), mutable);
        let js = crate::path::new_global(&value, mutable).unwrap_or_else(|_| crate::path::undefined());
        Self::from_js(js, ty, store)
    }

    fn ty(&self, _ctx: impl AsContext<Engine>) -> GlobalType {
        self.ty
    }

    fn set(&self, mut ctx: impl AsContextMut<Engine>, new_value: Val<Engine>) -> Result<()> {
        if ctx.as_context_mut().inner.id != self.store {
            return Err(WrongStore.into());
        }
        if !self.ty.mutable() {
            bail!("cannot set an immutable global");
        }
        check_type(&new_value, self.ty.content(), || "the new value".to_owned())?;
        check_store(&new_value, self.store)?;
        with_path!(ctx.as_context_mut().inner.engine, path => path.global_set(self, &new_value))
    }

    /// Reads the global; if JS fails (a v128 global), returns the type's zero.
    fn get(&self, mut ctx: impl AsContextMut<Engine>) -> Val<Engine> {
        let ctx = ctx.as_context_mut();
        with_path!(ctx.inner.engine, path => path.global_get(self, ctx.inner))
    }
}
