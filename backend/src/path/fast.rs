//! [`FastPath`]: the fast ABI (`crate::boundary::fast_abi`), values as 8-byte
//! slots and JS objects as handles, no Python per operation. What it cannot
//! take goes to [`PortablePath`].

use super::portable::out_of_bounds;
use super::{Made, Path, PortablePath};
use crate::boundary::fast_abi;
use super::fast_error;
use crate::call_state::{enter, park_host_error};
use crate::host_registry::{HostArgs, panic_message, run};
use std::panic::catch_unwind;
use crate::js_ref::JsRef;
use crate::store_id::StoreId;
use crate::store::StoreInner;
use crate::type_code::{is_numeric, numeric_index};
use crate::value::{from_slot, to_slot};
use super::accessors::{self, GlobalAccess, SmallCopies};
use crate::{Engine, Func, Global, Memory, Module};
use anyhow::{Context, Result};
use pyo3::prelude::*;
use smallvec::SmallVec;
use wasm_runtime_layer::backend::{Extern, Ref, Val};
use wasm_runtime_layer::{FuncType, RefType};

/// The fast path (installed in this Pyodide).
pub(crate) struct FastPath;

/// Most calls pass few values: their slots live on the stack.
const INLINE_SLOTS: usize = 8;

/// The fast path's host-call entry point, called by JS (a host thunk,
/// `src/js/host_thunks.js`) through the function table: reads the arguments
/// from `args`, runs host function `id`, writes the results to `results`.
/// Returns 0 on success; on failure (a panic included) the error is parked
/// for the enclosing call and it returns 1, so nothing unwinds into JS.
extern "C" fn slots_trampoline(id: u32, args: *const u64, results: *mut u64) -> i32 {
    let outcome = catch_unwind(|| run(id, HostArgs::Slots(args, results)).map(drop))
        .unwrap_or_else(|panic| Err(anyhow::anyhow!("host function panicked: {}", panic_message(&panic))));
    match outcome {
        Ok(()) => 0,
        Err(err) => {
            park_host_error(err);
            1
        }
    }
}

/// The function-table index of [`slots_trampoline`] (on wasm32 a function
/// pointer is its table index).
fn slots_trampoline_index() -> Option<u32> {
    u32::try_from(slots_trampoline as *const () as usize).ok()
}

/// The fast-path handle standing for a reference (0 for null).
fn ref_handle(value: &Ref<Engine>) -> Option<u32> {
    match value {
        Ref::FuncRef(None) | Ref::ExternRef(None) => Some(0),
        Ref::FuncRef(Some(f)) => f.js().handle(),
        Ref::ExternRef(Some(e)) => super::convert::extern_ref_js(e).handle(),
    }
}

/// The call shim's signature id for `func`, registered on its first fast
/// call; `None` if its type has references.
fn shim(func: &Func) -> Option<u32> {
    *func.fast_shim().get_or_init(|| {
        let ty = func.ty_ref();
        if !ty.params().iter().chain(ty.results()).copied().all(is_numeric) {
            return None;
        }
        Python::attach(|py| crate::fast::runtime(py)?.sig_id(py, ty).ok())
    })
}

/// For each export of `module` in declaration order (tags included), the
/// signature id of a function export and -1 for the others. Registered once
/// per module.
fn export_sigs(module: &Module) -> Option<&[i32]> {
    let ids = module.fast_export_sigs().get_or_init(|| {
        Python::attach(|py| {
            let runtime = crate::fast::runtime(py)?;
            let sig_id = |func: Option<&FuncType>| match func {
                Some(ty) => i32::try_from(runtime.sig_id(py, ty).ok()?).ok(),
                None => Some(-1),
            };
            module.types().export_func_types().map(sig_id).collect()
        })
    });
    ids.as_deref()
}

/// The function a fast `table_get` found: handle `handle`, counted for Rust
/// with signature id `sig` (`counted`), or a function Rust already holds
/// (JS sends no signature then: Rust has the `Func`).
fn table_func(counted: bool, handle: u32, sig: f64, store: StoreId) -> Option<Func> {
    let sig = if counted {
        sig as i64
    } else {
        if let Some(held) = Func::held(handle, store) {
            return Some(held);
        }
        // Held by Rust, but not as a `Func` of this store: one more owner,
        // and its signature.
        // SAFETY: JS just reported `handle` live.
        i64::from(unsafe { fast_abi::retain(handle) })
    };
    // Owning the handle frees it if the portable path has to answer.
    let js = JsRef::from_handle(handle);
    let ty = u32::try_from(sig).ok().and_then(crate::signature::of_fast_id)?;
    Some(Func::from_parts(js, ty, store))
}

/// The small-copy functions of `memory` (handle `handle`) for a copy of
/// `len` bytes, if it is small enough and they could be made.
fn small_copies(memory: &Memory, handle: u32, len: usize) -> Option<&SmallCopies> {
    if len > accessors::MAX {
        return None;
    }
    memory.small_copies().get_or_init(|| SmallCopies::of(handle)).as_ref()
}

