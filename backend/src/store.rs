//! The store: user data, the host objects it owns, and the "current store"
//! through which host functions called from Wasm reach it.

use crate::Engine;
pub use crate::store_id::StoreId;
use crate::externref::ExternRef;
use crate::trap_sites::TableSites;
use pyo3::prelude::*;
use std::any::TypeId;
use std::cell::Cell;
use std::collections::HashMap;
use wasm_runtime_layer::ValType;
use wasm_runtime_layer::backend::{
    AsContext, AsContextMut, WasmStore, WasmStoreContext, WasmStoreContextMut,
};

/// Everything a store owns. Boxed, so its address is stable while host
/// functions reach it through the current-store pointer.
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

/// The store a Wasm call is running in, for host functions to reach.
#[derive(Clone, Copy)]
struct Current {
    store: *mut (),
    data_type: TypeId,
    id: StoreId,
}

thread_local! {
    static CURRENT: Cell<Option<Current>> = const { Cell::new(None) };
}

/// Makes `store` the current store until the guard drops (calls nest).
pub(crate) struct Entered {
    previous: Option<Current>,
}

impl Drop for Entered {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.previous));
    }
}

/// Makes `store` the store that host functions called from JS run in.
pub(crate) fn enter<T: 'static>(store: &mut StoreInner<T>) -> Entered {
    let current = Current {
        store: (store as *mut StoreInner<T>).cast(),
        data_type: TypeId::of::<T>(),
        id: store.id,
    };
    Entered { previous: CURRENT.with(|c| c.replace(Some(current))) }
}

/// The current store, if it is `owner` and holds data of type `T`.
///
/// # Safety
/// The caller must not keep the reference beyond the host-function call that
/// asked for it; the store is borrowed by the `Func::call`/`Instance::new`
/// frame below, which does not touch it until JS returns.
pub(crate) unsafe fn current<'a, T: 'static>(owner: StoreId) -> anyhow::Result<&'a mut StoreInner<T>> {
    let Some(current) = CURRENT.with(Cell::get) else {
        anyhow::bail!("host function called from JS outside of any Wasm call of its store");
    };
    if current.data_type != TypeId::of::<T>() {
        anyhow::bail!("host function called with a store whose data has another type");
    }
    if current.id != owner {
        anyhow::bail!("host function called from a store it does not belong to");
    }
    // SAFETY: see the function's contract; type and identity were checked above.
    Ok(unsafe { &mut *current.store.cast::<StoreInner<T>>() })
}
