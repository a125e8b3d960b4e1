//! `Module`: a compiled `WebAssembly.Module` and its import/export types.

use crate::path::{Path, with_path};
use crate::imports::ImportIndex;
use crate::js_ref::{JsRef, WeakJsRef};
use crate::module_types::ModuleTypes;
use crate::signature;
use crate::trap_sites::TableSites;
use crate::Engine;
use anyhow::Result;
use pyo3::prelude::*;
use std::sync::{Arc, Mutex, OnceLock};
use wasm_runtime_layer::backend::WasmModule;
use wasm_runtime_layer::{ExportType, ExternType, ImportType};

/// A compiled module.
#[derive(Clone, Debug)]
pub struct Module {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    js: JsRef,
    types: ModuleTypes,
    /// Where each import name sits, built on first instantiation.
    import_index: OnceLock<ImportIndex>,
    /// The fast path's signature id of each export (-1 for non-functions).
    export_sig_ids: OnceLock<Option<Vec<i32>>>,
    /// The portable path's instantiator (`Portable.makeInstantiator`).
    instantiator: OnceLock<Py<PyAny>>,
    /// The import values of the last portable instantiation, whose import
    /// object the instantiator keeps (`None` while unknown: before the first
    /// and after a failed one).
    last_portable_imports: Mutex<Option<Vec<WeakJsRef>>>,
    /// Its table-access instructions, where the engine needs them to tell
    /// trap kinds apart (SpiderMonkey; see `trap_sites`).
    table_sites: Option<Arc<TableSites>>,
}

impl Module {
    /// The JS `WebAssembly.Module`.
    pub(crate) fn js(&self) -> &JsRef {
        &self.inner.js
    }

    /// Its table-access instructions, where the engine needs them (see `trap_sites`).
    pub(crate) fn table_sites(&self) -> Option<&Arc<TableSites>> {
        self.inner.table_sites.as_ref()
    }

    /// The module's import and export types.
    pub(crate) fn types(&self) -> &ModuleTypes {
        &self.inner.types
    }

    /// Where each import name sits in the module's import list.
    pub(crate) fn import_index(&self) -> &ImportIndex {
        self.inner.import_index.get_or_init(|| ImportIndex::new(&self.inner.types.imports))
    }

    /// The fast path's signature id of each export, made on first need (see
    /// `path/fast.rs`).
    pub(crate) fn fast_export_sigs(&self) -> &OnceLock<Option<Vec<i32>>> {
        &self.inner.export_sig_ids
    }

    /// Whether `imports` are the import values of the last portable
    /// instantiation (see `path/portable.rs`); forgets them until
    /// [`Module::set_portable_imports`] records the next ones.
    pub(crate) fn take_same_portable_imports(&self, imports: &[&JsRef]) -> bool {
        let last = self.inner.last_portable_imports.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
        last.is_some_and(|last| last.len() == imports.len() && last.iter().zip(imports).all(|(weak, value)| weak.is(value)))
    }

    /// Records the import values of a successful portable instantiation.
    pub(crate) fn set_portable_imports(&self, imports: &[&JsRef]) {
        let mut last = self.inner.last_portable_imports.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *last = Some(imports.iter().map(|value| value.downgrade()).collect());
    }

    /// The portable path's instantiator, made on first need (see
    /// `path/portable.rs`).
    pub(crate) fn portable_instantiator(&self) -> &OnceLock<Py<PyAny>> {
        &self.inner.instantiator
    }
}

impl Module {
    /// Compiles `bytes` into a JS `WebAssembly.Module`.
    fn compile(py: Python<'_>, engine: &Engine, bytes: &[u8]) -> Result<JsRef> {
        with_path!(engine, path => path.compile(py, bytes))
    }
}

/// Adds what to do to the error of a browser that refuses a synchronous
/// compile: Chromium compiles at most 8 MB synchronously on a page's main
/// thread (a `RangeError`), and `Module::new` is synchronous.
fn explain_main_thread_limit(err: anyhow::Error, len: usize) -> anyhow::Error {
    let refused = err
        .downcast_ref::<crate::JsError>()
        .is_some_and(|js| js.name == "RangeError" && js.message.contains("main thread"));
    if !refused {
        return err;
    }
    err.context(format!(
        "Module::new of a {len}-byte module: this browser compiles modules over 8 MB only off its main thread; \
         run Pyodide in a Web Worker (or keep each module under 8 MB)"
    ))
}

impl WasmModule<Engine> for Module {
    fn new(engine: &Engine, bytes: &[u8]) -> Result<Self> {
        let (js, table_sites) = Python::attach(|py| -> Result<(JsRef, Option<Arc<TableSites>>)> {
            let js = Self::compile(py, engine, bytes).map_err(|err| explain_main_thread_limit(err, bytes.len()))?;
            Ok((js, crate::trap_sites::engine_needs_sites(py).then(|| Arc::new(TableSites::scan(bytes)))))
        })?;
        let types = ModuleTypes::parse(bytes)?;
        for ty in &types.func_types {
            signature::register(ty);
        }
        let inner = Inner {
            js,
            types,
            import_index: OnceLock::new(),
            export_sig_ids: OnceLock::new(),
            instantiator: OnceLock::new(),
            last_portable_imports: Mutex::new(None),
            table_sites,
        };
        Ok(Self { inner: Arc::new(inner) })
    }

    fn exports(&self) -> Box<dyn '_ + Iterator<Item = ExportType<'_>>> {
        Box::new(self.inner.types.exports.iter().map(|(name, ty)| ExportType { name, ty: ty.clone() }))
    }

    fn get_export(&self, name: &str) -> Option<ExternType> {
        self.inner.types.exports.iter().find(|(n, _)| n == name).map(|(_, ty)| ty.clone())
    }

    fn imports(&self) -> Box<dyn '_ + Iterator<Item = ImportType<'_>>> {
        Box::new(
            self.inner
                .types
                .imports
                .iter()
                .map(|(module, name, ty)| ImportType { module, name, ty: ty.clone() }),
        )
    }
}
