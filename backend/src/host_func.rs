//! Host functions: Rust closures that Wasm calls through JS.
//!
//! Every host function is an entry in a registry of type-erased callbacks,
//! owned by its store, which removes it when it drops: that frees the closure
//! and everything it captured, and nothing on the JS side keeps Rust objects
//! alive. JS reaches an entry in one of two ways:
//! - the fast path: a JS wrapper that passes the arguments as slots in Rust
//!   memory to [`crate::fast::host_trampoline`] (numeric signatures);
//! - the portable path: a Python callable (`HostTrampoline`) proxied to JS
//!   with `create_proxy` (any signature).
//!
//! Errors and panics never unwind into JS: they are parked and the call fails
//! with a marker error that JS carries back to the `Func::call` that started
//! it, which returns the parked error unchanged.

use crate::Engine;
use crate::error::park_host_error;
use crate::store::{StoreContextMut, StoreId, current};
use crate::value::{check_store, check_type, from_js, from_slot, to_js, to_slot, unwritten};
use anyhow::{Result, anyhow};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use smallvec::SmallVec;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use wasm_runtime_layer::FuncType;
use wasm_runtime_layer::backend::Val;

/// The arguments of one host call, as the path that made it carries them.
pub(crate) enum HostArgs<'a, 'py> {
    /// From the portable path: Python values Pyodide converted from JS.
    Python(Python<'py>, &'a Bound<'py, PyTuple>),
    /// From the fast path: numeric slots in Rust memory, results written back.
    Slots(*const u64, *mut u64),
}

/// A host function with its store's data type erased. For `Python` args it
/// returns the results as one Python value (`None`, a value or a tuple).
type Callback = dyn Fn(HostArgs<'_, '_>) -> Result<Option<Py<PyAny>>> + Send + Sync;

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

fn lookup(id: u32) -> Result<Arc<Callback>> {
    REGISTRY
        .with(|registry| registry.borrow().get(id as usize).cloned().flatten())
        .ok_or_else(|| anyhow!("host function called after its store was dropped"))
}

/// Runs host function `id` for the fast path.
pub(crate) fn call_from_slots(id: u32, args: *const u64, results: *mut u64) -> Result<()> {
    lookup(id)?(HostArgs::Slots(args, results)).map(drop)
}

/// The Python callable JS calls for a host function on the portable path.
#[pyclass(frozen)]
pub(crate) struct HostTrampoline {
    id: u32,
}

#[pymethods]
impl HostTrampoline {
    #[pyo3(signature = (*args))]
    fn __call__(&self, py: Python<'_>, args: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
        let outcome = catch_unwind(AssertUnwindSafe(|| lookup(self.id)?(HostArgs::Python(py, args))))
            .unwrap_or_else(|panic| Err(anyhow!("host function panicked: {}", panic_message(&panic))));
        match outcome {
            Ok(value) => Ok(value.unwrap_or_else(|| py.None())),
            Err(err) => {
                let message = format!("{err:#}");
                park_host_error(err);
                Err(PyRuntimeError::new_err(message))
            }
        }
    }
}

impl HostTrampoline {
    /// The portable-path callable for host function `id`.
    pub(crate) fn new(id: u32) -> Self {
        Self { id }
    }
}

/// The text of a panic payload.
pub(crate) fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned())
}

/// The host closure type of `wasm_runtime_layer`.
pub(crate) type HostFn<T> =
    dyn Fn(StoreContextMut<'_, T>, &[Val<Engine>], &mut [Val<Engine>]) -> Result<()> + Send + Sync;

/// Erases the store type of a host function owned by store `owner`.
pub(crate) fn erase<T: 'static>(owner: StoreId, ty: FuncType, func: Box<HostFn<T>>) -> Arc<Callback> {
    Arc::new(move |args: HostArgs<'_, '_>| {
        // SAFETY: the reference lives only for this call (see `store::current`).
        let store = unsafe { current::<T>(owner)? };
        let params = ty.params();
        let mut values: SmallVec<[Val<Engine>; 8]> = SmallVec::with_capacity(params.len());
        match &args {
            HostArgs::Python(py, args) => {
                if args.len() != params.len() {
                    return Err(anyhow!("host function expected {} arguments, JS passed {}", params.len(), args.len()));
                }
                for (arg, param) in args.iter().zip(params) {
                    values.push(from_js(*py, &arg, *param, store)?);
                }
            }
            HostArgs::Slots(slots, _) => {
                for (i, param) in params.iter().enumerate() {
                    // SAFETY: JS wrote one slot per parameter at `slots`.
                    values.push(from_slot(unsafe { slots.add(i).read_unaligned() }, *param));
                }
            }
        }
        let mut results: SmallVec<[Val<Engine>; 4]> = ty.results().iter().map(|t| unwritten(*t)).collect();
        func(StoreContextMut { inner: store }, &values, &mut results)?;
        for (i, (value, expected)) in results.iter().zip(ty.results()).enumerate() {
            check_type(value, *expected, || format!("host function result {i}"))?;
            check_store(value, owner)?;
        }
        match args {
            HostArgs::Python(py, _) => Ok(Some(match results.as_slice() {
                [] => py.None(),
                [one] => to_js(py, one)?.unbind(),
                many => {
                    let items = many.iter().map(|v| to_js(py, v)).collect::<Result<Vec<_>>>()?;
                    PyTuple::new(py, items)?.into_any().unbind()
                }
            })),
            HostArgs::Slots(_, out) => {
                for (i, value) in results.iter().enumerate() {
                    let slot = to_slot(value).ok_or_else(|| anyhow!("a reference result on the fast path"))?;
                    // SAFETY: JS reserved one slot per result at `out`.
                    unsafe { out.add(i).write_unaligned(slot) };
                }
                Ok(None)
            }
        }
    })
}
