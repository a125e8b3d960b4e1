//! Host functions: Rust closures that Wasm calls through JS.
//!
//! A closure is wrapped in a Python callable (`HostTrampoline`), proxied to JS
//! with `create_proxy`, and turned into a Wasm function of its signature by
//! `glue.js`. The store owns the proxy and destroys it when it drops, which
//! frees the closure and everything it captured: nothing on the JS side keeps
//! Rust objects alive. Errors and panics never unwind into JS: they are parked
//! and the call raises a Python exception that JS carries back to the caller.

use crate::error::park_host_error;
use crate::store::{StoreContextMut, StoreId, current};
use crate::value::{check_store, check_type, from_js, to_js, unwritten};
use crate::Engine;
use anyhow::{Result, anyhow};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use std::panic::{AssertUnwindSafe, catch_unwind};
use wasm_runtime_layer::FuncType;
use wasm_runtime_layer::backend::Val;

/// What a host function does with the arguments JS passed, type-erased.
type Callback = Box<dyn Fn(Python<'_>, &Bound<'_, PyTuple>) -> Result<Py<PyAny>> + Send + Sync>;

/// The Python callable JS calls for a host function.
#[pyclass(frozen)]
pub(crate) struct HostTrampoline {
    callback: Callback,
}

#[pymethods]
impl HostTrampoline {
    #[pyo3(signature = (*args))]
    fn __call__(&self, py: Python<'_>, args: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
        let outcome = catch_unwind(AssertUnwindSafe(|| (self.callback)(py, args)))
            .unwrap_or_else(|panic| Err(anyhow!("host function panicked: {}", panic_message(&panic))));
        outcome.map_err(|err| {
            let message = format!("{err:#}");
            park_host_error(err);
            PyRuntimeError::new_err(message)
        })
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned())
}

/// The host closure type of `wasm_runtime_layer`.
pub(crate) type HostFn<T> =
    dyn Fn(StoreContextMut<'_, T>, &[Val<Engine>], &mut [Val<Engine>]) -> Result<()> + Send + Sync;

/// Builds the trampoline of a host function owned by store `owner`.
pub(crate) fn trampoline<T: 'static>(owner: StoreId, ty: FuncType, func: Box<HostFn<T>>) -> HostTrampoline {
    HostTrampoline {
        callback: Box::new(move |py, args| {
            // SAFETY: the reference lives only for this call (see `store::current`).
            let store = unsafe { current::<T>(owner)? };
            if args.len() != ty.params().len() {
                return Err(anyhow!("host function expected {} arguments, JS passed {}", ty.params().len(), args.len()));
            }
            let mut params = Vec::with_capacity(args.len());
            for (arg, param) in args.iter().zip(ty.params()) {
                params.push(from_js(py, &arg, *param, store)?);
            }
            let mut results: Vec<Val<Engine>> = ty.results().iter().map(|t| unwritten(*t)).collect();
            func(StoreContextMut { inner: store }, &params, &mut results)?;
            for (i, (value, expected)) in results.iter().zip(ty.results()).enumerate() {
                check_type(value, *expected, &format!("host function result {i}"))?;
                check_store(value, owner)?;
            }
            Ok(match results.as_slice() {
                [] => py.None(),
                [one] => to_js(py, one)?.unbind(),
                many => {
                    let items = many.iter().map(|v| to_js(py, v)).collect::<Result<Vec<_>>>()?;
                    PyTuple::new(py, items)?.into_any().unbind()
                }
            })
        }),
    }
}
