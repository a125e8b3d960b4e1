//! Function references: null and non-null, guest and host functions, through
//! parameters, results, globals and tables.

use anyhow::{Result, anyhow, bail};
use wasm_runtime_layer::{
    AsContextMut, Extern, Func, FuncType, Imports, Instance, Ref, Store, Val, ValType,
};

use crate::Target;
use crate::check::{as_funcref, as_i32, ensure_eq, ensure_that, ref_as_func};
use crate::fixture::{call_export1, call_i32, call1, func, global, instantiate, table};

/// The guest side of every funcref case. Table slots: 0 and 1 empty,
/// 2 = the imported host `add`, 3 = the guest's `sub`.
const FUNCREF_MODULE: &str = r#"
(module
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (import "env" "pick" (func $pick (result funcref)))
  (import "env" "apply" (func $apply (param funcref) (result i32)))
  (type $bin (func (param i32 i32) (result i32)))
  (table $t (export "table") 4 funcref)
  (elem (table $t) (i32.const 2) func $add $sub)
  (global $g (export "g") (mut funcref) (ref.null func))
  (func $sub (export "sub") (param i32 i32) (result i32) local.get 0 local.get 1 i32.sub)
  (func (export "id") (param funcref) (result funcref) local.get 0)
  (func (export "is_null") (param funcref) (result i32) local.get 0 ref.is_null)
  (func (export "null") (result funcref) ref.null func)
  (func (export "ref_sub") (result funcref) ref.func $sub)
  (func (export "store") (param i32 funcref) local.get 0 local.get 1 table.set $t)
  (func (export "load") (param i32) (result funcref) local.get 0 table.get $t)
  (func (export "call_at") (param i32 i32 i32) (result i32)
    local.get 1 local.get 2 local.get 0 call_indirect $t (type $bin))
  (func (export "set_g") (param funcref) local.get 0 global.set $g)
  (func (export "get_g") (result funcref) global.get $g)
  (func (export "g_is_null") (result i32) global.get $g ref.is_null)
  (func (export "call_g") (param i32 i32) (result i32)
    i32.const 0 global.get $g table.set $t
    local.get 0 local.get 1 i32.const 0 call_indirect $t (type $bin))
  (func (export "call_picked") (param i32 i32) (result i32)
    i32.const 1 call $pick table.set $t
    local.get 0 local.get 1 i32.const 1 call_indirect $t (type $bin))
  (func (export "apply_sub") (result i32) ref.func $sub call $apply)
)
"#;

/// A host function `(i32, i32) -> i32` computing `a * b`.
fn host_mul(store: impl AsContextMut) -> Func {
    Func::new(
        store,
        FuncType::new([ValType::I32; 2], [ValType::I32]),
        |_, args, results| {
            let (Val::I32(a), Val::I32(b)) = (&args[0], &args[1]) else {
                bail!("mul got {args:?}")
            };
            results[0] = Val::I32(a.wrapping_mul(*b));
            Ok(())
        },
    )
}

/// Instantiates [`FUNCREF_MODULE`]. `pick` returns the host `mul`; `apply`
/// calls the function reference it is given with `(20, 5)`.
fn setup<T: Target>(target: &T) -> Result<(Store<(), T::Engine>, Instance, Func)> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let mul = host_mul(&mut store);
    let add = Func::new(
        &mut store,
        FuncType::new([ValType::I32; 2], [ValType::I32]),
        |_, args, results| {
            let (Val::I32(a), Val::I32(b)) = (&args[0], &args[1]) else {
                bail!("add got {args:?}")
            };
            results[0] = Val::I32(a.wrapping_add(*b));
            Ok(())
        },
    );
    let picked = mul.clone();
    let pick = Func::new(
        &mut store,
        FuncType::new([], [ValType::FuncRef]),
        move |_, _, results| {
            results[0] = Val::FuncRef(Some(picked.clone()));
            Ok(())
        },
    );
    let apply = Func::new(
        &mut store,
        FuncType::new([ValType::FuncRef], [ValType::I32]),
        |mut ctx, args, results| {
            let Val::FuncRef(Some(f)) = &args[0] else {
                bail!("apply got {:?}", args[0])
            };
            let mut out = [Val::I32(0)];
            f.call(&mut ctx, &[Val::I32(20), Val::I32(5)], &mut out)?;
            results[0] = out[0].clone();
            Ok(())
        },
    );
    let mut imports = Imports::new();
    imports.define("env", "add", Extern::Func(add));
    imports.define("env", "pick", Extern::Func(pick));
    imports.define("env", "apply", Extern::Func(apply));
    let instance = instantiate(&mut store, FUNCREF_MODULE, &imports)?;
    Ok((store, instance, mul))
}

