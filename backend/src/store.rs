//! The store: user data and the host objects it owns (host functions called
//! from Wasm reach it through `crate::call_state`).

use crate::Engine;
pub use crate::store_id::StoreId;
use crate::externref::ExternRef;
use crate::trap_sites::TableSites;
use pyo3::prelude::*;
use std::collections::HashMap;
use wasm_runtime_layer::ValType;
use wasm_runtime_layer::backend::{
    AsContext, AsContextMut, WasmStore, WasmStoreContext, WasmStoreContextMut,
};

/// Everything a store owns. Boxed, so its address is stable while host
/// functions reach it through the current-store pointer (`crate::call_state`).
pub struct StoreInner<T> {
    pub(crate) id: StoreId,
    pub(crate) engine: Engine,
    pub(crate) data: T,
    pub(crate) owned: Owned,
}

/// The JS-facing objects a store owns and releases when it drops.
#[derive(Default)]
pub(crate) struct Owned {
    /// Host values passed to Wasm as externrefs, by the id their JS wrapper carries.
    pub(crate) extern_refs: HashMap<u64, ExternRef>,
    /// Host functions (registry ids), freed with the store.
    pub(crate) host_ids: Vec<u32>,
    /// JS proxies of portable-path host functions, destroyed with the store.
    pub(crate) host_proxies: Vec<Py<PyAny>>,
    /// Tags exported by this store's instances, to decode escaping exceptions.
    pub(crate) tags: Vec<(std::sync::Arc<Py<PyAny>>, Vec<ValType>)>,
    /// The table-access instructions of the modules instantiated in this
    /// store, where the engine needs them to classify traps (`trap_sites`).
    pub(crate) table_sites: Vec<std::sync::Arc<TableSites>>,
}

impl Owned {
    /// Keeps `sites` (once per module) for classifying this store's traps.
    pub(crate) fn keep_table_sites(&mut self, sites: &std::sync::Arc<TableSites>) {
        if !self.table_sites.iter().any(|kept| std::sync::Arc::ptr_eq(kept, sites)) {
            self.table_sites.push(sites.clone());
        }
    }
}

impl Drop for Owned {
    fn drop(&mut self) {
        for id in self.host_ids.drain(..) {
            crate::host_registry::unregister(id);
        }
        let proxies = std::mem::take(&mut self.host_proxies);
        if proxies.is_empty() {
            return;
        }
        Python::attach(|py| {
            for proxy in proxies {
                // Frees the host closure; a JS call afterwards raises an error.
                let _ = crate::pyodide_ffi::destroy_proxy(py, proxy.bind(py));
            }
        });
    }
}

/// A store of Wasm objects and user data `T`.
pub struct Store<T: 'static> {
    inner: Box<StoreInner<T>>,
}

/// Shared access to a store.
pub struct StoreContext<'a, T: 'static> {
    pub(crate) inner: &'a StoreInner<T>,
}

/// Exclusive access to a store.
pub struct StoreContextMut<'a, T: 'static> {
    pub(crate) inner: &'a mut StoreInner<T>,
}

impl<T: 'static> WasmStore<T, Engine> for Store<T> {
    fn new(engine: &Engine, data: T) -> Self {
        Self {
            inner: Box::new(StoreInner {
                id: StoreId::fresh(),
                engine: engine.clone(),
                data,
                owned: Owned::default(),
            }),
        }
    }

    fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    fn data(&self) -> &T {
        &self.inner.data
    }

    fn data_mut(&mut self) -> &mut T {
        &mut self.inner.data
    }

    fn into_data(self) -> T {
        self.inner.data
    }
}

impl<T: 'static> AsContext<Engine> for Store<T> {
    type UserState = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext { inner: &self.inner }
    }
}

impl<T: 'static> AsContextMut<Engine> for Store<T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut { inner: &mut self.inner }
    }
}

impl<'a, T: 'static> AsContext<Engine> for StoreContext<'a, T> {
    type UserState = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext { inner: self.inner }
    }
}

impl<'a, T: 'static> WasmStoreContext<'a, T, Engine> for StoreContext<'a, T> {
    fn engine(&self) -> &Engine {
        &self.inner.engine
    }
    fn data(&self) -> &T {
        &self.inner.data
    }
}

impl<'a, T: 'static> AsContext<Engine> for StoreContextMut<'a, T> {
    type UserState = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext { inner: self.inner }
    }
}

impl<'a, T: 'static> AsContextMut<Engine> for StoreContextMut<'a, T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut { inner: self.inner }
    }
}

impl<'a, T: 'static> WasmStoreContext<'a, T, Engine> for StoreContextMut<'a, T> {
    fn engine(&self) -> &Engine {
        &self.inner.engine
    }
    fn data(&self) -> &T {
        &self.inner.data
    }
}

impl<'a, T: 'static> WasmStoreContextMut<'a, T, Engine> for StoreContextMut<'a, T> {
    fn data_mut(&mut self) -> &mut T {
        &mut self.inner.data
    }
}
