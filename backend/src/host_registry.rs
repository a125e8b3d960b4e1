//! The registry of host functions: type-erased callbacks by id, owned by
//! their store, which unregisters them when it drops (freeing each closure
//! and what it captured). The paths' entry points (`path/fast.rs`,
//! `path/portable.rs`) look callbacks up by id; `host_func.rs` makes them.

use anyhow::{Result, anyhow};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use std::cell::RefCell;
use std::sync::Arc;

/// The arguments of one host call, as the path that made it carries them.
pub(crate) enum HostArgs<'a, 'py> {
    /// From the portable path: Python values Pyodide converted from JS.
    Python(Python<'py>, &'a Bound<'py, PyTuple>),
    /// From the fast path: numeric slots in Rust memory, results written back.
    Slots(*const u64, *mut u64),
}

/// A host function with its store's data type erased. For `Python` args it
/// returns the results as one Python value (`None`, a value or a tuple).
pub(crate) type Callback = dyn Fn(HostArgs<'_, '_>) -> Result<Option<Py<PyAny>>> + Send + Sync;

thread_local! {
    /// Live host functions by id; `None` once their store dropped.
    static REGISTRY: RefCell<Vec<Option<Arc<Callback>>>> = const { RefCell::new(Vec::new()) };
    static FREE_IDS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Registers a host function; its store must [`unregister`] it.
pub(crate) fn register(callback: Arc<Callback>) -> u32 {
    let reused = FREE_IDS.with(|free| free.borrow_mut().pop());
    REGISTRY.with(|registry| {
        let mut registry = registry.borrow_mut();
        match reused {
            Some(id) => {
                registry[id as usize] = Some(callback);
                id
            }
            None => {
                registry.push(Some(callback));
                (registry.len() - 1) as u32
            }
        }
    })
}

/// Frees a host function (its store dropped).
pub(crate) fn unregister(id: u32) {
    let freed = REGISTRY.with(|registry| registry.borrow_mut().get_mut(id as usize).and_then(Option::take));
    if freed.is_some() {
        FREE_IDS.with(|free| free.borrow_mut().push(id));
    }
    // `freed` drops here, outside the registry borrow (its captures may do anything).
}

/// Runs host function `id` with `args`; an error once its store dropped.
///
/// The entry is neither cloned nor borrowed while it runs (it may register
/// or unregister host functions): an entry is removed only when its store
/// drops, which cannot happen during one of its calls. A callback runs its
/// closure only while its store is current, and the current store is
/// borrowed by the `Func::call` or `Instance::new` below the call; called at
/// any other time it fails first (`call_state::current`).
pub(crate) fn run(id: u32, args: HostArgs<'_, '_>) -> Result<Option<Py<PyAny>>> {
    let callback = REGISTRY
        .with(|registry| registry.borrow().get(id as usize).and_then(|entry| entry.as_deref().map(std::ptr::from_ref)))
        .ok_or_else(|| anyhow!("host function called after its store was dropped"))?;
    // SAFETY: the entry stays registered for the whole call (see above), so
    // the `Arc` it points into is alive.
    unsafe { (*callback)(args) }
}

/// The text of a panic payload.
pub(crate) fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned())
}

