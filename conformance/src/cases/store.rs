//! Stores: user data, isolation between stores, and objects used with a
//! store they do not belong to.
//!
//! Only misuse for which wasmtime returns an `Err` is exercised: references
//! (funcref, externref) of one store handed to another store's functions,
//! tables, globals or host-function results. wasmtime 48 panics ("object
//! used with the wrong store") when an object itself is used with another
//! store: `Func::call`/`Func::ty` of another store's function (guest or
//! host, same or other user-data type), `Global::get`, `ExternRef::downcast`
//! with another store's context, another store's function as an import, and
//! `Global::new` with another store's reference. Those inputs have no
//! reference answer and are left out.

use anyhow::{Result, bail};
use wasm_runtime_layer::{
    AsContext, Extern, ExternRef, Func, FuncType, Global, Imports, Instance, Ref, RefType, Store,
    Table, TableType, Val, ValType,
};

use crate::Target;
use crate::check::{ensure_eq, expect_err, no_panic};
use crate::fixture::{call_i32, compile, func, global, instantiate};

/// A guest module with a counter, a function taking a funcref and one
/// taking an externref.
const COUNTER: &str = r#"
(module
  (global $n (export "n") (mut i32) (i32.const 0))
  (func (export "bump") (result i32)
    global.get $n i32.const 1 i32.add global.set $n global.get $n)
  (func (export "take_func") (param funcref) (result i32) local.get 0 ref.is_null)
  (func (export "take_extern") (param externref) (result i32) local.get 0 ref.is_null))
"#;

/// `Store::data`, `data_mut` and `into_data`, and host functions reading and
/// writing the store's data through their context.
pub fn store_data<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, vec![1u32]);
    ensure_eq(store.data().as_slice(), &[1], "initial data")?;
    store.data_mut().push(2);
    let push = Func::new(
        &mut store,
        FuncType::new([ValType::I32], [ValType::I32]),
        |mut ctx, args, results| {
            let Val::I32(v) = args[0] else {
                bail!("push got {:?}", args[0])
            };
            ctx.data_mut().push(v as u32);
            results[0] = Val::I32(ctx.data().len() as i32);
            Ok(())
        },
    );
    let mut imports = Imports::new();
    imports.define("env", "push", Extern::Func(push));
    let instance = instantiate(
        &mut store,
        r#"(module (import "env" "push" (func $push (param i32) (result i32)))
           (func (export "push_twice") (param i32) (result i32)
             local.get 0 call $push drop local.get 0 i32.const 1 i32.add call $push))"#,
        &imports,
    )?;
    ensure_eq(
        call_i32(&mut store, &instance, "push_twice", &[Val::I32(10)])?,
        4,
        "length seen by the host fn",
    )?;
    ensure_eq(
        store.as_context().data().as_slice(),
        &[1, 2, 10, 11],
        "data via as_context",
    )?;
    ensure_eq(store.into_data(), vec![1, 2, 10, 11], "into_data")
}

/// One module instantiated in two stores (of the same engine) gives two
/// independent instances.
pub fn module_shared_across_stores<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let module = compile(&engine, COUNTER)?;
    let mut a = Store::new(&engine, ());
    let mut b = Store::new(&engine, 0u64);
    let ia = Instance::new(&mut a, &module, &Imports::new())?;
    let ib = Instance::new(&mut b, &module, &Imports::new())?;
    for expected in 1..=3 {
        ensure_eq(
            call_i32(&mut a, &ia, "bump", &[])?,
            expected,
            "store a counter",
        )?;
    }
    ensure_eq(
        call_i32(&mut b, &ib, "bump", &[])?,
        1,
        "store b counter is independent",
    )?;
    let na = global(&a, &ia, "n")?.get(&mut a);
    let nb = global(&b, &ib, "n")?.get(&mut b);
    crate::check::ensure_vals(&[na, nb], &[Val::I32(3), Val::I32(1)], "the two globals")
}

/// References from one store (here with another user-data type) passed into
/// another store's function, table (`set`, `grow`, `Table::new`) or global,
/// or returned by its host function, are an `Err`.
pub fn refs_from_other_store<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut a = Store::new(&engine, String::from("store a"));
    let mut b = Store::new(&engine, ());
    let foreign_func = Func::new(&mut a, FuncType::new([], []), |_, _, _| Ok(()));
    let foreign_ref = ExternRef::new(&mut a, 5u8);
    let instance = instantiate(&mut b, COUNTER, &Imports::new())?;
    let take_func = func(&b, &instance, "take_func")?;
    let take_extern = func(&b, &instance, "take_extern")?;
    let mut out = [Val::I32(0)];
    let r = no_panic("funcref argument", || {
        take_func.call(
            &mut b,
            &[Val::FuncRef(Some(foreign_func.clone()))],
            &mut out,
        )
    })?;
    expect_err(r, "another store's funcref as an argument")?;
    let r = no_panic("externref argument", || {
        take_extern.call(
            &mut b,
            &[Val::ExternRef(Some(foreign_ref.clone()))],
            &mut out,
        )
    })?;
    expect_err(r, "another store's externref as an argument")?;

    let table = Table::new(
        &mut b,
        TableType::new(RefType::FuncRef, 1, None),
        Ref::FuncRef(None),
    )?;
    let r = no_panic("Table::set", || {
        table.set(&mut b, 0, Ref::FuncRef(Some(foreign_func.clone())))
    })?;
    expect_err(r, "another store's funcref into a table")?;
    let r = no_panic("Table::grow", || {
        table.grow(&mut b, 1, Ref::FuncRef(Some(foreign_func.clone())))
    })?;
    expect_err(r, "growing a table with another store's funcref")?;
    let r = no_panic("Table::new", || {
        Table::new(
            &mut b,
            TableType::new(RefType::ExternRef, 1, None),
            Ref::ExternRef(Some(foreign_ref.clone())),
        )
    })?;
    expect_err(
        r.map(|_| ()),
        "a new table filled with another store's externref",
    )?;
    ensure_eq(table.size(&b), 1, "table size after the rejected grow")?;
    let global = Global::new(&mut b, Val::ExternRef(None), true);
    let r = no_panic("Global::set", || {
        global.set(&mut b, Val::ExternRef(Some(foreign_ref.clone())))
    })?;
    expect_err(r, "another store's externref into a global")?;
    let smuggled = foreign_func.clone();
    let smuggler = Func::new(
        &mut b,
        FuncType::new([], [ValType::FuncRef]),
        move |_, _, results| {
            results[0] = Val::FuncRef(Some(smuggled.clone()));
            Ok(())
        },
    );
    let mut slot = [Val::FuncRef(None)];
    let r = no_panic("host result", || smuggler.call(&mut b, &[], &mut slot))?;
    expect_err(r, "a host function returning another store's funcref")?;
    // The same objects are fine in their own store.
    let own = instantiate(&mut a, COUNTER, &Imports::new())?;
    let is_null = call_i32(
        &mut a,
        &own,
        "take_func",
        &[Val::FuncRef(Some(foreign_func))],
    )?;
    ensure_eq(is_null, 0, "funcref used in its own store")
}
