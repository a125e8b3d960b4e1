//! `Func`: a Wasm function (exported by an instance, or a host function).

use crate::Engine;
use crate::by_handle::ByHandle;
use crate::error::WrongStore;
use crate::host_func::erase;
use crate::host_registry::register;
use crate::js_ref::JsRef;
use crate::path::{Path, with_path};
use crate::signature;
use crate::store_id::StoreId;
use crate::value::{check_store, check_type};
use anyhow::{Result, bail};
use pyo3::prelude::*;
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};
use wasm_runtime_layer::FuncType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Val, WasmFunc};

/// A Wasm function: the JS function object, its type and its store.
#[derive(Clone, Debug)]
pub struct Func {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    js: JsRef,
    ty: FuncType,
    store: StoreId,
    /// The fast path's call shim for the type; `None` if it has references.
    shim: OnceLock<Option<u32>>,
    /// The portable path's JS caller, compiled on first call.
    caller: OnceLock<Py<PyAny>>,
}

thread_local! {
    /// Every `Func` whose JS function has a fast-path handle, by handle: a
    /// table read of a function already held answers with it (no allocation,
    /// and the handle is not counted up and down again).
    static HELD: RefCell<ByHandle<Inner>> = const { RefCell::new(ByHandle::new()) };
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(handle) = self.js.known_handle() {
            let this: *const Inner = self;
            let _ = HELD.try_with(|held| held.try_borrow_mut().map(|mut held| held.remove(handle, this)));
        }
    }
}

impl Func {
    pub(crate) fn from_parts(js: JsRef, ty: FuncType, store: StoreId) -> Self {
        let handle = js.known_handle();
        let inner = Arc::new(Inner { js, ty, store, shim: OnceLock::new(), caller: OnceLock::new() });
        if let Some(handle) = handle {
            let _ = HELD.try_with(|held| held.try_borrow_mut().map(|mut held| held.insert(handle, &inner)));
        }
        Self { inner }
    }

    /// The `Func` of store `store` that Rust holds for fast-path `handle`, if any.
    pub(crate) fn held(handle: u32, store: StoreId) -> Option<Self> {
        let inner = HELD.try_with(|held| held.try_borrow().ok()?.get(handle)).ok().flatten()?;
        (inner.store == store).then_some(Self { inner })
    }

    /// The JS function object.
    pub(crate) fn js(&self) -> &JsRef {
        &self.inner.js
    }

    /// The function's type.
    pub(crate) fn ty_ref(&self) -> &FuncType {
        &self.inner.ty
    }

    /// The store the function belongs to.
    pub(crate) fn store_id(&self) -> StoreId {
        self.inner.store
    }

    fn check_call(&self, store: StoreId, args: &[Val<Engine>], results: &[Val<Engine>]) -> Result<()> {
        if store != self.inner.store {
            return Err(WrongStore.into());
        }
        let params = self.inner.ty.params();
        if args.len() != params.len() {
            bail!("wrong number of arguments: expected {}, got {}", params.len(), args.len());
        }
        if results.len() != self.inner.ty.results().len() {
            bail!("wrong number of results: expected {}, got {}", self.inner.ty.results().len(), results.len());
        }
        for (i, (arg, ty)) in args.iter().zip(params).enumerate() {
            check_type(arg, *ty, || format!("argument {i}"))?;
            check_store(arg, store)?;
        }
        Ok(())
    }

    /// The fast path's call-shim id for the function's type (see `path/fast.rs`).
    pub(crate) fn fast_shim(&self) -> &OnceLock<Option<u32>> {
        &self.inner.shim
    }

    /// The portable path's JS caller (see `path/portable.rs`).
    pub(crate) fn portable_caller(&self) -> &OnceLock<Py<PyAny>> {
        &self.inner.caller
    }
}

impl WasmFunc<Engine> for Func {
    /// Makes a host function. Without a JS engine to make it in, the function
    /// is still returned, and calling it is an error.
    fn new<T: 'static>(
        mut ctx: impl AsContextMut<Engine, UserState = T>,
        ty: FuncType,
        func: impl 'static + Send + Sync + Fn(crate::StoreContextMut<'_, T>, &[Val<Engine>], &mut [Val<Engine>]) -> Result<()>,
    ) -> Self {
        let ctx = ctx.as_context_mut();
        let store = ctx.inner;
        signature::register(&ty);
        let id = register(erase::<T>(store.id, ty.clone(), Box::new(func)));
        store.owned.host_ids.push(id);
        let sig = signature::encode(&ty);
        let made = Python::attach(|py| with_path!(store.engine, path => path.host_function(py, id, &sig)));
        let js = match made {
            Ok(made) => {
                store.owned.host_proxies.extend(made.keep);
                made.js
            }
            Err(_) => crate::path::undefined(),
        };
        Self::from_parts(js, ty, store.id)
    }

    fn ty(&self, _ctx: impl AsContext<Engine>) -> FuncType {
        self.inner.ty.clone()
    }

    fn call<T>(&self, mut ctx: impl AsContextMut<Engine>, args: &[Val<Engine>], results: &mut [Val<Engine>]) -> Result<()> {
        let store = ctx.as_context_mut().inner;
        self.check_call(store.id, args, results)?;
        with_path!(store.engine, path => path.call(store, self, args, results))
    }
}
