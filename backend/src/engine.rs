//! `Engine`: the host's own WebAssembly engine, reached through Pyodide.

use crate::{ExternRef, Func, Global, Instance, Memory, Module, Store, StoreContext, StoreContextMut, Table};
use wasm_runtime_layer::backend::WasmEngine;

/// The `wasm_runtime_layer` backend that runs Wasm on the JS engine hosting
/// Pyodide. Use it as `wasm_runtime_layer::Engine::new(Engine::default())`.
#[derive(Clone, Debug, Default)]
pub struct Engine {
    _private: (),
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
