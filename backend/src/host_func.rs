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
use crate::call_state::current;
use crate::store::{StoreContextMut, StoreInner};
use crate::store_id::StoreId;
use crate::host_registry::{Callback, HostArgs};
use crate::path::{from_js, to_js};
use crate::value::{check_store, check_type, from_slot, to_slot, unwritten};
use anyhow::{Result, anyhow};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use smallvec::SmallVec;
use std::mem::MaybeUninit;
use std::sync::Arc;
use wasm_runtime_layer::{FuncType, ValType};
use wasm_runtime_layer::backend::Val;

/// The host closure type of `wasm_runtime_layer`.
pub(crate) type HostFn<T> =
    dyn Fn(StoreContextMut<'_, T>, &[Val<Engine>], &mut [Val<Engine>]) -> Result<()> + Send + Sync;

/// Erases the store type of a host function owned by store `owner`.
pub(crate) fn erase<T: 'static>(owner: StoreId, ty: FuncType, func: Box<HostFn<T>>) -> Arc<Callback> {
    Arc::new(move |args: HostArgs<'_, '_>| {
        // SAFETY: the reference lives only for this call (see `call_state::current`).
        let store = unsafe { current::<T>(owner)? };
        match args {
            HostArgs::Slots(slots, out) => call_with_slots(store, &ty, &*func, slots, out).map(|()| None),
            HostArgs::Python(py, args) => call_with_python(py, args, store, owner, &ty, &*func).map(Some),
        }
    })
}

/// Host functions with at most this many parameters and results take their
/// values in arrays on the stack (no vector to grow, move or free).
const STACK_VALUES: usize = 4;

/// A fast-path call (a numeric signature): arguments read from `slots`,
/// results written to `out`, one slot each.
fn call_with_slots<T>(store: &mut StoreInner<T>, ty: &FuncType, func: &HostFn<T>, slots: *const u64, out: *mut u64) -> Result<()> {
    let (params, result_types) = (ty.params(), ty.results());
    // SAFETY: JS wrote one slot per parameter at `slots`.
    let arg = |i: usize| from_slot(unsafe { slots.add(i).read_unaligned() }, params[i]);
    if params.len() > STACK_VALUES || result_types.len() > STACK_VALUES {
        let args: Vec<Val<Engine>> = (0..params.len()).map(arg).collect();
        let mut results: Vec<Val<Engine>> = result_types.iter().map(|t| unwritten(*t)).collect();
        func(StoreContextMut { inner: store }, &args, &mut results)?;
        return write_slots(&results, result_types, out);
    }
    let mut args = StackValues::new();
    for i in 0..params.len() {
        args.push(arg(i));
    }
    let mut results = StackValues::new();
    for ty in result_types {
        results.push(unwritten(*ty));
    }
    func(StoreContextMut { inner: store }, args.as_mut_slice(), results.as_mut_slice())?;
    write_slots(results.as_mut_slice(), result_types, out)
}

/// At most [`STACK_VALUES`] values in an array on the stack, of which only
/// those pushed are initialised, and dropped (on every way out, a panic
/// included): no vector, and no work for the unused places.
struct StackValues {
    values: [MaybeUninit<Val<Engine>>; STACK_VALUES],
    len: usize,
}

impl StackValues {
    fn new() -> Self {
        Self { values: [const { MaybeUninit::uninit() }; STACK_VALUES], len: 0 }
    }

    /// Appends `value` (callers push at most [`STACK_VALUES`]; a value past
    /// them would be dropped at once).
    fn push(&mut self, value: Val<Engine>) {
        if let Some(place) = self.values.get_mut(self.len) {
            place.write(value);
            self.len += 1;
        }
    }

    /// The values pushed so far.
    fn as_mut_slice(&mut self) -> &mut [Val<Engine>] {
        // SAFETY: the first `len` places are initialised (`push`), and
        // `MaybeUninit<V>` has the layout of `V`.
        unsafe { std::slice::from_raw_parts_mut(self.values.as_mut_ptr().cast::<Val<Engine>>(), self.len) }
    }
}

impl Drop for StackValues {
    fn drop(&mut self) {
        // SAFETY: drops exactly the initialised values, once.
        unsafe { std::ptr::drop_in_place(self.as_mut_slice()) }
    }
}

/// Checks a fast-path call's results and writes them to `out`, one slot
/// each. A numeric value belongs to no store, so a type check is all it needs.
#[inline]
fn write_slots(results: &[Val<Engine>], types: &[ValType], out: *mut u64) -> Result<()> {
    for (i, (value, expected)) in results.iter().zip(types).enumerate() {
        check_type(value, *expected, || format!("host function result {i}"))?;
        let slot = to_slot(value).ok_or_else(|| anyhow!("a reference result on the fast path"))?;
        // SAFETY: JS reserved one slot per result at `out`.
        unsafe { out.add(i).write_unaligned(slot) };
    }
    Ok(())
}

/// A portable-path call: Python values in, the results as one Python value
/// (`None`, a value or a tuple) out.
fn call_with_python<T>(
    py: Python<'_>,
    args: &Bound<'_, PyTuple>,
    store: &mut StoreInner<T>,
    owner: StoreId,
    ty: &FuncType,
    func: &HostFn<T>,
) -> Result<Py<PyAny>> {
    let params = ty.params();
    if args.len() != params.len() {
        return Err(anyhow!("host function expected {} arguments, JS passed {}", params.len(), args.len()));
    }
    let values = args.iter().zip(params).map(|(arg, param)| from_js(py, &arg, *param, store)).collect::<Result<SmallVec<[Val<Engine>; 8]>>>()?;
    let mut results: SmallVec<[Val<Engine>; 4]> = ty.results().iter().map(|t| unwritten(*t)).collect();
    func(StoreContextMut { inner: store }, &values, &mut results)?;
    for (i, (value, expected)) in results.iter().zip(ty.results()).enumerate() {
        check_type(value, *expected, || format!("host function result {i}"))?;
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
}
