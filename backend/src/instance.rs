//! `Instance`: a `WebAssembly.Instance` and its exports, typed by the module.

use crate::error::{WrongStore, clear_host_error, from_py_err};
use crate::glue::glue;
use crate::store::{StoreInner, enter};
use crate::{Engine, Func, Global, Memory, Module, Table, bindings, signature};
use anyhow::{Result, bail};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use std::sync::Arc;
use wasm_runtime_layer::ExternType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Export, Extern, Imports, WasmInstance};

/// An instantiated module.
#[derive(Clone, Debug)]
pub struct Instance {
    exports: Arc<Vec<(String, Extern<Engine>)>>,
}

/// The JS value for an import, checked against the type the module declares.
fn import_value<'py>(py: Python<'py>, value: &Extern<Engine>, expected: &ExternType, store_id: crate::store::StoreId, what: &str) -> Result<Bound<'py, PyAny>> {
    let owner = match value {
        Extern::Func(f) => f.store_id(),
        Extern::Memory(m) => m.store_id(),
        Extern::Table(t) => t.store_id(),
        Extern::Global(g) => g.store_id(),
    };
    if owner != store_id {
        return Err(WrongStore.into());
    }
    let (js, ok) = match (value, expected) {
        (Extern::Func(f), ExternType::Func(ty)) => (f.js().bind(py).clone(), f.ty_ref() == ty),
        (Extern::Memory(m), ExternType::Memory(_)) => (m.js().as_js().bind(py).clone(), true),
        (Extern::Table(t), ExternType::Table(ty)) => (t.js().as_js().bind(py).clone(), t.ty_ref().element() == ty.element()),
        (Extern::Global(g), ExternType::Global(ty)) => (g.js().as_js().bind(py).clone(), g.ty_ref() == ty),
        _ => (py.None().into_bound(py), false),
    };
    if !ok {
        bail!("incompatible import type for {what}: expected {expected:?}");
    }
    Ok(js)
}

impl Instance {
    fn instantiate<T: 'static>(py: Python<'_>, store: &mut StoreInner<T>, module: &Module, imports: &Imports<Engine>) -> Result<Self> {
        let glue = glue(py)?;
        let entries = PyList::empty(py);
        for (module_name, name, expected) in &module.types().imports {
            let what = format!("`{module_name}::{name}`");
            let Some(value) = imports.get_export(module_name, name) else {
                bail!("unknown import: {what} has not been defined");
            };
            let js = import_value(py, &value, expected, store.id, &what)?;
            entries.append(PyTuple::new(py, [module_name.into_pyobject(py)?.into_any(), name.into_pyobject(py)?.into_any(), js])?)?;
        }
        let import_object = glue.import_object.bind(py).call1((entries,))?;
        clear_host_error();
        let outcome = {
            let _entered = enter(store);
            bindings::Instance::new(py, module.js(), Some(&import_object))
        };
        let js = outcome.map_err(|err| from_py_err(py, err, Some(&mut *store)))?;

        let types = module.types();
        let names: Vec<&str> = types.exports.iter().map(|(n, _)| n.as_str()).chain(types.tag_exports.iter().map(|(n, _)| n.as_str())).collect();
        let sigs: Vec<Option<String>> = types
            .exports
            .iter()
            .map(|(_, ty)| ty.func().map(signature::encode))
            .chain(types.tag_exports.iter().map(|_| None))
            .collect();
        let values = glue.export_values.bind(py).call1((js.as_js().bind(py), names, sigs))?;
        let values = crate::js::iterate(&values)?;
        let mut exports = Vec::with_capacity(types.exports.len());
        for ((name, ty), value) in types.exports.iter().zip(&values) {
            let item = match ty {
                ExternType::Func(ty) => Extern::Func(Func::from_export(value, ty.clone(), store.id)),
                ExternType::Memory(ty) => Extern::Memory(Memory::from_js(value, *ty, store.id)),
                ExternType::Table(ty) => Extern::Table(Table::from_js(value, *ty, store.id)),
                ExternType::Global(ty) => Extern::Global(Global::from_js(value, *ty, store.id)),
            };
            exports.push((name.clone(), item));
        }
        for ((_, params), tag) in types.tag_exports.iter().zip(values.iter().skip(types.exports.len())) {
            store.owned.tags.push((Arc::new(tag.clone().unbind()), params.clone()));
        }
        Ok(Self { exports: Arc::new(exports) })
    }
}

impl WasmInstance<Engine> for Instance {
    fn new(mut store: impl AsContextMut<Engine>, module: &Module, imports: &Imports<Engine>) -> Result<Self> {
        let ctx = store.as_context_mut();
        Python::attach(|py| Self::instantiate(py, ctx.inner, module, imports))
    }

    fn exports(&self, _store: impl AsContext<Engine>) -> Box<dyn Iterator<Item = Export<Engine>>> {
        let exports = Arc::clone(&self.exports);
        Box::new((0..exports.len()).map(move |i| Export { name: exports[i].0.clone(), value: exports[i].1.clone() }))
    }

    fn get_export(&self, _store: impl AsContext<Engine>, name: &str) -> Option<Extern<Engine>> {
        self.exports.iter().find(|(n, _)| n == name).map(|(_, e)| e.clone())
    }
}