/// Calls a funcref `(i32, i32) -> i32` from the host.
fn call_bin(store: &mut impl AsContextMut, f: &Func, a: i32, b: i32) -> Result<i32> {
    as_i32(&call1(store, f, &[Val::I32(a), Val::I32(b)])?, "result")
}

/// Null funcrefs pass both ways: as a parameter (`ref.is_null` sees it), as a
/// result, through a global and through a table.
pub fn null_both_ways<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance, _) = setup(target)?;
    let none = Val::FuncRef(None);
    let is_null = call_i32(
        &mut store,
        &instance,
        "is_null",
        std::slice::from_ref(&none),
    )?;
    ensure_eq(is_null, 1, "guest ref.is_null of a host null")?;
    let id = call_export1(&mut store, &instance, "id", std::slice::from_ref(&none))?;
    ensure_that(as_funcref(id, "id(null)")?.is_none(), "id(null) is null")?;
    let null = call_export1(&mut store, &instance, "null", &[])?;
    ensure_that(
        as_funcref(null, "null()")?.is_none(),
        "ref.null func is null on the host",
    )?;
    let g = global(&store, &instance, "g")?;
    ensure_that(
        as_funcref(g.get(&mut store), "global g")?.is_none(),
        "initial global is null",
    )?;
    let t = table(&store, &instance, "table")?;
    let slot0 = t
        .get(&mut store, 0)
        .ok_or_else(|| anyhow!("table slot 0 missing"))?;
    ensure_that(
        ref_as_func(slot0, "slot 0")?.is_none(),
        "empty table slot is null",
    )?;
    let loaded = call_export1(&mut store, &instance, "load", &[Val::I32(1)])?;
    ensure_that(
        as_funcref(loaded, "load(1)")?.is_none(),
        "guest table.get of empty slot",
    )?;
    // Host stores null over a non-null entry; the guest sees null.
    t.set(&mut store, 3, Ref::FuncRef(None))?;
    let loaded = call_export1(&mut store, &instance, "load", &[Val::I32(3)])?;
    ensure_that(
        as_funcref(loaded, "load(3)")?.is_none(),
        "guest sees host-stored null",
    )
}

/// Host functions stored in tables are called by the guest with
/// `call_indirect`: the imported one placed by an element segment, one the
/// host puts in with `Table::set`, and one the guest stores via `table.set`.
pub fn host_funcs_in_tables<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance, mul) = setup(target)?;
    let call_at = |store: &mut Store<(), T::Engine>, slot: i32, a: i32, b: i32| {
        call_i32(
            store,
            &instance,
            "call_at",
            &[Val::I32(slot), Val::I32(a), Val::I32(b)],
        )
    };
    ensure_eq(
        call_at(&mut store, 2, 2, 3)?,
        5,
        "imported host add via elem segment",
    )?;
    ensure_eq(
        call_at(&mut store, 3, 10, 4)?,
        6,
        "guest sub via elem segment",
    )?;
    let t = table(&store, &instance, "table")?;
    t.set(&mut store, 0, Ref::FuncRef(Some(mul.clone())))?;
    ensure_eq(
        call_at(&mut store, 0, 6, 7)?,
        42,
        "host mul set by Table::set",
    )?;
    let store_fn = func(&store, &instance, "store")?;
    store_fn.call(&mut store, &[Val::I32(1), Val::FuncRef(Some(mul))], &mut [])?;
    ensure_eq(
        call_at(&mut store, 1, -3, 5)?,
        -15,
        "host mul stored by the guest",
    )
}

