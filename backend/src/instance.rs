//! `Instance`: a `WebAssembly.Instance` and its exports, typed by the module.

use crate::error::{WrongStore, clear_host_error, fast_error, from_py_err};
use crate::glue::glue;
use crate::js_ref::JsRef;
use crate::store::{StoreId, StoreInner, enter};
use crate::{Engine, Func, Global, Memory, Module, Table, bindings, signature};
use anyhow::{Result, bail};
use pyo3::prelude::*;
use pyo3::types::PyString;
use std::sync::Arc;
use wasm_runtime_layer::ExternType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Export, Extern, Imports, WasmInstance};

/// An instantiated module.
#[derive(Clone, Debug)]
pub struct Instance {
    exports: Arc<Vec<(String, Extern<Engine>)>>,
}

/// The JS value standing for an extern.
fn js_of(value: &Extern<Engine>) -> &JsRef {
    match value {
        Extern::Func(f) => f.js(),
        Extern::Memory(m) => m.js(),
        Extern::Table(t) => t.js(),
        Extern::Global(g) => g.js(),
    }
}

/// The module's imports resolved from `imports`, in the module's order, each
/// checked against the type the module declares (as wasmtime does).
fn resolve_imports(module: &Module, imports: &Imports<Engine>, store: StoreId) -> Result<Vec<Extern<Engine>>> {
    let mut resolved = Vec::with_capacity(module.types().imports.len());
    for (module_name, name, expected) in &module.types().imports {
        let what = || format!("`{module_name}::{name}`");
        let Some(value) = imports.get_export(module_name, name) else {
            bail!("unknown import: {} has not been defined", what());
        };
        let owner = match &value {
            Extern::Func(f) => f.store_id(),
            Extern::Memory(m) => m.store_id(),
            Extern::Table(t) => t.store_id(),
            Extern::Global(g) => g.store_id(),
        };
        if owner != store {
            return Err(WrongStore.into());
        }
        let ok = match (&value, expected) {
            (Extern::Func(f), ExternType::Func(ty)) => f.ty_ref() == ty,
            (Extern::Memory(_), ExternType::Memory(_)) => true,
            (Extern::Table(t), ExternType::Table(ty)) => t.ty_ref().element() == ty.element(),
            (Extern::Global(g), ExternType::Global(ty)) => g.ty_ref() == ty,
            _ => false,
        };
        if !ok {
            bail!("incompatible import type for {}: expected {expected:?}", what());
        }
        resolved.push(value);
    }
    Ok(resolved)
}

/// The typed exports of an instance, from one JS value per export in the
/// module's declaration order (tags included: they go to the store).
fn typed_exports<T>(py: Python<'_>, store: &mut StoreInner<T>, module: &Module, values: Vec<JsRef>) -> Result<Vec<(String, Extern<Engine>)>> {
    let types = module.types();
    let mut exports = Vec::with_capacity(types.exports.len());
    let (mut plain, mut tags) = (types.exports.iter(), types.tag_exports.iter());
    for (value, is_tag) in values.into_iter().zip(&types.export_is_tag) {
        if *is_tag {
            if let Some((_, params)) = tags.next() {
                store.owned.tags.push((Arc::new(value.proxy(py)?.unbind()), params.clone()));
            }
            continue;
        }
        let Some((name, ty)) = plain.next() else { break };
        let item = match ty {
            ExternType::Func(ty) => Extern::Func(Func::from_parts(value, ty.clone(), store.id)),
            ExternType::Memory(ty) => Extern::Memory(Memory::from_js(value, *ty, store.id)),
            ExternType::Table(ty) => Extern::Table(Table::from_js(value, *ty, store.id)),
            ExternType::Global(ty) => Extern::Global(Global::from_js(value, *ty, store.id)),
        };
        exports.push((name.clone(), item));
    }
    Ok(exports)
}

/// The fast path's signature id of each function export, -1 for the other
/// exports, in declaration order.
fn export_sig_ids(py: Python<'_>, module: &Module) -> Option<Vec<i32>> {
    let runtime = crate::fast::runtime(py)?;
    let types = module.types();
    let mut plain = types.exports.iter();
    let mut ids = Vec::with_capacity(types.export_is_tag.len());
    for is_tag in &types.export_is_tag {
        let func = if *is_tag { None } else { plain.next().and_then(|(_, ty)| ty.func()) };
        ids.push(match func {
            Some(ty) => i32::try_from(runtime.sig_id(py, ty).ok()?).ok()?,
            None => -1,
        });
    }
    Some(ids)
}

