//! Create/call/drop cycles that must leave nothing behind: host closures and
//! what they capture are freed, and the Pyodide heap stays flat.

use anyhow::{Context, Result};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_runtime_layer::{Engine, Extern, Func, FuncType, Imports, Instance, Module, Store, Val, ValType};

/// Counts its own drops.
struct Canary(Arc<AtomicUsize>);

impl Drop for Canary {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

const GUEST: &str = r#"(module
    (import "host" "add" (func $add (param i32 i32) (result i32)))
    (import "host" "keep" (func $keep (param externref) (result externref)))
    (table (export "t") 1 funcref)
    (elem (i32.const 0) $add)
    (func (export "run") (param i32) (result i32)
      (call $add (local.get 0) (i32.const 1)))
    (func (export "echo") (param externref) (result externref)
      (call $keep (local.get 0))))"#;

/// Runs `cycles` cycles of store + host functions + instance + calls + drop and
/// returns how many captured canaries were dropped (expected: 2 per cycle).
pub fn churn<E: wasm_runtime_layer::backend::WasmEngine>(engine: &Engine<E>, cycles: usize) -> Result<usize> {
    let dropped = Arc::new(AtomicUsize::new(0));
    let module = Module::new(engine, &wat::parse_str(GUEST)?)?;
    for i in 0..cycles {
        let mut store = Store::new(engine, ());
        let canary = Canary(Arc::clone(&dropped));
        let add = Func::new(&mut store, FuncType::new([ValType::I32, ValType::I32], [ValType::I32]), move |_, args, results| {
            let _keep_alive = &canary;
            if let (Val::I32(a), Val::I32(b)) = (&args[0], &args[1]) {
                results[0] = Val::I32(a.wrapping_add(*b));
            }
            Ok(())
        });
        let keep = Func::new(&mut store, FuncType::new([ValType::ExternRef], [ValType::ExternRef]), |_, args, results| {
            results[0] = args[0].clone();
            Ok(())
        });
        let mut imports = Imports::new();
        imports.define("host", "add", Extern::Func(add));
        imports.define("host", "keep", Extern::Func(keep));
        let instance = Instance::new(&mut store, &module, &imports)?;
        let run = instance.get_export(&store, "run").and_then(Extern::into_func).context("no run")?;
        let mut out = [Val::I32(0)];
        run.call(&mut store, &[Val::I32(i as i32)], &mut out)?;
        let echo = instance.get_export(&store, "echo").and_then(Extern::into_func).context("no echo")?;
        let payload = wasm_runtime_layer::ExternRef::new(&mut store, Canary(Arc::clone(&dropped)));
        let mut back = [Val::ExternRef(None)];
        echo.call(&mut store, &[Val::ExternRef(Some(payload))], &mut back)?;
        drop(back);
        drop(store);
    }
    Ok(dropped.load(Ordering::SeqCst))
}
