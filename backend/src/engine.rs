//! `Engine`: the host's own WebAssembly engine, reached through Pyodide.

use crate::path::Route;
use crate::{ExternRef, Func, Global, Instance, Memory, Module, Store, StoreContext, StoreContextMut, Table};
use wasm_runtime_layer::backend::WasmEngine;

/// The `wasm_runtime_layer` backend that runs Wasm on the JS engine hosting
/// Pyodide. Use it as `wasm_runtime_layer::Engine::new(Engine::default())`.
///
/// By default hot operations take the fast path beneath Python when this
/// Pyodide supports it (see [`Engine::fast_path_unavailable_reason`]);
/// [`Engine::portable`] always uses the portable PyO3 path.
#[derive(Clone, Debug)]
pub struct Engine {
    fast: bool,
}

impl Default for Engine {
    fn default() -> Self {
        Self { fast: true }
    }
}

impl Engine {
    /// An engine that never takes the fast path (only Pyodide's public FFI).
    pub fn portable() -> Self {
        Self { fast: false }
    }

    /// The path this engine takes: the fast one when it asks for it and this
    /// Pyodide has it installed.
    pub(crate) fn route(&self) -> Route {
        if self.fast && crate::fast::installed() { Route::Fast } else { Route::Portable }
    }

    /// Why the fast path is not in use in this process, or `None` if it is.
    /// The environment variable `PYODIDE_RUNTIME_LAYER_PORTABLE` turns it off.
    pub fn fast_path_unavailable_reason() -> Option<String> {
        crate::fast::unavailable_reason()
    }
}

impl WasmEngine for Engine {
    type ExternRef = ExternRef;
    type Func = Func;
    type Global = Global;
    type Instance = Instance;
    type Memory = Memory;
    type Module = Module;
    type Store<T: 'static> = Store<T>;
    type StoreContext<'a, T: 'static> = StoreContext<'a, T>;
    type StoreContextMut<'a, T: 'static> = StoreContextMut<'a, T>;
    type Table = Table;
}