impl Instance {
    /// Instantiates through the fast path: handles in, handles out, no Python.
    /// `None` when the fast path cannot take it.
    fn instantiate_fast<T: 'static>(store: &mut StoreInner<T>, module: &Module, resolved: &[Extern<Engine>]) -> Option<Result<Vec<JsRef>>> {
        let module_handle = module.js().handle()?;
        let handles: Option<Vec<u32>> = resolved.iter().map(|value| js_of(value).handle()).collect();
        let handles = handles?;
        let export_sigs = Python::attach(|py| export_sig_ids(py, module))?;
        let mut out = vec![0u32; module.types().export_is_tag.len()];
        clear_host_error();
        let status = {
            let _entered = enter(store);
            // SAFETY: one import handle per import of the module, one signature
            // id and room for one handle per export.
            unsafe { crate::fast::rtl1_instantiate(module_handle, handles.as_ptr(), export_sigs.as_ptr(), out.as_mut_ptr()) }
        };
        if status != 0 {
            return Some(Err(fast_error(Some(store))));
        }
        Some(Ok(out.into_iter().map(JsRef::from_handle).collect()))
    }

    /// Instantiates through Pyodide's FFI.
    fn instantiate_portable<T: 'static>(py: Python<'_>, store: &mut StoreInner<T>, module: &Module, resolved: &[Extern<Engine>]) -> Result<Vec<JsRef>> {
        let glue = glue(py)?;
        let mut flat = Vec::with_capacity(3 * resolved.len());
        for ((module_name, name, _), value) in module.types().imports.iter().zip(resolved) {
            flat.push(PyString::new(py, module_name).into_any());
            flat.push(PyString::new(py, name).into_any());
            flat.push(js_of(value).proxy(py)?);
        }
        let import_object = glue.import_object.bind(py).call1((crate::js::array_from(py, flat)?,))?;
        let js_module = module.wrapper(py)?;
        clear_host_error();
        let outcome = {
            let _entered = enter(store);
            bindings::Instance::new(py, &js_module, Some(&import_object))
        };
        let js = outcome.map_err(|err| from_py_err(py, err, Some(&mut *store)))?;

        let types = module.types();
        let (mut plain, mut tags) = (types.exports.iter(), types.tag_exports.iter());
        let mut names = Vec::with_capacity(types.export_is_tag.len());
        let mut sigs = Vec::with_capacity(types.export_is_tag.len());
        for is_tag in &types.export_is_tag {
            if *is_tag {
                names.push(tags.next().map(|(n, _)| n.as_str()).unwrap_or_default());
                sigs.push(None);
            } else {
                let (name, ty) = plain.next().map(|(n, t)| (n.as_str(), t.func())).unwrap_or_default();
                names.push(name);
                sigs.push(ty.map(signature::encode));
            }
        }
        let names = crate::js::array_from(py, names.into_iter().map(|n| PyString::new(py, n).into_any()))?;
        let sigs = crate::js::array_from(py, sigs.into_iter().map(|s| match s {
            Some(sig) => PyString::new(py, &sig).into_any(),
            None => py.None().into_bound(py),
        }))?;
        let values = glue.export_values.bind(py).call1((js.as_js().bind(py), names, sigs))?;
        Ok(crate::js::iterate(&values)?.into_iter().map(|v| JsRef::from_proxy(v.unbind())).collect())
    }
}

impl WasmInstance<Engine> for Instance {
    fn new(mut store: impl AsContextMut<Engine>, module: &Module, imports: &Imports<Engine>) -> Result<Self> {
        let ctx = store.as_context_mut();
        let store = ctx.inner;
        let resolved = resolve_imports(module, imports, store.id)?;
        let fast = if store.engine.uses_fast_path() { Self::instantiate_fast(store, module, &resolved) } else { None };
        Python::attach(|py| {
            let values = match fast {
                Some(values) => values?,
                None => Self::instantiate_portable(py, store, module, &resolved)?,
            };
            Ok(Self { exports: Arc::new(typed_exports(py, store, module, values)?) })
        })
    }

    fn exports(&self, _store: impl AsContext<Engine>) -> Box<dyn Iterator<Item = Export<Engine>>> {
        let exports = Arc::clone(&self.exports);
        Box::new((0..exports.len()).map(move |i| Export { name: exports[i].0.clone(), value: exports[i].1.clone() }))
    }

    fn get_export(&self, _store: impl AsContext<Engine>, name: &str) -> Option<Extern<Engine>> {
        self.exports.iter().find(|(n, _)| n == name).map(|(_, e)| e.clone())
    }
}
