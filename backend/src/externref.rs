//! `ExternRef`: a host value that Wasm holds by reference.
//!
//! Each `ExternRef` has one frozen JS wrapper object carrying a numeric id, so
//! the same host value is the same JS value however often it crosses; the
//! store maps the id back to the `ExternRef` and releases it when it drops.
//! A JS value that is not one of our wrappers becomes an `ExternRef` holding a
//! [`JsValue`].

use crate::boundary::Portable;
use crate::js_ref::JsRef;
use crate::store::{StoreId, StoreInner};
use crate::{Engine, StoreContext};
use anyhow::{Context, Result};
use pyo3::prelude::*;
use std::any::Any;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use wasm_runtime_layer::backend::{AsContextMut, WasmExternRef};

/// A reference to a host value, usable as a Wasm `externref`.
#[derive(Clone, Debug)]
pub struct ExternRef {
    inner: Arc<Inner>,
}

struct Inner {
    value: Box<dyn Any + Send + Sync>,
    js: JsRef,
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
    /// The JS value that stands for this reference.
    pub(crate) fn js(&self) -> &JsRef {
        &self.inner.js
    }

    /// One of this store's externrefs, by the id its JS wrapper carries.
    pub(crate) fn by_id<T>(id: u64, store: &StoreInner<T>) -> Option<Self> {
        store.owned.extern_refs.get(&id).cloned()
    }

    /// The store the reference was made in (or, for a foreign JS value, first seen in).
    pub(crate) fn store_id(&self) -> StoreId {
        self.inner.store
    }

    /// The `ExternRef` a JS value stands for.
    pub(crate) fn from_js<T>(py: Python<'_>, value: &Bound<'_, PyAny>, store: &mut StoreInner<T>) -> Result<Self> {
        let id = Portable::extern_ref_id(py, value)?;
        if id >= 0.0 {
            if let Some(known) = store.owned.extern_refs.get(&(id as u64)) {
                return Ok(known.clone());
            }
        }
        Ok(Self {
            inner: Arc::new(Inner {
                value: Box::new(JsValue(Arc::new(value.clone().unbind()))),
                js: JsRef::from_proxy(value.clone().unbind()),
                store: store.id,
            }),
        })
    }
}

impl WasmExternRef<Engine> for ExternRef {
    /// Wraps `object`. If its JS wrapper cannot be made (no JS engine), the
    /// reference still works on the host side and stands for JS `undefined`.
    fn new<T: 'static + Send + Sync>(mut ctx: impl AsContextMut<Engine>, object: T) -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        let ctx = ctx.as_context_mut();
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let js = Python::attach(|py| {
            Portable::new_extern_ref(py, id as f64)
                .map(Bound::unbind)
                .unwrap_or_else(|_| py.None())
        });
        let js = JsRef::from_proxy(js);
        let this = Self { inner: Arc::new(Inner { value: Box::new(object), js, store: ctx.inner.id }) };
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
