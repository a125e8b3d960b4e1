//! Errors returned by host functions, and host functions that break their
//! own signature.

use std::fmt;

use anyhow::{Context, Result, anyhow};
use wasm_runtime_layer::{Extern, Func, FuncType, Imports, Store, Val, ValType};

use crate::Target;
use crate::check::{ensure_eq, ensure_that, expect_err};
use crate::fixture::{call, call_export, call_i32, instantiate};

/// The error type host functions return in these cases.
#[derive(Debug, PartialEq, Eq)]
pub struct MyError {
    /// A value to recognise the error by.
    pub code: u32,
}

impl fmt::Display for MyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MyError({})", self.code)
    }
}

impl std::error::Error for MyError {}

/// `err` still carries a `MyError { code }` (via `downcast_ref`).
fn ensure_my_error(err: &anyhow::Error, code: u32, what: &str) -> Result<()> {
    match err.downcast_ref::<MyError>() {
        Some(found) => ensure_eq(found, &MyError { code }, what),
        None => Err(anyhow!(
            "{what}: the error lost its type, downcast_ref::<MyError>() is None: {err:#}"
        )),
    }
}

/// A host function `(i32) -> i32` that fails with `MyError { code: arg }`
/// for non-negative arguments and returns `-arg` otherwise.
fn failing<D: 'static, E: wasm_runtime_layer::backend::WasmEngine>(
    store: &mut Store<D, E>,
) -> Func {
    Func::new(
        store,
        FuncType::new([ValType::I32], [ValType::I32]),
        |_, args, results| {
            let Val::I32(n) = args[0] else {
                return Err(anyhow!("bad argument {:?}", args[0]));
            };
            if n >= 0 {
                return Err(MyError { code: n as u32 }.into());
            }
            results[0] = Val::I32(-n);
            Ok(())
        },
    )
}

/// A host function's `Err(MyError)` comes out of `Func::call` on that host
/// function with its type intact, and is not a trap.
pub fn error_from_direct_call<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let f = failing(&mut store);
    let err = expect_err(call(&mut store, &f, &[Val::I32(7)]), "failing host call")?;
    ensure_my_error(&err, 7, "error of a direct host call")?;
    ensure_eq(target.trap_kind(&err), None, "trap kind of a host error")?;
    let ok = call(&mut store, &f, &[Val::I32(-3)])?;
    crate::check::ensure_vals(&ok, &[Val::I32(3)], "the same host function succeeding")
}

/// The same error raised by a host function that a guest export calls (also
/// two guest frames deep) comes out of the export's `Func::call` with its type
/// intact, is not a trap, and the instance keeps working.
pub fn error_through_guest<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let f = failing(&mut store);
    let mut imports = Imports::new();
    imports.define("env", "failing", Extern::Func(f));
    let instance = instantiate(
        &mut store,
        r#"(module
          (import "env" "failing" (func $failing (param i32) (result i32)))
          (func $inner (param i32) (result i32) local.get 0 call $failing i32.const 1 i32.add)
          (func (export "direct") (param i32) (result i32) local.get 0 call $failing)
          (func (export "nested") (param i32) (result i32) local.get 0 call $inner))"#,
        &imports,
    )?;
    let err = expect_err(
        call_export(&mut store, &instance, "direct", &[Val::I32(11)]),
        "direct",
    )?;
    ensure_my_error(&err, 11, "error through one guest frame")?;
    ensure_eq(
        target.trap_kind(&err),
        None,
        "trap kind of a host error through the guest",
    )?;
    let err = expect_err(
        call_export(&mut store, &instance, "nested", &[Val::I32(12)]),
        "nested",
    )?;
    ensure_my_error(&err, 12, "error through two guest frames")?;
    ensure_eq(
        call_i32(&mut store, &instance, "nested", &[Val::I32(-4)])?,
        5,
        "instance still works",
    )
}

/// Context added by the host function (`anyhow::Context`) does not hide the
/// underlying error type, through the guest too.
pub fn error_with_context_through_guest<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let f = Func::new(&mut store, FuncType::new([], []), |_, _, _| {
        Err(MyError { code: 99 }).context("while doing host things")
    });
    let mut imports = Imports::new();
    imports.define("env", "f", Extern::Func(f));
    let instance = instantiate(
        &mut store,
        r#"(module (import "env" "f" (func $f)) (func (export "run") call $f))"#,
        &imports,
    )?;
    let err = expect_err(call_export(&mut store, &instance, "run", &[]), "run")?;
    ensure_my_error(&err, 99, "error with context through the guest")?;
    ensure_that(
        format!("{err:#}").contains("MyError(99)"),
        "the message mentions the error",
    )
}

/// A host function that writes a value of the wrong type into its results
/// makes the call an `Err` (when called by the guest and by the host).
pub fn wrong_result_type_from_host<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let liar = Func::new(
        &mut store,
        FuncType::new([], [ValType::I32]),
        |_, _, results| {
            results[0] = Val::I64(1);
            Ok(())
        },
    );
    expect_err(
        call(&mut store, &liar, &[]),
        "host function returning i64 for i32, called by host",
    )?;
    let mut imports = Imports::new();
    imports.define("env", "liar", Extern::Func(liar));
    let instance = instantiate(
        &mut store,
        r#"(module (import "env" "liar" (func $liar (result i32)))
           (func (export "run") (result i32) call $liar)
           (func (export "ok") (result i32) i32.const 1))"#,
        &imports,
    )?;
    let err = expect_err(
        call_export(&mut store, &instance, "run", &[]),
        "called by the guest",
    )?;
    ensure_eq(
        target.trap_kind(&err),
        None,
        "trap kind of a bad host result",
    )?;
    ensure_eq(
        call_i32(&mut store, &instance, "ok", &[])?,
        1,
        "instance still works",
    )
}

/// A host function that leaves a numeric result unwritten makes the call an
/// `Err`: wasmtime pre-fills host results with null funcrefs, which then fail
/// the result type check (there is no silent default of 0).
pub fn unwritten_result_from_host<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let lazy = Func::new(&mut store, FuncType::new([], [ValType::I32]), |_, _, _| {
        Ok(())
    });
    expect_err(
        call(&mut store, &lazy, &[]),
        "host function not writing its i32 result",
    )?;
    let mut imports = Imports::new();
    imports.define("env", "lazy", Extern::Func(lazy));
    let instance = instantiate(
        &mut store,
        r#"(module (import "env" "lazy" (func $lazy (result i32)))
           (func (export "run") (result i32) call $lazy))"#,
        &imports,
    )?;
    expect_err(
        call_export(&mut store, &instance, "run", &[]),
        "called by the guest",
    )
    .map(|_| ())
}