/// The accessors of numeric `global` (handle `handle`, type code `code`), if
/// they could be made.
fn global_access(global: &Global, handle: u32, code: u32) -> Option<GlobalAccess> {
    *global.access().get_or_init(|| GlobalAccess::of(handle, code, global.ty_ref().mutable()))
}

/// Runs a fallible fast operation and turns its failure into the kept error.
fn status<R>(outcome: Result<R, fast_abi::Failed>) -> Result<R> {
    outcome.map_err(|_| fast_error::<()>(None))
}

impl FastPath {
    /// A copy's failure, worded as on the portable path.
    fn copied(outcome: Result<(), fast_abi::Failed>, offset: usize, len: usize) -> Result<()> {
        status(outcome).map_err(|cause| out_of_bounds(offset, len, cause))
    }
}

impl Path for FastPath {
    fn compile(&self, _py: Python<'_>, bytes: &[u8]) -> Result<JsRef> {
        // Compiled straight from Rust memory: no copy on our side.
        // SAFETY: JS reads `bytes.len()` bytes at `bytes` during the call.
        status(unsafe { fast_abi::module_new(bytes.as_ptr(), bytes.len()) }).map(JsRef::from_handle)
    }

    /// Handles in, handles out.
    fn instantiate<T: 'static>(&self, store: &mut StoreInner<T>, module: &Module, imports: &[&Extern<Engine>]) -> Result<Vec<JsRef>> {
        let handles: Option<SmallVec<[u32; 8]>> = imports.iter().map(|value| super::js_of(value).handle()).collect();
        let (Some(module_handle), Some(handles), Some(export_sigs)) = (module.js().handle(), handles, export_sigs(module)) else {
            return PortablePath.instantiate(store, module, imports);
        };
        let mut out = vec![0u32; module.types().export_is_tag.len()];
        let outcome = {
            let _entered = enter(store);
            // SAFETY: one import handle per import of the module, one signature
            // id and room for one handle per export.
            unsafe { fast_abi::instantiate(module_handle, handles.as_ptr(), export_sigs.as_ptr(), out.as_mut_ptr()) }
        };
        if outcome.is_err() {
            return Err(fast_error(Some(store)));
        }
        Ok(out.into_iter().map(JsRef::from_handle).collect())
    }

    fn call<T: 'static>(&self, store: &mut StoreInner<T>, func: &Func, args: &[Val<Engine>], results: &mut [Val<Engine>]) -> Result<()> {
        let (Some(shim), Some(handle)) = (shim(func), func.js().handle()) else {
            return PortablePath.call(store, func, args, results);
        };
        let mut inline = [0u64; INLINE_SLOTS];
        let mut heap = Vec::new();
        let slots: &mut [u64] = if args.len() + results.len() <= INLINE_SLOTS {
            &mut inline
        } else {
            heap.resize(args.len() + results.len(), 0);
            &mut heap
        };
        for (slot, arg) in slots.iter_mut().zip(args) {
            *slot = to_slot(arg).context("a reference argument on the fast path")?;
        }
        let (arg_slots, result_slots) = slots.split_at_mut(args.len());
        let outcome = {
            let _entered = enter(store);
            // SAFETY: `handle` is live, `shim` is the id of the function's
            // signature, the slots hold one value per parameter and room for
            // every result.
            unsafe { fast_abi::call(handle, shim, arg_slots.as_ptr(), result_slots.as_mut_ptr()) }
        };
        if outcome.is_err() {
            return Err(fast_error(Some(store)));
        }
        for ((out, slot), ty) in results.iter_mut().zip(result_slots.iter()).zip(func.ty_ref().results()) {
            *out = from_slot(*slot, *ty);
        }
        Ok(())
    }

    /// A Wasm thunk calling the Rust trampoline (numeric signatures).
    fn host_function(&self, py: Python<'_>, id: u32, sig: &str) -> Result<Made> {
        if let (Some(runtime), Some(trampoline)) = (crate::fast::runtime(py), slots_trampoline_index())
            && let Some(wasm) = runtime.host_function(py, trampoline, id, sig)?
        {
            return Ok(Made { js: JsRef::from_proxy(wasm.unbind()), keep: None });
        }
        PortablePath.host_function(py, id, sig)
    }

    fn memory_grow(&self, memory: &JsRef, delta: u32) -> Result<u32> {
        let Some(handle) = memory.handle() else { return PortablePath.memory_grow(memory, delta) };
        // SAFETY: `handle` is a live handle of this memory.
        status(unsafe { fast_abi::mem_grow(handle, delta) })
    }

    fn memory_pages(&self, memory: &JsRef) -> u32 {
        let Some(handle) = memory.handle() else { return PortablePath.memory_pages(memory) };
        // SAFETY: `handle` is a live handle of this memory.
        status(unsafe { fast_abi::mem_pages(handle) }).unwrap_or(0)
    }

    fn memory_read(&self, memory: &Memory, offset: usize, buffer: &mut [u8]) -> Result<()> {
        let Some(handle) = memory.js().handle() else { return PortablePath.memory_read(memory, offset, buffer) };
        if let Some(small) = small_copies(memory, handle, buffer.len()) {
            return small.read(offset, buffer);
        }
        // SAFETY: `handle` is live; JS writes at most `buffer.len()` bytes to `buffer`.
        Self::copied(unsafe { fast_abi::mem_read(handle, offset, buffer.len(), buffer.as_mut_ptr()) }, offset, buffer.len())
    }

    fn memory_write(&self, memory: &Memory, offset: usize, buffer: &[u8]) -> Result<()> {
        let Some(handle) = memory.js().handle() else { return PortablePath.memory_write(memory, offset, buffer) };
        if let Some(small) = small_copies(memory, handle, buffer.len()) {
            return small.write(offset, buffer);
        }
        // SAFETY: `handle` is live; JS reads `buffer.len()` bytes from `buffer`.
        Self::copied(unsafe { fast_abi::mem_write(handle, offset, buffer.len(), buffer.as_ptr()) }, offset, buffer.len())
    }

    fn global_get<T>(&self, global: &Global, store: &mut StoreInner<T>) -> Val<Engine> {
        let ty = global.ty_ref().content();
        let (Some(code), Some(handle)) = (numeric_index(ty), global.js().handle()) else {
            return PortablePath.global_get(global, store);
        };
        if let Some(access) = global_access(global, handle, code) {
            return from_slot(access.get(), ty);
        }
        let mut slot = 0u64;
        // SAFETY: `handle` is live; JS writes one slot of the global's type.
        match status(unsafe { fast_abi::global_get(handle, code, &mut slot) }) {
            Ok(()) => from_slot(slot, ty),
            Err(_) => crate::value::zero(ty),
        }
    }

    fn global_set(&self, global: &Global, value: &Val<Engine>) -> Result<()> {
        let ty = global.ty_ref().content();
        let (Some(code), Some(slot), Some(handle)) = (numeric_index(ty), to_slot(value), global.js().handle()) else {
            return PortablePath.global_set(global, value);
        };
        if let Some(access) = global_access(global, handle, code)
            && access.set(slot)
        {
            return Ok(());
        }
        // SAFETY: `handle` is live; JS reads one slot of the global's type.
        status(unsafe { fast_abi::global_set(handle, code, &slot) })
    }

    fn table_size(&self, table: &JsRef) -> u32 {
        let Some(handle) = table.handle() else { return PortablePath.table_size(table) };
        // SAFETY: `handle` is a live handle of this table.
        status(unsafe { fast_abi::table_size(handle) }).unwrap_or(0)
    }

    fn table_grow(&self, table: &JsRef, element: RefType, delta: u32, init: &Ref<Engine>) -> Result<u32> {
        let (Some(handle), Some(value)) = (table.handle(), ref_handle(init)) else {
            return PortablePath.table_grow(table, element, delta, init);
        };
        // SAFETY: both handles are live.
        status(unsafe { fast_abi::table_grow(handle, delta, value) })
    }

    /// Known values come back without Python; a function of a signature the
    /// fast path has not seen, or a foreign JS value, is typed by the
    /// portable path.
    fn table_get<T>(&self, table: &JsRef, element: RefType, index: u32, store: &mut StoreInner<T>) -> Option<Ref<Engine>> {
        let Some(handle) = table.handle() else { return PortablePath.table_get(table, element, index, store) };
        let mut out = [0f64; 3];
        // SAFETY: `handle` is live; JS writes three f64 slots at `out`.
        if status(unsafe { fast_abi::table_get(handle, index, out.as_mut_ptr()) }).is_err() {
            return None;
        }
        let [kind, value, sig] = out;
        let found = match (kind as u32, element) {
            (0, RefType::FuncRef) => Some(Ref::FuncRef(None)),
            (0, RefType::ExternRef) => Some(Ref::ExternRef(None)),
            (1, RefType::ExternRef) => store.owned.extern_refs.get(&(value as u64)).map(|found| Ref::ExternRef(Some(found.clone()))),
            (2 | 3, RefType::FuncRef) => table_func(kind == 2.0, value as u32, sig, store.id).map(|f| Ref::FuncRef(Some(f))),
            (2, RefType::ExternRef) => {
                drop(JsRef::from_handle(value as u32));
                None
            }
            _ => None,
        };
        found.or_else(|| PortablePath.table_get(table, element, index, store))
    }

    fn table_set(&self, table: &JsRef, element: RefType, index: u32, value: &Ref<Engine>) -> Result<()> {
        let (Some(handle), Some(value_handle)) = (table.handle(), ref_handle(value)) else {
            return PortablePath.table_set(table, element, index, value);
        };
        // SAFETY: both handles are live.
        status(unsafe { fast_abi::table_set(handle, index, value_handle) })
    }
}
