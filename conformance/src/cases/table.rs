//! Tables of `funcref` and `externref`: creation, access, growth and types.

use anyhow::{Result, anyhow, bail};
use wasm_runtime_layer::{
    AsContext, Extern, ExternRef, Func, FuncType, Imports, Ref, RefType, Store, Table, TableType,
    Val, ValType,
};

use crate::Target;
use crate::check::{as_i32, ensure_eq, ensure_that, expect_err, ref_as_extern, ref_as_func};
use crate::fixture::{call_i32, call1, instantiate, table};

/// A host function `() -> i32` returning `n`.
fn constant<D: 'static, E: wasm_runtime_layer::backend::WasmEngine>(
    store: &mut Store<D, E>,
    n: i32,
) -> Func {
    Func::new(
        store,
        FuncType::new([], [ValType::I32]),
        move |_, _, results| {
            results[0] = Val::I32(n);
            Ok(())
        },
    )
}

/// Calls the function in `table[index]` (type `() -> i32`) from the host.
fn call_slot<D: 'static, E: wasm_runtime_layer::backend::WasmEngine>(
    store: &mut Store<D, E>,
    table: &Table,
    index: u32,
) -> Result<i32> {
    let slot = table
        .get(&mut *store, index)
        .ok_or_else(|| anyhow!("slot {index} missing"))?;
    let f = ref_as_func(slot, "slot")?.ok_or_else(|| anyhow!("slot {index} is null"))?;
    as_i32(&call1(store, &f, &[])?, "slot result")
}

/// A host-created funcref table with a maximum: `ty`, `size`, `get` (null
/// entries, `None` past the end), `set` (`Err` past the end), `grow` (old
/// size returned, new entries initialised, `Err` beyond the maximum leaving
/// the size unchanged).
pub fn host_funcref_table<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let one = constant(&mut store, 1);
    let two = constant(&mut store, 2);
    let t = Table::new(
        &mut store,
        TableType::new(RefType::FuncRef, 2, Some(5)),
        Ref::FuncRef(None),
    )?;
    ensure_eq(
        t.ty(&store),
        TableType::new(RefType::FuncRef, 2, Some(5)),
        "ty()",
    )?;
    ensure_eq(t.size(&store), 2, "initial size")?;
    for i in 0..2 {
        let slot = t
            .get(&mut store, i)
            .ok_or_else(|| anyhow!("slot {i} missing"))?;
        ensure_that(
            ref_as_func(slot, "slot")?.is_none(),
            &format!("slot {i} starts null"),
        )?;
    }
    ensure_that(t.get(&mut store, 2).is_none(), "get(size) is None")?;
    ensure_that(
        t.get(&mut store, u32::MAX).is_none(),
        "get(u32::MAX) is None",
    )?;

    t.set(&mut store, 1, Ref::FuncRef(Some(one.clone())))?;
    ensure_eq(call_slot(&mut store, &t, 1)?, 1, "function set in slot 1")?;
    expect_err(
        t.set(&mut store, 2, Ref::FuncRef(Some(one.clone()))),
        "set(size)",
    )?;
    expect_err(
        t.set(&mut store, u32::MAX, Ref::FuncRef(None)),
        "set(u32::MAX)",
    )?;

    ensure_eq(
        t.grow(&mut store, 2, Ref::FuncRef(Some(two.clone())))?,
        2,
        "grow(2) returns old size",
    )?;
    ensure_eq(t.size(&store), 4, "size after grow")?;
    ensure_eq(call_slot(&mut store, &t, 2)?, 2, "grown slot 2 initialised")?;
    ensure_eq(call_slot(&mut store, &t, 3)?, 2, "grown slot 3 initialised")?;
    ensure_eq(call_slot(&mut store, &t, 1)?, 1, "slot 1 kept")?;
    expect_err(
        t.grow(&mut store, 2, Ref::FuncRef(None)),
        "grow beyond the maximum",
    )?;
    expect_err(
        t.grow(&mut store, u32::MAX, Ref::FuncRef(None)),
        "grow(u32::MAX)",
    )?;
    ensure_eq(t.size(&store), 4, "size after failed grows")?;
    ensure_eq(
        t.grow(&mut store, 1, Ref::FuncRef(None))?,
        4,
        "grow up to the maximum",
    )?;
    ensure_eq(
        t.grow(&mut store, 0, Ref::FuncRef(None))?,
        5,
        "grow(0) at the maximum",
    )?;
    ensure_eq(t.size(&store), 5, "final size")?;
    let slot = t
        .get(&mut store, 4)
        .ok_or_else(|| anyhow!("slot 4 missing"))?;
    ensure_that(
        ref_as_func(slot, "slot 4")?.is_none(),
        "slot grown with null is null",
    )?;
    t.set(&mut store, 1, Ref::FuncRef(None))?;
    let slot = t
        .get(&mut store, 1)
        .ok_or_else(|| anyhow!("slot 1 missing"))?;
    ensure_that(
        ref_as_func(slot, "slot 1")?.is_none(),
        "slot set back to null",
    )?;

    // A table created with a non-null initial value, without maximum.
    let filled = Table::new(
        &mut store,
        TableType::new(RefType::FuncRef, 3, None),
        Ref::FuncRef(Some(two)),
    )?;
    ensure_eq(
        filled.ty(&store),
        TableType::new(RefType::FuncRef, 3, None),
        "unbounded ty()",
    )?;
    for i in 0..3 {
        ensure_eq(
            call_slot(&mut store, &filled, i)?,
            2,
            &format!("initial value in slot {i}"),
        )?;
    }
    ensure_eq(
        filled.grow(&mut store, 100, Ref::FuncRef(None))?,
        3,
        "unbounded grow",
    )?;
    ensure_eq(filled.size(&store), 103, "unbounded size after grow")
}

