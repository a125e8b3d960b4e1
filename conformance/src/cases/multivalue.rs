//! Functions with several results, from the guest and from the host.

use anyhow::{Result, bail};
use wasm_runtime_layer::{Extern, Func, FuncType, Imports, Store, Val, ValType};

use crate::Target;
use crate::check::{ensure_eq, ensure_vals, types_of};
use crate::fixture::{call, call_export, call_i32, func, instantiate};

/// The four results the host function returns.
fn host_four() -> [Val; 4] {
    [
        Val::I32(1),
        Val::I64(i64::MIN),
        Val::F32(-2.5),
        Val::F64(1e300),
    ]
}

/// Guest functions with several results: `() -> (i32, i64, f32, f64)`,
/// a swap of two parameters, an empty result list, and a results slice whose
/// types are checked against the function type.
pub fn guest_results<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(
        &mut store,
        r#"(module
          (func (export "four") (result i32 i64 f32 f64)
            i32.const -7 i64.const 0x7fffffffffffffff f32.const 1.5 f64.const -0.25)
          (func (export "swap") (param i32 i64) (result i64 i32) local.get 1 local.get 0)
          (func (export "nothing"))
          (func (export "many") (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
            i32.const 0 i32.const 1 i32.const 2 i32.const 3 i32.const 4
            i32.const 5 i32.const 6 i32.const 7 i32.const 8 i32.const 9))"#,
        &Imports::new(),
    )?;
    let four = call_export(&mut store, &instance, "four", &[])?;
    ensure_vals(
        &four,
        &[
            Val::I32(-7),
            Val::I64(i64::MAX),
            Val::F32(1.5),
            Val::F64(-0.25),
        ],
        "four()",
    )?;
    let swapped = call_export(&mut store, &instance, "swap", &[Val::I32(5), Val::I64(-6)])?;
    ensure_vals(&swapped, &[Val::I64(-6), Val::I32(5)], "swap(5, -6)")?;
    let nothing = call_export(&mut store, &instance, "nothing", &[])?;
    ensure_eq(nothing.len(), 0, "results of a function without results")?;
    let many = call_export(&mut store, &instance, "many", &[])?;
    let expected: Vec<Val> = (0..10).map(Val::I32).collect();
    ensure_vals(&many, &expected, "ten results")?;
    let f = func(&store, &instance, "four")?;
    ensure_eq(
        f.ty(&store).results().to_vec(),
        vec![ValType::I32, ValType::I64, ValType::F32, ValType::F64],
        "result types of four",
    )
}

/// A host function `() -> (i32, i64, f32, f64)`: called directly by the
/// host, relayed by a guest export, and checked by the guest against
/// constants.
pub fn host_results<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let ty = FuncType::new([], [ValType::I32, ValType::I64, ValType::F32, ValType::F64]);
    let four = Func::new(&mut store, ty, |_, _, results| {
        if results.len() != 4 {
            bail!(
                "host function got a results slice of length {}",
                results.len()
            );
        }
        results.clone_from_slice(&host_four());
        Ok(())
    });
    let direct = call(&mut store, &four, &[])?;
    ensure_vals(&direct, &host_four(), "host function called by the host")?;
    ensure_eq(
        types_of(&direct),
        vec![ValType::I32, ValType::I64, ValType::F32, ValType::F64],
        "types",
    )?;

    let mut imports = Imports::new();
    imports.define("env", "four", Extern::Func(four));
    let instance = instantiate(
        &mut store,
        r#"(module
          (import "env" "four" (func $four (result i32 i64 f32 f64)))
          (func (export "relay") (result i32 i64 f32 f64) call $four)
          (func (export "check") (result i32)
            (local $a i32) (local $b i64) (local $c f32) (local $d f64)
            call $four
            local.set $d local.set $c local.set $b local.set $a
            local.get $a i32.const 1 i32.eq
            local.get $b i64.const -9223372036854775808 i64.eq i32.and
            local.get $c f32.const -2.5 f32.eq i32.and
            local.get $d f64.const 1e300 f64.eq i32.and))"#,
        &imports,
    )?;
    let relayed = call_export(&mut store, &instance, "relay", &[])?;
    ensure_vals(&relayed, &host_four(), "host results relayed by the guest")?;
    ensure_eq(
        call_i32(&mut store, &instance, "check", &[])?,
        1,
        "guest checks host results",
    )
}
