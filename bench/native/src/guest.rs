//! The benchmark guest on wasmtime, set up exactly as the Pyodide bench's
//! `Ours` (bench/src/bench.rs) sets it up, through `wasm_runtime_layer`: one
//! host function (`Func::new`) as its import.

use crate::modules::GUEST;
use anyhow::{Context, Result};
use wasm_runtime_layer::{Engine, Extern, Func, FuncType, Imports, Instance, Module, Store, Val, ValType};

/// The backend under measurement.
pub type E = wasmtime_runtime_layer::Engine;

/// The guest instance with its store and engine.
pub struct Guest {
    /// wasmtime's default engine (Cranelift).
    pub engine: Engine<E>,
    /// The store the guest lives in.
    pub store: Store<(), E>,
    /// The instance of [`GUEST`].
    pub instance: Instance,
}

impl Guest {
    /// wasmtime's default engine, a store, and the guest with its host function.
    pub fn new() -> Result<Self> {
        let engine = Engine::new(E::default());
        let mut store = Store::new(&engine, ());
        let host = Func::new(&mut store, FuncType::new([ValType::I32], [ValType::I32]), |_, args, results| {
            if let Val::I32(x) = args[0] {
                results[0] = Val::I32(x.wrapping_add(1));
            }
            Ok(())
        });
        let mut imports = Imports::new();
        imports.define("env", "host", Extern::Func(host));
        let module = Module::new(&engine, &wat::parse_str(GUEST)?)?;
        let instance = Instance::new(&mut store, &module, &imports)?;
        Ok(Self { engine, store, instance })
    }

    /// The export `name`.
    pub fn export(&self, name: &str) -> Result<Extern> {
        self.instance.get_export(&self.store, name).with_context(|| format!("no export {name}"))
    }

    /// The exported function `name`.
    pub fn func(&self, name: &str) -> Result<Func> {
        self.export(name)?.into_func().context("not a function")
    }
}