/// A host-created externref table: entries hold the exact host values,
/// growth initialises new entries with the given reference.
pub fn host_externref_table<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let seed = ExternRef::new(&mut store, 7u32);
    let t = Table::new(
        &mut store,
        TableType::new(RefType::ExternRef, 2, Some(4)),
        Ref::ExternRef(Some(seed)),
    )?;
    ensure_eq(
        t.ty(&store),
        TableType::new(RefType::ExternRef, 2, Some(4)),
        "ty()",
    )?;
    let read = |store: &mut Store<(), T::Engine>, i: u32| -> Result<Option<u32>> {
        let slot = t
            .get(&mut *store, i)
            .ok_or_else(|| anyhow!("slot {i} missing"))?;
        match ref_as_extern(slot, "slot")? {
            None => Ok(None),
            Some(r) => Ok(Some(*r.downcast::<u32, _, _>(store.as_context())?)),
        }
    };
    ensure_eq(read(&mut store, 0)?, Some(7), "slot 0 initial value")?;
    ensure_eq(read(&mut store, 1)?, Some(7), "slot 1 initial value")?;
    let nine = ExternRef::new(&mut store, 9u32);
    t.set(&mut store, 1, Ref::ExternRef(Some(nine)))?;
    ensure_eq(read(&mut store, 1)?, Some(9), "slot 1 after set")?;
    t.set(&mut store, 0, Ref::ExternRef(None))?;
    ensure_eq(read(&mut store, 0)?, None, "slot 0 after null set")?;
    ensure_eq(
        t.grow(&mut store, 1, Ref::ExternRef(None))?,
        2,
        "grow returns old size",
    )?;
    ensure_eq(read(&mut store, 2)?, None, "grown slot is null")?;
    let eleven = ExternRef::new(&mut store, 11u32);
    ensure_eq(
        t.grow(&mut store, 1, Ref::ExternRef(Some(eleven)))?,
        3,
        "second grow",
    )?;
    ensure_eq(
        read(&mut store, 3)?,
        Some(11),
        "grown slot holds the init value",
    )?;
    expect_err(
        t.grow(&mut store, 1, Ref::ExternRef(None)),
        "grow beyond the maximum",
    )?;
    ensure_that(t.get(&mut store, 4).is_none(), "get(size) is None")?;
    expect_err(t.set(&mut store, 4, Ref::ExternRef(None)), "set(size)")?;
    ensure_eq(t.size(&store), 4, "final size")
}

