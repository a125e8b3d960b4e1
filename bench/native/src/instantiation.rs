//! `Instance::new` of the bench's consumer module, repeated without end:
//! wasmtime allows 10,000 instances per store by default (and
//! `wasm_runtime_layer` gives no way to raise it), so every
//! [`PER_STORE`] instantiations continue in a fresh store with fresh imports.
//! The retired stores are kept until the measurement is over, so no sample
//! pays for tearing thousands of instances down; a sample pays for the
//! renewal only, spread over [`PER_STORE`] instantiations.

use crate::guest::E;
use crate::modules;
use anyhow::{Context, Result};
use wasm_runtime_layer::{Engine, Imports, Instance, Module, Store};

/// Instantiations per store, below wasmtime's limit of 10,000 instances
/// (the provider takes one).
pub const PER_STORE: usize = 9_000;

/// The consumer of `n` imports and what it is instantiated with.
pub struct Instantiation {
    engine: Engine<E>,
    n: usize,
    provider: Module,
    consumer: Module,
    store: Store<(), E>,
    imports: Imports,
    made: usize,
    retired: Vec<Store<(), E>>,
}

impl Instantiation {
    /// The consumer of `n` functions, its imports the exports of a provider
    /// instance (as the Pyodide bench makes them).
    pub fn new(engine: &Engine<E>, n: usize) -> Result<Self> {
        let provider = Module::new(engine, &wat::parse_str(modules::provider(n))?)?;
        let consumer = Module::new(engine, &wat::parse_str(modules::consumer(n))?)?;
        let (store, imports) = provide(engine, &provider, n)?;
        Ok(Self { engine: engine.clone(), n, provider, consumer, store, imports, made: 0, retired: Vec::new() })
    }

    /// One `Instance::new` (in a fresh store after [`PER_STORE`] of them).
    pub fn instantiate(&mut self) -> Result<Instance> {
        if self.made == PER_STORE {
            let (store, imports) = provide(&self.engine, &self.provider, self.n)?;
            self.retired.push(std::mem::replace(&mut self.store, store));
            self.imports = imports;
            self.made = 0;
        }
        self.made += 1;
        Instance::new(&mut self.store, &self.consumer, &self.imports)
    }
}

/// A store holding an instance of `provider` (`n` functions), and the
/// imports made of its exports (`env.f0`, `env.f1`, ...).
fn provide(engine: &Engine<E>, provider: &Module, n: usize) -> Result<(Store<(), E>, Imports)> {
    let mut store = Store::new(engine, ());
    let provider_instance = Instance::new(&mut store, provider, &Imports::new())?;
    let mut imports = Imports::new();
    for i in 0..n {
        let f = provider_instance.get_export(&store, &format!("f{i}")).context("no provider export")?;
        imports.define("env", &format!("f{i}"), f);
    }
    Ok((store, imports))
}
