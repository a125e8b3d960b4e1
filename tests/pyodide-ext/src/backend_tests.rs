//! Behaviour of this backend that only exists on the JS engine, so the
//! engine-generic conformance suite cannot state it: typed JS errors and
//! Wasm exceptions that escape to the host.

use anyhow::{Context, Result, bail, ensure};
use pyodide_runtime_layer::{JsError, Trap, TrapCode, WasmException};
use wasm_runtime_layer::backend::Val as RawVal;
use wasm_runtime_layer::{Engine, Extern, Imports, Instance, Module, Store, Val};

/// A named Pyodide-only case.
pub type Case = (&'static str, fn() -> Result<()>);

/// Every case, in order.
pub const CASES: &[Case] = &[
    ("exception_with_exported_tag_carries_tag_and_payload", exception_with_exported_tag_carries_tag_and_payload),
    ("exception_with_internal_tag_is_an_error_without_payload", exception_with_internal_tag_is_an_error_without_payload),
    ("instance_keeps_working_after_an_exception", instance_keeps_working_after_an_exception),
    ("compile_error_is_a_typed_js_error", compile_error_is_a_typed_js_error),
    ("link_error_is_a_typed_js_error", link_error_is_a_typed_js_error),
    ("trap_carries_code_and_engine_message", trap_carries_code_and_engine_message),
    ("module_over_8_mb_compiles_or_names_the_main_thread_limit", module_over_8_mb_compiles_or_names_the_main_thread_limit),
];

fn engine() -> Engine<pyodide_runtime_layer::Engine> {
    Engine::new(pyodide_runtime_layer::Engine::default())
}

const THROWER: &str = r#"(module
    (tag $exported (export "tag") (param i32 i64 f64))
    (tag $internal (param i32))
    (func (export "throw_exported") (throw $exported (i32.const 7) (i64.const -5) (f64.const -0.5)))
    (func (export "throw_internal") (throw $internal (i32.const 1)))
    (func (export "ok") (result i32) (i32.const 42)))"#;

fn call(store: &mut Store<(), pyodide_runtime_layer::Engine>, instance: &Instance, name: &str, results: usize) -> Result<Vec<Val>> {
    let func = instance.get_export(&*store, name).and_then(Extern::into_func).with_context(|| format!("no export {name}"))?;
    let mut out = vec![Val::I32(0); results];
    func.call(store, &[], &mut out)?;
    Ok(out)
}

fn thrower() -> Result<(Store<(), pyodide_runtime_layer::Engine>, Instance)> {
    let engine = engine();
    let module = Module::new(&engine, &wat::parse_str(THROWER)?)?;
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &Imports::new())?;
    Ok((store, instance))
}

fn exception_with_exported_tag_carries_tag_and_payload() -> Result<()> {
    let (mut store, instance) = thrower()?;
    let err = match call(&mut store, &instance, "throw_exported", 0) {
        Ok(_) => bail!("throwing export returned Ok"),
        Err(err) => err,
    };
    let exception = err.downcast_ref::<WasmException>().with_context(|| format!("not a WasmException: {err:#}"))?;
    ensure!(exception.tag.is_some(), "the exported tag was not recognised");
    let payload = exception.payload.as_ref().context("no payload decoded")?;
    match payload.as_slice() {
        [RawVal::I32(7), RawVal::I64(-5), RawVal::F64(x)] if *x == -0.5 => Ok(()),
        other => bail!("payload {other:?}, expected [I32(7), I64(-5), F64(-0.5)]"),
    }
}

fn exception_with_internal_tag_is_an_error_without_payload() -> Result<()> {
    let (mut store, instance) = thrower()?;
    let err = call(&mut store, &instance, "throw_internal", 0).err().context("throwing export returned Ok")?;
    let exception = err.downcast_ref::<WasmException>().with_context(|| format!("not a WasmException: {err:#}"))?;
    ensure!(exception.tag.is_none() && exception.payload.is_none(), "an unexported tag cannot be decoded");
    ensure!(err.downcast_ref::<Trap>().is_none(), "an exception is not a trap");
    Ok(())
}

