//! `ExternRef`: a host value that Wasm holds by reference.
//!
//! Each `ExternRef` has one frozen JS wrapper object carrying a numeric id, so
//! the same host value is the same JS value however often it crosses; the
//! store maps the id back to the `ExternRef` and releases it when it drops.
//! A JS value that is not one of our wrappers becomes an `ExternRef` holding a
//! [`JsValue`].

use crate::js_ref::JsRef;
use crate::store_id::StoreId;
use crate::{Engine, StoreContext};
use anyhow::{Context, Result};
use pyo3::prelude::*;
use std::any::Any;
use std::sync::{Arc, OnceLock};
use std::sync::atomic::{AtomicU64, Ordering};
use wasm_runtime_layer::backend::{AsContextMut, WasmExternRef};

/// A reference to a host value, usable as a Wasm `externref`.
#[derive(Clone, Debug)]
pub struct ExternRef {
    inner: Arc<Inner>,
}

struct Inner {
    value: Box<dyn Any + Send + Sync>,
    /// The id its JS wrapper carries (`None` for a foreign JS value).
    id: Option<u64>,
    /// The JS value standing for it: made when it first crosses to JS
    /// (`path::extern_ref_js`), or the foreign value itself.
    js: OnceLock<JsRef>,
    store: StoreId,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ExternRef")
    }
}

/// A JS value that reached the host as an `externref` without being one of
/// this backend's host values (`ExternRef::downcast::<JsValue>` finds it).
#[derive(Clone, Debug)]
pub struct JsValue(pub Arc<Py<PyAny>>);

impl ExternRef {
    /// The JS value that stands for this reference, once made (see
    /// `path::extern_ref_js`).
    pub(crate) fn js_cell(&self) -> &OnceLock<JsRef> {
        &self.inner.js
    }

    /// The id its JS wrapper carries (`None` for a foreign JS value).
    pub(crate) fn id(&self) -> Option<u64> {
        self.inner.id
    }

    /// The store the reference was made in (or, for a foreign JS value, first seen in).
    pub(crate) fn store_id(&self) -> StoreId {
        self.inner.store
    }

    /// A JS value that is not one of our wrappers, as an `ExternRef`
    /// holding a [`JsValue`] (first seen in `store`).
    pub(crate) fn foreign(value: &Bound<'_, PyAny>, store: StoreId) -> Self {
        Self {
            inner: Arc::new(Inner {
                value: Box::new(JsValue(Arc::new(value.clone().unbind()))),
                id: None,
                js: OnceLock::from(JsRef::from_proxy(value.clone().unbind())),
                store,
            }),
        }
    }
}

impl WasmExternRef<Engine> for ExternRef {
    /// Wraps `object`. Its JS wrapper is made when it first crosses to JS.
    fn new<T: 'static + Send + Sync>(mut ctx: impl AsContextMut<Engine>, object: T) -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        let ctx = ctx.as_context_mut();
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let inner = Inner { value: Box::new(object), id: Some(id), js: OnceLock::new(), store: ctx.inner.id };
        let this = Self { inner: Arc::new(inner) };
        ctx.inner.owned.extern_refs.insert(id, this.clone());
        this
    }

    fn downcast<'a, 's: 'a, T: 'static, S: 'static>(&'a self, _store: StoreContext<'s, S>) -> Result<&'a T> {
        self.inner
            .value
            .downcast_ref::<T>()
            .with_context(|| format!("externref does not hold a `{}`", std::any::type_name::<T>()))
    }
}
