//! `Func`: a Wasm function (exported by an instance, or a host function).

use crate::error::{WrongStore, clear_host_error, from_py_err};
use crate::glue::glue;
use crate::host_func::trampoline;
use crate::signature;
use crate::store::{StoreId, StoreInner, enter};
use crate::value::{check_store, check_type, from_js, to_js, type_codes};
use crate::Engine;
use anyhow::{Context, Result, bail};
use pyo3::prelude::*;
use pyo3::types::PyList;
use std::sync::Arc;
use wasm_runtime_layer::FuncType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Val, WasmFunc};

/// A Wasm function: the JS function object, its type and its store.
#[derive(Clone, Debug)]
pub struct Func {
    js: Arc<Py<PyAny>>,
    ty: FuncType,
    store: StoreId,
}

impl Func {
    /// The JS function object.
    pub(crate) fn js(&self) -> &Py<PyAny> {
        &self.js
    }

    /// The function's type.
    pub(crate) fn ty_ref(&self) -> &FuncType {
        &self.ty
    }

    /// The store the function belongs to.
    pub(crate) fn store_id(&self) -> StoreId {
        self.store
    }

    /// A function exported by an instance, whose type the module declares.
    pub(crate) fn from_export(py: Python<'_>, js: Bound<'_, PyAny>, ty: FuncType, store: StoreId) -> Result<Self> {
        let sig = signature::encode(&ty);
        let js = glue(py)?.register_func.bind(py).call1((js, sig))?;
        Ok(Self { js: Arc::new(js.unbind()), ty, store })
    }

    /// A Wasm function that came back from JS without a declared type
    /// (from a table, a global or a call): its type is looked up or probed.
    pub(crate) fn from_js<T>(py: Python<'_>, value: &Bound<'_, PyAny>, store: &StoreInner<T>) -> Result<Self> {
        let sig = glue(py)?.func_sig.bind(py).call1((value, signature::known()))?;
        let sig: Option<String> = if crate::js::is_nullish(py, &sig)? { None } else { Some(sig.extract()?) };
        let ty = sig
            .as_deref()
            .and_then(signature::decode)
            .context("a function reference whose type is unknown to this engine (not from a module or host function it made)")?;
        Ok(Self { js: Arc::new(value.clone().unbind()), ty, store: store.id })
    }

    fn call_in<T: 'static>(&self, store: &mut StoreInner<T>, args: &[Val<Engine>], results: &mut [Val<Engine>]) -> Result<()> {
        if store.id != self.store {
            return Err(WrongStore.into());
        }
        let params = self.ty.params();
        if args.len() != params.len() {
            bail!("wrong number of arguments: expected {}, got {}", params.len(), args.len());
        }
        if results.len() != self.ty.results().len() {
            bail!("wrong number of results: expected {}, got {}", self.ty.results().len(), results.len());
        }
        for (i, (arg, ty)) in args.iter().zip(params).enumerate() {
            check_type(arg, *ty, &format!("argument {i}"))?;
            check_store(arg, store.id)?;
        }
        Python::attach(|py| {
            let glue = glue(py)?;
            let js_args = args.iter().map(|a| to_js(py, a)).collect::<Result<Vec<_>>>()?;
            let js_args = PyList::new(py, js_args)?;
            clear_host_error();
            let outcome = {
                let _entered = enter(store);
                glue.call_export.bind(py).call1((self.js.bind(py), type_codes(params), type_codes(self.ty.results()), js_args))
            };
            let returned = outcome.map_err(|err| from_py_err(py, err, Some(&mut *store)))?;
            for ((slot, item), ty) in results.iter_mut().zip(crate::js::iterate(&returned)?).zip(self.ty.results()) {
                *slot = from_js(py, &item, *ty, store)?;
            }
            Ok(())
        })
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
        let made = Python::attach(|py| -> Result<(Py<PyAny>, Py<PyAny>)> {
            let callable = Py::new(py, trampoline::<T>(store.id, ty.clone(), Box::new(func)))?;
            let proxy = crate::pyodide_ffi::create_proxy(py, callable.bind(py).as_any())?;
            let wasm = glue(py)?.host_function.bind(py).call1((&proxy, signature::encode(&ty)))?;
            Ok((wasm.unbind(), proxy.unbind()))
        });
        match made {
            Ok((js, proxy)) => {
                store.owned.host_proxies.push(proxy);
                Self { js: Arc::new(js), ty, store: store.id }
            }
            Err(_) => Self { js: Arc::new(Python::attach(|py| py.None())), ty, store: store.id },
        }
    }

    fn ty(&self, _ctx: impl AsContext<Engine>) -> FuncType {
        self.ty.clone()
    }

    fn call<T>(&self, mut ctx: impl AsContextMut<Engine>, args: &[Val<Engine>], results: &mut [Val<Engine>]) -> Result<()> {
        let ctx = ctx.as_context_mut();
        self.call_in(ctx.inner, args, results)
    }
}
