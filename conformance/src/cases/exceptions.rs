//! A WebAssembly exception (exception-handling proposal) escaping to the host.

use anyhow::{Result, bail};
use wasm_runtime_layer::{Imports, Instance, Module, Store, Val};

use crate::Target;
use crate::check::{ensure_eq, expect_err, no_panic};
use crate::fixture::{call_export, call_i32, wasm};

/// A module that defines a tag internally, throws it out of an export, and
/// also catches it internally.
const THROWER: &str = r#"
(module
  (tag $e (param i32))
  (func (export "throw") (param i32) local.get 0 throw $e)
  (func (export "catch") (param i32) (result i32)
    (block $handler (result i32)
      (try_table (catch $e $handler)
        local.get 0
        throw $e)
      i32.const -1))
  (func (export "ok") (result i32) i32.const 7))
"#;

/// With [`Capabilities::wasm_exceptions`] (wasmtime 48): the module
/// compiles, an exception caught inside wasm gives its payload, one escaping
/// an export is an `Err` that is not a trap, and the instance keeps working.
/// Without it: `Module::new` is a clear `Err`. Never a panic.
///
/// [`Capabilities::wasm_exceptions`]: crate::Capabilities::wasm_exceptions
pub fn exception_escapes_as_err<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let bytes = wasm(THROWER)?;
    let module = no_panic("Module::new", || Module::new(&engine, &bytes))?;
    if !target.capabilities().wasm_exceptions {
        return expect_err(module, "Module::new with exception handling").map(|_| ());
    }
    let module = match module {
        Ok(module) => module,
        Err(err) => bail!("Module::new with exception handling failed: {err:#}"),
    };
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &Imports::new())?;
    ensure_eq(
        call_i32(&mut store, &instance, "catch", &[Val::I32(41)])?,
        41,
        "caught inside wasm",
    )?;
    for round in 0..3 {
        let result = no_panic("throw", || {
            call_export(&mut store, &instance, "throw", &[Val::I32(round)])
        })?;
        let err = expect_err(result, "exception escaping an export")?;
        ensure_eq(
            target.trap_kind(&err),
            None,
            &format!("trap kind of an escaped exception ({err:#})"),
        )?;
        ensure_eq(
            call_i32(&mut store, &instance, "ok", &[])?,
            7,
            "instance after the exception",
        )?;
    }
    ensure_eq(
        call_i32(&mut store, &instance, "catch", &[Val::I32(5)])?,
        5,
        "catching still works",
    )
}
