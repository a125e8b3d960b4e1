//! The benchmark guest on wasmtime, set up exactly as the Pyodide bench's
//! `Ours` (bench/src/bench.rs) sets it up, through `wasm_runtime_layer`: one
//! host function (`Func::new`) as its import.

use crate::modules::instantiate_guest;
use anyhow::{Context, Result};
use wasm_runtime_layer::{Engine, Extern, Func, Instance, Store};

/// The backend under measurement.
pub type E = wasmtime_runtime_layer::Engine;

/// The guest instance with its store and engine.
pub struct Guest {
    /// wasmtime's default engine (Cranelift).
    pub engine: Engine<E>,
    /// The store the guest lives in.
    pub store: Store<(), E>,
    /// The instance of [`GUEST`](crate::modules::GUEST).
    pub instance: Instance,
}

impl Guest {
    /// wasmtime's default engine, a store, and the guest with its host function.
    pub fn new() -> Result<Self> {
        let engine = Engine::new(E::default());
        let (store, instance) = instantiate_guest(&engine)?;
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