/// Mixing element types is an `Err`: setting, growing with or creating a
/// table from a reference of the other type.
pub fn element_type_mismatches<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let f = constant(&mut store, 1);
    let r = ExternRef::new(&mut store, 1u8);
    let funcs = Table::new(
        &mut store,
        TableType::new(RefType::FuncRef, 1, None),
        Ref::FuncRef(None),
    )?;
    let externs = Table::new(
        &mut store,
        TableType::new(RefType::ExternRef, 1, None),
        Ref::ExternRef(None),
    )?;
    expect_err(
        funcs.set(&mut store, 0, Ref::ExternRef(Some(r.clone()))),
        "externref into funcref table",
    )?;
    expect_err(
        funcs.set(&mut store, 0, Ref::ExternRef(None)),
        "null externref into funcref table",
    )?;
    expect_err(
        externs.set(&mut store, 0, Ref::FuncRef(Some(f.clone()))),
        "funcref into externref table",
    )?;
    expect_err(
        funcs.grow(&mut store, 1, Ref::ExternRef(None)),
        "grow funcref table with externref",
    )?;
    expect_err(
        externs.grow(&mut store, 1, Ref::FuncRef(None)),
        "grow externref table with funcref",
    )?;
    ensure_eq(
        (funcs.size(&store), externs.size(&store)),
        (1, 1),
        "sizes after failed grows",
    )?;
    let created = Table::new(
        &mut store,
        TableType::new(RefType::FuncRef, 1, None),
        Ref::ExternRef(Some(r)),
    );
    expect_err(created.map(|_| ()), "Table::new(funcref, externref init)")?;
    let created = Table::new(
        &mut store,
        TableType::new(RefType::ExternRef, 1, None),
        Ref::FuncRef(Some(f)),
    );
    expect_err(created.map(|_| ()), "Table::new(externref, funcref init)")?;
    Ok(())
}

/// An exported table: its type, host growth seen by the guest's
/// `table.size`, guest growth seen by `Table::size`, and host writes seen by
/// the guest's `call_indirect`.
pub fn exported_table<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(
        &mut store,
        r#"(module
          (type $c (func (result i32)))
          (table $t (export "t") 2 6 funcref)
          (table $e (export "e") 1 externref)
          (elem (table $t) (i32.const 0) func $forty_two)
          (func $forty_two (result i32) i32.const 42)
          (func (export "size") (result i32) table.size $t)
          (func (export "grow") (param i32) (result i32) ref.null func local.get 0 table.grow $t)
          (func (export "call") (param i32) (result i32) local.get 0 call_indirect $t (type $c)))"#,
        &Imports::new(),
    )?;
    let t = table(&store, &instance, "t")?;
    ensure_eq(
        t.ty(&store),
        TableType::new(RefType::FuncRef, 2, Some(6)),
        "exported funcref table ty()",
    )?;
    let e = table(&store, &instance, "e")?;
    ensure_eq(
        e.ty(&store),
        TableType::new(RefType::ExternRef, 1, None),
        "exported externref table ty()",
    )?;
    ensure_eq(
        call_slot(&mut store, &t, 0)?,
        42,
        "guest function from the exported table",
    )?;
    ensure_eq(t.grow(&mut store, 1, Ref::FuncRef(None))?, 2, "host grow")?;
    ensure_eq(
        call_i32(&mut store, &instance, "size", &[])?,
        3,
        "guest sees host growth",
    )?;
    ensure_eq(
        call_i32(&mut store, &instance, "grow", &[Val::I32(2)])?,
        3,
        "guest grow",
    )?;
    ensure_eq(t.size(&store), 5, "host sees guest growth")?;
    ensure_eq(
        call_i32(&mut store, &instance, "grow", &[Val::I32(2)])?,
        -1,
        "guest grow beyond max",
    )?;
    ensure_eq(t.ty(&store).maximum(), Some(6), "maximum kept")?;
    let seven = constant(&mut store, 7);
    t.set(&mut store, 4, Ref::FuncRef(Some(seven)))?;
    ensure_eq(
        call_i32(&mut store, &instance, "call", &[Val::I32(4)])?,
        7,
        "guest calls host-set entry",
    )
}