/// Guest functions (and host functions) taken out of a table with
/// `Table::get` are called from the host and keep their type.
pub fn funcs_from_tables<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance, _) = setup(target)?;
    let t = table(&store, &instance, "table")?;
    let sub = t
        .get(&mut store, 3)
        .ok_or_else(|| anyhow!("slot 3 missing"))?;
    let sub = ref_as_func(sub, "slot 3")?.ok_or_else(|| anyhow!("slot 3 is null"))?;
    let bin = FuncType::new([ValType::I32; 2], [ValType::I32]);
    ensure_eq(sub.ty(&store), bin.clone(), "type of guest func from table")?;
    ensure_eq(
        call_bin(&mut store, &sub, 10, 4)?,
        6,
        "guest sub called from the host",
    )?;
    let add = t
        .get(&mut store, 2)
        .ok_or_else(|| anyhow!("slot 2 missing"))?;
    let add = ref_as_func(add, "slot 2")?.ok_or_else(|| anyhow!("slot 2 is null"))?;
    ensure_eq(add.ty(&store), bin, "type of host func from table")?;
    ensure_eq(
        call_bin(&mut store, &add, 10, 4)?,
        14,
        "host add from the table",
    )?;
    // Same through the guest's table.get.
    let loaded = call_export1(&mut store, &instance, "load", &[Val::I32(3)])?;
    let loaded = as_funcref(loaded, "load(3)")?.ok_or_else(|| anyhow!("load(3) is null"))?;
    ensure_eq(
        call_bin(&mut store, &loaded, 1, 2)?,
        -1,
        "sub via guest table.get",
    )?;
    ensure_eq(
        t.get(&mut store, 4).is_none(),
        true,
        "Table::get past the end is None",
    )
}

/// A function read from a table again while the host still holds earlier
/// reads of it, and again after the host dropped every one, is the same
/// callable function each time; likewise a host function the host put there,
/// read while the host holds it and after.
pub fn funcs_read_again_from_tables<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance, mul) = setup(target)?;
    let t = table(&store, &instance, "table")?;
    let read = |store: &mut Store<(), T::Engine>, slot: u32| -> Result<Func> {
        let found = t.get(&mut *store, slot).ok_or_else(|| anyhow!("slot {slot} missing"))?;
        ref_as_func(found, "table slot")?.ok_or_else(|| anyhow!("slot {slot} is null"))
    };
    let first = read(&mut store, 3)?;
    let mut held = Vec::new();
    for i in 0..20 {
        let again = read(&mut store, 3)?;
        ensure_eq(call_bin(&mut store, &again, i, 1)?, i - 1, "guest sub read again while held")?;
        held.push(again);
    }
    drop(held);
    ensure_eq(call_bin(&mut store, &first, 10, 4)?, 6, "the first read after the later ones dropped")?;
    drop(first);
    let fresh = read(&mut store, 3)?;
    ensure_eq(call_bin(&mut store, &fresh, 10, 4)?, 6, "a read after every earlier one dropped")?;
    t.set(&mut store, 0, Ref::FuncRef(Some(mul.clone())))?;
    // Read while the host still holds it (the backend may have no `Func` of
    // its own for it to answer with).
    let while_held = read(&mut store, 0)?;
    ensure_eq(call_bin(&mut store, &while_held, 6, 7)?, 42, "host mul read back while the host holds it")?;
    drop(while_held);
    drop(mul);
    for i in 0..3 {
        let got = read(&mut store, 0)?;
        ensure_eq(call_bin(&mut store, &got, 6, i)?, 6 * i, "host mul read back from the table")?;
    }
    Ok(())
}

