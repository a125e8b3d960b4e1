//! wasmtime, the reference engine, as a conformance [`Target`].

use conformance::{Capabilities, Target, TrapKind};
use wasm_runtime_layer::Engine;

/// wasmtime through `wasmtime_runtime_layer`, in its default configuration
/// plus shared memories (`Config::shared_memory`): the JS engine has them, and
/// without the switch wasmtime compiles a module with a shared memory but
/// refuses to instantiate it.
pub struct WasmtimeTarget {
    /// Shared by all stores of one run.
    engine: Engine<wasmtime_runtime_layer::Engine>,
}

impl WasmtimeTarget {
    /// A target with one engine in wasmtime's default configuration (plus
    /// shared memories).
    pub fn new() -> Self {
        let mut config = wasmtime::Config::new();
        config.shared_memory(true);
        let engine = wasmtime::Engine::new(&config)
            .expect("wasmtime's default configuration builds an engine");
        Self {
            engine: Engine::new(wasmtime_runtime_layer::Engine::new(engine)),
        }
    }
}

impl Target for WasmtimeTarget {
    type Engine = wasmtime_runtime_layer::Engine;

    fn name(&self) -> &'static str {
        "wasmtime"
    }

    fn engine(&self) -> Engine<Self::Engine> {
        self.engine.clone()
    }

    fn trap_kind(&self, err: &anyhow::Error) -> Option<TrapKind> {
        // The trap may be wrapped in context; search the whole chain.
        let trap = err
            .chain()
            .find_map(|e| e.downcast_ref::<wasmtime::Trap>())?;
        Some(match trap {
            wasmtime::Trap::UnreachableCodeReached => TrapKind::Unreachable,
            wasmtime::Trap::MemoryOutOfBounds => TrapKind::MemoryOutOfBounds,
            wasmtime::Trap::TableOutOfBounds => TrapKind::TableOutOfBounds,
            wasmtime::Trap::IntegerDivisionByZero => TrapKind::IntegerDivisionByZero,
            wasmtime::Trap::IntegerOverflow => TrapKind::IntegerOverflow,
            wasmtime::Trap::BadConversionToInteger => TrapKind::BadConversionToInteger,
            wasmtime::Trap::IndirectCallToNull => TrapKind::IndirectCallToNull,
            wasmtime::Trap::BadSignature => TrapKind::BadSignature,
            wasmtime::Trap::StackOverflow => TrapKind::StackOverflow,
            // Traps the suite never provokes (fuel, GC casts, atomics, ...).
            _ => return None,
        })
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::WASMTIME
    }
}

impl Default for WasmtimeTarget {
    fn default() -> Self {
        Self::new()
    }
}
