//! Host functions: Rust closures that Wasm calls through JS.
//!
//! Every host function is an entry in a registry of type-erased callbacks,
//! owned by its store, which removes it when it drops: that frees the closure
//! and everything it captured, and nothing on the JS side keeps Rust objects
//! alive. JS reaches an entry in one of two ways:
//! - the fast path: a JS wrapper that passes the arguments as slots in Rust
//!   memory to [`slots_trampoline`] (numeric signatures);
//! - the portable path: a Python callable (`HostTrampoline`) proxied to JS
//!   with `create_proxy` (any signature).
//!
//! Errors and panics never unwind into JS: they are parked and the call fails
//! with a marker error that JS carries back to the `Func::call` that started
//! it, which returns the parked error unchanged.

use crate::Engine;
use crate::store::{StoreContextMut, current};
use crate::store_id::StoreId;
use crate::host_registry::{Callback, HostArgs};
use crate::path::{from_js, to_js};
use crate::value::{check_store, check_type, from_slot, to_slot, unwritten};
use anyhow::{Result, anyhow};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use smallvec::SmallVec;
use std::sync::Arc;
use wasm_runtime_layer::FuncType;
use wasm_runtime_layer::backend::Val;

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
