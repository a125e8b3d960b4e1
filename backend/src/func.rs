//! `Func`: a Wasm function (exported by an instance, or a host function).

use crate::Engine;
use crate::error::{WrongStore, clear_host_error, fast_error, from_py_err};
use crate::js_ref::JsRef;
use crate::boundary::{Portable, fast_abi};
use crate::host_func::{HostTrampoline, erase, register};
use crate::signature;
use crate::store::{StoreId, StoreInner, enter};
use crate::value::{check_store, check_type, from_js, from_slot, is_numeric, to_js, to_slot, type_codes};
use anyhow::{Context, Result, bail};
use pyo3::prelude::*;
use smallvec::SmallVec;
use std::sync::{Arc, OnceLock};
use wasm_runtime_layer::FuncType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Val, WasmFunc};

/// A Wasm function: the JS function object, its type and its store.
#[derive(Clone, Debug)]
pub struct Func {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    js: JsRef,
    ty: FuncType,
    store: StoreId,
    /// The fast path's call shim for the type; `None` if it has references.
    shim: OnceLock<Option<u32>>,
    /// The portable path's JS caller, compiled on first call.
    caller: OnceLock<Py<PyAny>>,
}

/// Most calls pass few values: their slots live on the stack.
const INLINE_SLOTS: usize = 16;

impl Func {
    pub(crate) fn from_parts(js: JsRef, ty: FuncType, store: StoreId) -> Self {
        Self { inner: Arc::new(Inner { js, ty, store, shim: OnceLock::new(), caller: OnceLock::new() }) }
    }

    /// The JS function object.
    pub(crate) fn js(&self) -> &JsRef {
        &self.inner.js
    }

    /// The function's type.
    pub(crate) fn ty_ref(&self) -> &FuncType {
        &self.inner.ty
    }

    /// The store the function belongs to.
    pub(crate) fn store_id(&self) -> StoreId {
        self.inner.store
    }

    /// A Wasm function that came back from JS without a declared type
    /// (from a table, a global or a call): its type is looked up or probed.
    pub(crate) fn from_js<T>(py: Python<'_>, value: &Bound<'_, PyAny>, store: &StoreInner<T>) -> Result<Self> {
        // The registry knows every function we made or saw; the candidates
        // (every signature seen) cross only for a function it does not know.
        let sig = match Portable::func_sig(py, value, None)? {
            Some(sig) => Some(sig),
            None => Portable::func_sig(py, value, Some(&signature::known()))?,
        };
        let ty = sig
            .as_deref()
            .and_then(signature::decode)
            .context("a function reference whose type is unknown to this engine (not from a module or host function it made)")?;
        Ok(Self::from_parts(JsRef::from_proxy(value.clone().unbind()), ty, store.id))
    }

    fn check_call(&self, store: StoreId, args: &[Val<Engine>], results: &[Val<Engine>]) -> Result<()> {
        if store != self.inner.store {
            return Err(WrongStore.into());
        }
        let params = self.inner.ty.params();
        if args.len() != params.len() {
            bail!("wrong number of arguments: expected {}, got {}", params.len(), args.len());
        }
        if results.len() != self.inner.ty.results().len() {
            bail!("wrong number of results: expected {}, got {}", self.inner.ty.results().len(), results.len());
        }
        for (i, (arg, ty)) in args.iter().zip(params).enumerate() {
            check_type(arg, *ty, || format!("argument {i}"))?;
            check_store(arg, store)?;
        }
        Ok(())
    }

    /// The fast path's `(handle, shim)` for this function, if it can take it.
    fn fast_ids(&self) -> Option<(u32, u32)> {
        let shim = (*self.inner.shim.get_or_init(|| {
            let ty = &self.inner.ty;
            if !ty.params().iter().chain(ty.results()).copied().all(is_numeric) {
                return None;
            }
            Python::attach(|py| crate::fast::runtime(py)?.sig_id(py, ty).ok())
        }))?;
        Some((self.inner.js.handle()?, shim))
    }

