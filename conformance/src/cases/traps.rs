//! Traps: each kind comes back as an `Err` that the target classifies, and
//! the instance keeps working afterwards.

use anyhow::{Result, bail};
use wasm_runtime_layer::{Imports, Instance, Module, Store, Val};

use crate::check::{ensure_eq, expect_err};
use crate::fixture::{call_export, call_i32, compile, instantiate};
use crate::{Target, TrapKind};

/// One export per trap kind, plus state that must survive the traps.
const TRAPS_MODULE: &str = r#"
(module
  (type $v (func))
  (type $i (func (result i32)))
  (table 2 funcref)
  (elem (i32.const 1) func $unit)
  (memory 1)
  (global $counter (mut i32) (i32.const 0))
  (func $unit)
  (func (export "unreachable") unreachable)
  (func (export "memory_oob") (result i32) i32.const 65536 i32.load)
  (func (export "memory_oob_store") i32.const -1 i32.const 1 i32.store)
  (func (export "memory_fill_oob") i32.const 65530 i32.const 0 i32.const 100 memory.fill)
  (func (export "table_oob") i32.const 5 call_indirect (type $v))
  (func (export "table_get_oob") (result funcref) i32.const 5 table.get 0)
  (func (export "table_fill_oob") i32.const 1 ref.null func i32.const 5 table.fill 0)
  (func (export "div_zero") (result i32) i32.const 1 i32.const 0 i32.div_s)
  (func (export "rem_zero") (result i64) i64.const 1 i64.const 0 i64.rem_u)
  (func (export "overflow") (result i32) i32.const 0x80000000 i32.const -1 i32.div_s)
  (func (export "bad_conversion_nan") (result i32) f32.const nan i32.trunc_f32_s)
  (func (export "bad_conversion_range") (result i64) f64.const 1e100 i64.trunc_f64_u)
  (func (export "null_call") i32.const 0 call_indirect (type $v))
  (func (export "bad_signature") (result i32) i32.const 1 call_indirect (type $i))
  (func $recurse (export "recurse") (param i32) (result i32)
    local.get 0 i32.const 1 i32.add call $recurse)
  (func (export "count") (result i32)
    global.get $counter i32.const 1 i32.add global.set $counter global.get $counter)
  (func (export "poke") (param i32) i32.const 0 local.get 0 i32.store)
  (func (export "peek") (result i32) i32.const 0 i32.load)
)
"#;

/// Each export of [`TRAPS_MODULE`] that traps, with its kind and arguments.
fn trapping_exports() -> Vec<(&'static str, TrapKind, Vec<Val>)> {
    vec![
        ("unreachable", TrapKind::Unreachable, vec![]),
        ("memory_oob", TrapKind::MemoryOutOfBounds, vec![]),
        ("memory_oob_store", TrapKind::MemoryOutOfBounds, vec![]),
        ("memory_fill_oob", TrapKind::MemoryOutOfBounds, vec![]),
        ("table_oob", TrapKind::TableOutOfBounds, vec![]),
        ("table_get_oob", TrapKind::TableOutOfBounds, vec![]),
        ("table_fill_oob", TrapKind::TableOutOfBounds, vec![]),
        ("div_zero", TrapKind::IntegerDivisionByZero, vec![]),
        ("rem_zero", TrapKind::IntegerDivisionByZero, vec![]),
        ("overflow", TrapKind::IntegerOverflow, vec![]),
        (
            "bad_conversion_nan",
            TrapKind::BadConversionToInteger,
            vec![],
        ),
        ("bad_conversion_range", TrapKind::IntegerOverflow, vec![]),
        ("null_call", TrapKind::IndirectCallToNull, vec![]),
        ("bad_signature", TrapKind::BadSignature, vec![]),
        ("recurse", TrapKind::StackOverflow, vec![Val::I32(0)]),
    ]
}

/// Calls `name`, expects a trap of `kind` as reported by the target.
fn expect_trap<T: Target>(
    target: &T,
    store: &mut Store<(), T::Engine>,
    instance: &Instance,
    name: &str,
    args: &[Val],
    kind: TrapKind,
) -> Result<()> {
    let err = expect_err(
        call_export(&mut *store, instance, name, args),
        &format!("calling {name:?}"),
    )?;
    if target.trap_matches(&err, kind) {
        return Ok(());
    }
    ensure_eq(
        target.trap_kind(&err),
        Some(kind),
        &format!("trap kind of {name:?} ({err:#})"),
    )
}

/// Every trap kind: the call returns an `Err` which `Target::trap_kind`
/// classifies as wasmtime does (note: an out-of-range float-to-int
/// conversion is `IntegerOverflow`, only NaN is `BadConversionToInteger`).
pub fn each_trap_kind<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(&mut store, TRAPS_MODULE, &Imports::new())?;
    for (name, kind, args) in trapping_exports() {
        expect_trap(target, &mut store, &instance, name, &args, kind)?;
    }
    Ok(())
}

/// Infinite recursion is a `StackOverflow` trap, not a crash, and it can
/// happen again and again.
pub fn stack_overflow<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(&mut store, TRAPS_MODULE, &Imports::new())?;
    for _ in 0..3 {
        expect_trap(
            target,
            &mut store,
            &instance,
            "recurse",
            &[Val::I32(0)],
            TrapKind::StackOverflow,
        )?;
    }
    ensure_eq(
        call_i32(&mut store, &instance, "count", &[])?,
        1,
        "a normal call afterwards",
    )
}

/// After each kind of trap the same instance keeps working and keeps its
/// state: globals and memory written before the traps are intact.
pub fn instance_usable_after_trap<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(&mut store, TRAPS_MODULE, &Imports::new())?;
    crate::fixture::func(&store, &instance, "poke")?.call(
        &mut store,
        &[Val::I32(1234)],
        &mut [],
    )?;
    let mut expected_count = 0;
    for (name, kind, args) in trapping_exports() {
        expect_trap(target, &mut store, &instance, name, &args, kind)?;
        expected_count += 1;
        let count = call_i32(&mut store, &instance, "count", &[])?;
        ensure_eq(
            count,
            expected_count,
            &format!("global counter after {name:?} trapped"),
        )?;
        let peek = call_i32(&mut store, &instance, "peek", &[])?;
        ensure_eq(peek, 1234, &format!("memory after {name:?} trapped"))?;
    }
    Ok(())
}

/// A trapping `start` function makes `Instance::new` fail with that trap;
/// the store stays usable for other instances.
pub fn start_function_trap<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let module: Module = compile(
        &engine,
        r#"(module (func $start unreachable) (start $start) (func (export "f") (result i32) i32.const 1))"#,
    )?;
    let err = match Instance::new(&mut store, &module, &Imports::new()) {
        Ok(_) => bail!("Instance::new with a trapping start function succeeded"),
        Err(err) => err,
    };
    ensure_eq(
        target.trap_kind(&err),
        Some(TrapKind::Unreachable),
        &format!("trap kind ({err:#})"),
    )?;
    let ok = compile(
        &engine,
        r#"(module (global $g (mut i32) (i32.const 0))
        (func $start i32.const 5 global.set $g) (start $start)
        (func (export "g") (result i32) global.get $g))"#,
    )?;
    let instance = Instance::new(&mut store, &ok, &Imports::new())?;
    ensure_eq(
        call_i32(&mut store, &instance, "g", &[])?,
        5,
        "start function that returns",
    )
}