/// `ref.func` results, and funcrefs passed back in, round-trip: what the
/// guest returns is callable by the host, non-null for `ref.is_null`, and
/// survives `id`; host functions survive the same trip.
pub fn ref_func_round_trips<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance, mul) = setup(target)?;
    let sub = call_export1(&mut store, &instance, "ref_sub", &[])?;
    let sub = as_funcref(sub, "ref_sub()")?.ok_or_else(|| anyhow!("ref.func gave null"))?;
    ensure_eq(
        call_bin(&mut store, &sub, 9, 2)?,
        7,
        "ref.func $sub called by the host",
    )?;
    let mut current = sub;
    for round in 0..20 {
        let is_null = call_i32(
            &mut store,
            &instance,
            "is_null",
            &[Val::FuncRef(Some(current.clone()))],
        )?;
        ensure_eq(
            is_null,
            0,
            &format!("is_null of a guest funcref, round {round}"),
        )?;
        let back = call_export1(&mut store, &instance, "id", &[Val::FuncRef(Some(current))])?;
        current = as_funcref(back, "id")?.ok_or_else(|| anyhow!("id made the funcref null"))?;
    }
    ensure_eq(
        call_bin(&mut store, &current, 9, 2)?,
        7,
        "guest funcref after 20 round trips",
    )?;
    let back = call_export1(&mut store, &instance, "id", &[Val::FuncRef(Some(mul))])?;
    let back = as_funcref(back, "id(mul)")?.ok_or_else(|| anyhow!("id(mul) is null"))?;
    ensure_eq(
        call_bin(&mut store, &back, 3, 4)?,
        12,
        "host funcref after a round trip",
    )?;
    let sub_direct = func(&store, &instance, "sub")?;
    ensure_eq(call_bin(&mut store, &sub_direct, 9, 2)?, 7, "exported sub")
}

/// Funcref globals: the host sets a host function (guest calls it), the
/// guest sets `ref.func` (host calls it), and null can be set back.
pub fn funcref_globals<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance, mul) = setup(target)?;
    let g = global(&store, &instance, "g")?;
    g.set(&mut store, Val::FuncRef(Some(mul)))?;
    ensure_eq(
        call_i32(&mut store, &instance, "g_is_null", &[])?,
        0,
        "global after host set",
    )?;
    let product = call_i32(&mut store, &instance, "call_g", &[Val::I32(5), Val::I32(6)])?;
    ensure_eq(product, 30, "guest calls the host function from the global")?;
    let got = as_funcref(g.get(&mut store), "Global::get")?.ok_or_else(|| anyhow!("null"))?;
    ensure_eq(
        call_bin(&mut store, &got, 2, 21)?,
        42,
        "host function read back from the global",
    )?;

    let sub = call_export1(&mut store, &instance, "ref_sub", &[])?;
    let set_g = func(&store, &instance, "set_g")?;
    set_g.call(&mut store, &[sub], &mut [])?;
    let got = as_funcref(g.get(&mut store), "Global::get")?.ok_or_else(|| anyhow!("null"))?;
    ensure_eq(
        call_bin(&mut store, &got, 2, 21)?,
        -19,
        "guest function set by the guest",
    )?;
    let via_export = call_export1(&mut store, &instance, "get_g", &[])?;
    let via_export = as_funcref(via_export, "get_g")?.ok_or_else(|| anyhow!("null"))?;
    ensure_eq(
        call_bin(&mut store, &via_export, 1, 1)?,
        0,
        "global via guest getter",
    )?;

    g.set(&mut store, Val::FuncRef(None))?;
    ensure_eq(
        call_i32(&mut store, &instance, "g_is_null", &[])?,
        1,
        "global after null set",
    )
}

/// Host functions return funcrefs to the guest (which calls them through a
/// table) and receive funcrefs from the guest (and call them back).
pub fn host_funcs_take_and_return_funcrefs<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance, _) = setup(target)?;
    let picked = call_i32(
        &mut store,
        &instance,
        "call_picked",
        &[Val::I32(4), Val::I32(-8)],
    )?;
    ensure_eq(
        picked,
        -32,
        "guest calls the funcref a host function returned",
    )?;
    let applied = call_i32(&mut store, &instance, "apply_sub", &[])?;
    ensure_eq(
        applied,
        15,
        "host function calls the guest funcref it was given",
    )
}