/// A host-created table imported by the guest: entries set by the host are
/// called by the guest, and the guest's `table.set` is seen by the host.
pub fn imported_table<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let t = Table::new(
        &mut store,
        TableType::new(RefType::FuncRef, 3, Some(3)),
        Ref::FuncRef(None),
    )?;
    let five = constant(&mut store, 5);
    t.set(&mut store, 2, Ref::FuncRef(Some(five)))?;
    let mut imports = Imports::new();
    imports.define("env", "t", Extern::Table(t.clone()));
    let instance = instantiate(
        &mut store,
        r#"(module
          (type $c (func (result i32)))
          (import "env" "t" (table $t 3 funcref))
          (func $six (result i32) i32.const 6)
          (elem declare func $six)
          (func (export "call") (param i32) (result i32) local.get 0 call_indirect $t (type $c))
          (func (export "put_six") (param i32) local.get 0 ref.func $six table.set $t))"#,
        &imports,
    )?;
    ensure_eq(
        call_i32(&mut store, &instance, "call", &[Val::I32(2)])?,
        5,
        "guest calls host entry",
    )?;
    let put_six = crate::fixture::func(&store, &instance, "put_six")?;
    put_six.call(&mut store, &[Val::I32(0)], &mut [])?;
    ensure_eq(
        call_slot(&mut store, &t, 0)?,
        6,
        "host sees the guest's table.set",
    )?;
    match t.get(&mut store, 1) {
        Some(slot) if ref_as_func(slot.clone(), "slot 1")?.is_none() => Ok(()),
        other => bail!("slot 1 should still be null, got {other:?}"),
    }
}

/// One guest function read again and again (from two slots of an exported
/// table and as an export) and dropped in any order: every copy stays
/// callable while any other lives, copies set into another slot work from
/// the guest, and reads after all copies dropped still work.
pub fn repeated_reads_of_one_function<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(
        &mut store,
        r#"(module
          (type $c (func (result i32)))
          (table $t (export "t") 3 funcref)
          (elem (table $t) (i32.const 0) func $nine $nine)
          (func $nine (export "nine") (result i32) i32.const 9)
          (func (export "call") (param i32) (result i32) local.get 0 call_indirect $t (type $c)))"#,
        &Imports::new(),
    )?;
    let t = table(&store, &instance, "t")?;
    let mut copies = Vec::new();
    for i in 0..40 {
        let slot = t.get(&mut store, i % 2).ok_or_else(|| anyhow!("slot {} missing", i % 2))?;
        copies.push(ref_as_func(slot, "slot")?.ok_or_else(|| anyhow!("slot {} is null", i % 2))?);
    }
    // Drop every other copy, then call the rest.
    let mut kept = Vec::new();
    for (i, f) in copies.into_iter().enumerate() {
        if i % 2 == 1 {
            kept.push(f);
        }
    }
    for (i, f) in kept.iter().enumerate() {
        ensure_eq(as_i32(&call1(&mut store, f, &[])?, "copy result")?, 9, &format!("kept copy {i}"))?;
    }
    let export = crate::fixture::func(&store, &instance, "nine")?;
    ensure_eq(as_i32(&call1(&mut store, &export, &[])?, "export result")?, 9, "the export")?;
    t.set(&mut store, 2, Ref::FuncRef(Some(kept[0].clone())))?;
    drop(export);
    let last = kept.pop().ok_or_else(|| anyhow!("no copy left"))?;
    drop(kept);
    ensure_eq(call_i32(&mut store, &instance, "call", &[Val::I32(2)])?, 9, "guest calls the copy set in slot 2")?;
    ensure_eq(as_i32(&call1(&mut store, &last, &[])?, "last result")?, 9, "the last copy")?;
    drop(last);
    for i in 0..3 {
        ensure_eq(call_slot(&mut store, &t, i)?, 9, &format!("slot {i} read after every copy dropped"))?;
    }
    Ok(())
}
