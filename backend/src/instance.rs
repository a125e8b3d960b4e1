//! `Instance`: a `WebAssembly.Instance` and its exports, typed by the module.

use crate::error::{clear_host_error, fast_error, from_py_err};
use crate::js_ref::JsRef;
use crate::store::{StoreInner, enter};
use crate::{Engine, Func, Global, Memory, Module, Table};
use anyhow::{Result, bail};
use pyo3::prelude::*;
use smallvec::SmallVec;
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

impl Instance {
    /// Instantiates through the fast path: handles in, handles out, no Python.
    /// `None` when the fast path cannot take it.
    fn instantiate_fast<T: 'static>(store: &mut StoreInner<T>, module: &Module, resolved: &[Extern<Engine>]) -> Option<Result<Vec<JsRef>>> {
        let module_handle = module.js().handle()?;
        let handles: SmallVec<[u32; 8]> = resolved.iter().map(|value| js_of(value).handle()).collect::<Option<_>>()?;
        let export_sigs = module.export_sig_ids()?;
        let mut out = vec![0u32; module.types().export_is_tag.len()];
        clear_host_error();
        let status = {
            let _entered = enter(store);
            // SAFETY: one import handle per import of the module, one signature
            // id and room for one handle per export.
            unsafe { crate::boundary::fast_abi::instantiate(module_handle, handles.as_ptr(), export_sigs.as_ptr(), out.as_mut_ptr()) }
        };
        if status.is_err() {
            return Some(Err(fast_error(Some(store))));
        }
        Some(Ok(out.into_iter().map(JsRef::from_handle).collect()))
    }

    /// Instantiates through Pyodide's FFI: one call of the module's
    /// instantiator with the import values, the exports back as one array.
    fn instantiate_portable<T: 'static>(py: Python<'_>, store: &mut StoreInner<T>, module: &Module, resolved: &[Extern<Engine>]) -> Result<Vec<JsRef>> {
        let instantiator = module.instantiator(py)?;
        let refs: SmallVec<[&JsRef; 8]> = resolved.iter().map(js_of).collect();
        // The same values as last time cross as none: JS keeps their import object.
        let values = if module.take_same_portable_imports(&refs) {
            SmallVec::new()
        } else {
            refs.iter().map(|value| value.proxy(py)).collect::<PyResult<SmallVec<[_; 8]>>>()?
        };
        clear_host_error();
        let outcome = {
            let _entered = enter(store);
            crate::js::call_positional(instantiator, &values)
        };
        let exports = outcome.map_err(|err| from_py_err(py, err, Some(&mut *store)))?;
        module.set_portable_imports(&refs);
        let count = module.types().export_is_tag.len();
        if count == 0 {
            return Ok(Vec::new());
        }
        // One proxy for the array; each export gets its own when first used.
        let exports = Arc::new(exports.unbind());
        Ok((0..count).map(|i| JsRef::element_of(Arc::clone(&exports), i)).collect())
    }
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
        let fast = if store.engine.uses_fast_path() { Self::instantiate_fast(store, module, &resolved) } else { None };
        let values = match fast {
            Some(values) => values?,
            None => Python::attach(|py| Self::instantiate_portable(py, store, module, &resolved))?,
        };
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