    fn call_fast<T: 'static>(&self, store: &mut StoreInner<T>, (handle, shim): (u32, u32), args: &[Val<Engine>], results: &mut [Val<Engine>]) -> Result<()> {
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
        clear_host_error();
        let status = {
            let _entered = enter(store);
            // SAFETY: the fast path is installed (we hold a handle and a shim),
            // the slots hold one value per parameter and room for every result.
            unsafe { fast_abi::call(handle, shim, arg_slots.as_ptr(), result_slots.as_mut_ptr()) }
        };
        if status.is_err() {
            return Err(fast_error(Some(store)));
        }
        for ((out, slot), ty) in results.iter_mut().zip(result_slots.iter()).zip(self.inner.ty.results()) {
            *out = from_slot(*slot, *ty);
        }
        Ok(())
    }

    /// The portable path's JS caller of this function (`Portable.makeCaller`).
    fn caller<'py>(&self, py: Python<'py>) -> Result<&Bound<'py, PyAny>> {
        if let Some(caller) = self.inner.caller.get() {
            return Ok(caller.bind(py));
        }
        let ty = &self.inner.ty;
        let caller = Portable::make_caller(py, &self.inner.js.proxy(py)?, &type_codes(ty.params()), &type_codes(ty.results()))?;
        Ok(self.inner.caller.get_or_init(|| caller.unbind()).bind(py))
    }

    fn call_portable<T: 'static>(&self, store: &mut StoreInner<T>, args: &[Val<Engine>], results: &mut [Val<Engine>]) -> Result<()> {
        Python::attach(|py| {
            let caller = self.caller(py)?;
            let js_args = args.iter().map(|a| to_js(py, a)).collect::<Result<SmallVec<[_; INLINE_SLOTS]>>>()?;
            clear_host_error();
            let outcome = {
                let _entered = enter(store);
                crate::js::call_positional(caller, &js_args)
            };
            let returned = outcome.map_err(|err| from_py_err(py, err, Some(&mut *store)))?;
            match (results, self.inner.ty.results()) {
                ([], _) => {}
                ([slot], [ty]) => *slot = from_js(py, &returned, *ty, store)?,
                (slots, types) => {
                    // By index: Pyodide's iterator protocol makes more crossings.
                    for (i, (slot, ty)) in slots.iter_mut().zip(types).enumerate() {
                        *slot = from_js(py, &returned.get_item(i)?, *ty, store)?;
                    }
                }
            }
            Ok(())
        })
    }

    fn call_in<T: 'static>(&self, store: &mut StoreInner<T>, args: &[Val<Engine>], results: &mut [Val<Engine>]) -> Result<()> {
        self.check_call(store.id, args, results)?;
        if store.engine.uses_fast_path() {
            if let Some(ids) = self.fast_ids() {
                return self.call_fast(store, ids, args, results);
            }
        }
        self.call_portable(store, args, results)
    }
}

impl WasmFunc<Engine> for Func {
    /// Makes a host function. Without a JS engine to make it in, the function
    /// is still returned, and calling it is an error.
    fn new<T: 'static>(
        mut ctx: impl AsContextMut<Engine, UserState = T>,
        ty: FuncType,
        func: impl 'static + Send + Sync + Fn(crate::StoreContextMut<'_, T>, &[Val<Engine>], &mut [Val<Engine>]) -> Result<()>,
    ) -> Self {
        let ctx = ctx.as_context_mut();
        let store = ctx.inner;
        signature::register(&ty);
        let id = register(erase::<T>(store.id, ty.clone(), Box::new(func)));
        store.owned.host_ids.push(id);
        let sig = signature::encode(&ty);
        let fast = store.engine.uses_fast_path();
        let made = Python::attach(|py| -> Result<(Py<PyAny>, Option<Py<PyAny>>)> {
            if fast {
                if let Some(runtime) = crate::fast::runtime(py) {
                    if let Some(wasm) = runtime.host_function(py, id, &sig)? {
                        return Ok((wasm.unbind(), None));
                    }
                }
            }
            let callable = Py::new(py, HostTrampoline::new(id))?;
            let proxy = crate::pyodide_ffi::create_proxy(py, callable.bind(py).as_any())?;
            let wasm = Portable::host_function(py, &proxy, &sig)?;
            Ok((wasm.unbind(), Some(proxy.unbind())))
        });
        let js = match made {
            Ok((js, proxy)) => {
                store.owned.host_proxies.extend(proxy);
                js
            }
            Err(_) => Python::attach(|py| py.None()),
        };
        let js = JsRef::from_proxy(js);
        Self::from_parts(js, ty, store.id)
    }

    fn ty(&self, _ctx: impl AsContext<Engine>) -> FuncType {
        self.inner.ty.clone()
    }

    fn call<T>(&self, mut ctx: impl AsContextMut<Engine>, args: &[Val<Engine>], results: &mut [Val<Engine>]) -> Result<()> {
        let ctx = ctx.as_context_mut();
        self.call_in(ctx.inner, args, results)
    }
}