fn instance_keeps_working_after_an_exception() -> Result<()> {
    let (mut store, instance) = thrower()?;
    for _ in 0..3 {
        ensure!(call(&mut store, &instance, "throw_exported", 0).is_err());
        let out = call(&mut store, &instance, "ok", 1)?;
        ensure!(matches!(out[0], Val::I32(42)), "got {:?}", out[0]);
    }
    Ok(())
}

fn compile_error_is_a_typed_js_error() -> Result<()> {
    let err = Module::new(&engine(), b"\0asm\x01\0\0\0\x05\x01").err().context("garbage compiled")?;
    let js = err.downcast_ref::<JsError>().with_context(|| format!("not a JsError: {err:#}"))?;
    ensure!(js.name == "CompileError", "name {}", js.name);
    Ok(())
}

fn link_error_is_a_typed_js_error() -> Result<()> {
    let engine = engine();
    let module = Module::new(&engine, &wat::parse_str(r#"(module (import "m" "g" (global i64)))"#)?)?;
    let mut store = Store::new(&engine, ());
    // Right kind and type in Rust, but a mutable global where the module wants an immutable one.
    let global = wasm_runtime_layer::Global::new(&mut store, Val::I64(1), true);
    let mut imports = Imports::new();
    imports.define("m", "g", Extern::Global(global));
    let err = Instance::new(&mut store, &module, &imports).err().context("mismatched import linked")?;
    ensure!(
        err.downcast_ref::<JsError>().is_some() || err.to_string().contains("incompatible import"),
        "unexpected error: {err:#}"
    );
    Ok(())
}

fn trap_carries_code_and_engine_message() -> Result<()> {
    let engine = engine();
    let module = Module::new(&engine, &wat::parse_str(r#"(module (func (export "f") (result i32) (i32.div_u (i32.const 1) (i32.const 0))))"#)?)?;
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &Imports::new())?;
    let err = call(&mut store, &instance, "f", 1).err().context("division by zero returned Ok")?;
    let trap = err.downcast_ref::<Trap>().with_context(|| format!("not a Trap: {err:#}"))?;
    ensure!(trap.code == TrapCode::IntegerDivisionByZero, "code {:?}", trap.code);
    ensure!(!trap.message.is_empty(), "no engine message");
    Ok(())
}

/// A 9 MB module: where the engine compiles it synchronously (Node, a
/// Worker) `Module::new` succeeds; where it refuses (Chromium on a page's
/// main thread) the `Err` names the limit and the remedy, and is still the
/// engine's `RangeError`.
fn module_over_8_mb_compiles_or_names_the_main_thread_limit() -> Result<()> {
    let bytes = conformance::fixture::module_with_data(9 << 20);
    let refused_by_engine = pyo3::Python::attach(|py| -> pyo3::PyResult<bool> {
        use pyo3::prelude::*;
        use pyodide_runtime_layer::js;
        let array = js::global_object(py, "Uint8Array")?.call_method1("new", (bytes.len(),))?;
        array.call_method1("assign", (pyo3::types::PyBytes::new(py, &bytes),))?;
        let check = js::run_js(py, "(b) => { try { new WebAssembly.Module(b); return false; } catch (e) { return e instanceof RangeError; } }")?;
        check.call1((array,))?.extract()
    })?;
    match Module::new(&engine(), &bytes) {
        Ok(_) => ensure!(!refused_by_engine, "the engine refuses this module but Module::new compiled it"),
        Err(err) => {
            ensure!(refused_by_engine, "Module::new failed where the engine compiles: {err:#}");
            let text = format!("{err:#}");
            ensure!(text.contains("8 MB") && text.contains("Web Worker"), "the error does not name the limit and the remedy: {text}");
            let js = err.downcast_ref::<JsError>().with_context(|| format!("not a JsError: {text}"))?;
            ensure!(js.name == "RangeError", "{js}");
            println!("    refused on this thread, as expected: {text}");
        }
    }
    Ok(())
}
