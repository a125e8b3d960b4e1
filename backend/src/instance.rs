//! `Instance`: a `WebAssembly.Instance` and its exports, typed by the module.

use crate::js_ref::JsRef;
use crate::path::{Path, with_path};
use crate::store::StoreInner;
use crate::{Engine, Func, Global, Memory, Module, Table};
use anyhow::{Result, bail};
use pyo3::prelude::*;
use std::sync::Arc;
use wasm_runtime_layer::ExternType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Export, Extern, Imports, WasmInstance};

/// An instantiated module.
#[derive(Clone, Debug)]
pub struct Instance {
    exports: Arc<Vec<(String, Extern<Engine>)>>,
}

/// The typed exports of an instance, from one JS value per export in the
/// module's declaration order (tags included: they go to the store, the only
/// exports that need Python here).
fn typed_exports<T>(store: &mut StoreInner<T>, module: &Module, values: Vec<JsRef>) -> Result<Vec<(String, Extern<Engine>)>> {
    let types = module.types();
    let mut exports = Vec::with_capacity(types.exports.len());
    let (mut plain, mut tags) = (types.exports.iter(), types.tag_exports.iter());
    for (value, is_tag) in values.into_iter().zip(&types.export_is_tag) {
        if *is_tag {
            if let Some((_, params)) = tags.next() {
                let tag = Python::attach(|py| value.proxy(py).map(Bound::unbind))?;
                store.owned.tags.push((Arc::new(tag), params.clone()));
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

impl WasmInstance<Engine> for Instance {
    fn new(mut store: impl AsContextMut<Engine>, module: &Module, imports: &Imports<Engine>) -> Result<Self> {
        let ctx = store.as_context_mut();
        let store = ctx.inner;
        let resolved = crate::imports::resolve(module, imports, store.id)?;
        if let Some(name) = &module.types().shared_memory_export {
            bail!("export `{name}` is a shared memory: shared memories are not supported by wasm_runtime_layer");
        }
        if let Some(sites) = module.table_sites() {
            // Before instantiating: a start function may trap.
            store.owned.keep_table_sites(sites);
        }
        let values = with_path!(store.engine, path => path.instantiate(store, module, &resolved))?;
        Ok(Self { exports: Arc::new(typed_exports(store, module, values)?) })
    }

    fn exports(&self, _store: impl AsContext<Engine>) -> Box<dyn Iterator<Item = Export<Engine>>> {
        let exports = Arc::clone(&self.exports);
        Box::new((0..exports.len()).map(move |i| Export { name: exports[i].0.clone(), value: exports[i].1.clone() }))
    }

    fn get_export(&self, _store: impl AsContext<Engine>, name: &str) -> Option<Extern<Engine>> {
        self.exports.iter().find(|(n, _)| n == name).map(|(_, e)| e.clone())
    }
}
