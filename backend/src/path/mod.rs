//! The two ways the backend reaches JS, behind one interface.
//!
//! [`Path`] is every JS-side operation the trait implementations need. It
//! is implemented twice, on the generated boundary (`crate::boundary`):
//! [`FastPath`] (the fast ABI: Wasm imports and function-table entries, no
//! Python) and [`PortablePath`] (Pyodide's FFI: the generated bindings and
//! `Portable`). An [`Engine`] chooses one, once ([`Engine::route`]);
//! [`with_path!`] runs code on it. The trait implementations (`memory.rs`,
//! `table.rs`, ...) check their arguments and call one `Path` method: they
//! hold no `unsafe`, no JS and no fork between the paths.
//!
//! The fast path takes what it can and hands the rest to the portable path
//! (a JS value it has no handle for, a reference-typed global, a table
//! element of a signature it has not seen).

mod classify;
mod convert;
mod create;
mod fast;
mod portable;
mod accessors;

pub(crate) use classify::{fast_error, from_py_err};
pub(crate) use convert::{from_js, to_js};
pub(crate) use create::{new_extern_ref, new_global, new_memory, new_table, undefined};
pub(crate) use fast::FastPath;
pub(crate) use portable::{PortablePath, func_type_of};
pub(crate) use accessors::{GlobalAccess, SmallCopies};

use crate::store::StoreInner;
use crate::{Engine, Func, Global, Memory, Module};
use crate::js_ref::JsRef;
use anyhow::Result;
use pyo3::prelude::*;
use wasm_runtime_layer::backend::{Extern, Ref, Val};
use wasm_runtime_layer::RefType;

/// Which path an engine takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    /// The fast ABI (installed in this Pyodide).
    Fast,
    /// Pyodide's FFI.
    Portable,
}

/// Runs `$body` with `$path` bound to `$engine`'s path (a `&FastPath` or a
/// `&PortablePath`): the one place where the two meet.
macro_rules! with_path {
    ($engine:expr, $path:ident => $body:expr) => {{
        let route = $engine.route();
        match route {
            $crate::path::Route::Fast => {
                let $path = &$crate::path::FastPath;
                $body
            }
            $crate::path::Route::Portable => {
                let $path = &$crate::path::PortablePath;
                $body
            }
        }
    }};
}
pub(crate) use with_path;

/// The JS value standing for an extern.
pub(crate) fn js_of(value: &Extern<Engine>) -> &JsRef {
    match value {
        Extern::Func(f) => f.js(),
        Extern::Memory(m) => m.js(),
        Extern::Table(t) => t.js(),
        Extern::Global(g) => g.js(),
    }
}

/// A JS value made by a path, with the Python proxy (if any) that must live
/// as long as the store.
pub(crate) struct Made {
    /// The JS value (JS `undefined` if it could not be made).
    pub js: JsRef,
    /// A proxy to keep alive (the portable host function's callable).
    pub keep: Option<Py<PyAny>>,
}

/// Every JS-side operation of the trait implementations. Arguments are
/// checked by the caller (stores, types, counts); `JsRef`s are the objects'
/// own JS values.
pub(crate) trait Path {
    /// Compiles a module from `bytes`.
    fn compile(&self, py: Python<'_>, bytes: &[u8]) -> Result<JsRef>;

    /// Instantiates `module` with one value per import, in its order; one
    /// value per export back, in its order (tags included).
    fn instantiate<T: 'static>(&self, store: &mut StoreInner<T>, module: &Module, imports: &[&Extern<Engine>]) -> Result<Vec<JsRef>>;

    /// Calls `func` (types and counts checked).
    fn call<T: 'static>(&self, store: &mut StoreInner<T>, func: &Func, args: &[Val<Engine>], results: &mut [Val<Engine>]) -> Result<()>;

    /// A Wasm function of signature `sig` that runs host function `id`.
    fn host_function(&self, py: Python<'_>, id: u32, sig: &str) -> Result<Made>;

    /// Grows a memory; the old size in pages.
    fn memory_grow(&self, memory: &JsRef, delta: u32) -> Result<u32>;

    /// A memory's size in pages (0 if JS fails).
    fn memory_pages(&self, memory: &JsRef) -> u32;

    /// Copies `buffer.len()` bytes at `offset` out of a memory.
    fn memory_read(&self, memory: &Memory, offset: usize, buffer: &mut [u8]) -> Result<()>;

    /// Copies `buffer` into a memory at `offset`.
    fn memory_write(&self, memory: &Memory, offset: usize, buffer: &[u8]) -> Result<()>;

    /// A global's value (the type's zero if JS fails: a v128 global).
    fn global_get<T>(&self, global: &Global, store: &mut StoreInner<T>) -> Val<Engine>;

    /// Sets a global of type `ty` (mutability checked).
    fn global_set(&self, global: &Global, value: &Val<Engine>) -> Result<()>;

    /// A table's size (0 if JS fails).
    fn table_size(&self, table: &JsRef) -> u32;

    /// Grows a table of `element`s, new slots `init`; the old size.
    fn table_grow(&self, table: &JsRef, element: RefType, delta: u32, init: &Ref<Engine>) -> Result<u32>;

    /// One element (`None` out of bounds).
    fn table_get<T>(&self, table: &JsRef, element: RefType, index: u32, store: &mut StoreInner<T>) -> Option<Ref<Engine>>;

    /// Sets one element.
    fn table_set(&self, table: &JsRef, element: RefType, index: u32, value: &Ref<Engine>) -> Result<()>;
}
