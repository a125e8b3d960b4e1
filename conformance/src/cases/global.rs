//! Globals of every type, mutable and immutable, created by the host or
//! exported by the guest.

use anyhow::{Result, anyhow};
use wasm_runtime_layer::{
    AsContext, Extern, ExternRef, Func, FuncType, Global, GlobalType, Imports, Store, Val, ValType,
};

use crate::Target;
use crate::check::{as_externref, as_funcref, as_i32, ensure_eq, ensure_val, expect_err};
use crate::fixture::{call_export1, call_i32, call1, func, global, instantiate};

/// For every value type (v128 is in the values cases): a host-created
/// global, mutable and immutable, has the right `ty()` and value; a mutable
/// one takes a new value of its type and rejects a value of another type; an
/// immutable one rejects every `set` and keeps its value.
pub fn host_globals_every_type<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let f = Func::new(&mut store, FuncType::new([], [ValType::I32]), |_, _, r| {
        r[0] = Val::I32(17);
        Ok(())
    });
    let x = ExternRef::new(&mut store, String::from("payload"));
    // (initial value, a different value of the same type, a value of another type)
    let samples: Vec<(Val, Val, Val)> = vec![
        (Val::I32(-5), Val::I32(i32::MAX), Val::I64(1)),
        (Val::I64(i64::MIN), Val::I64(i64::MAX), Val::I32(1)),
        (Val::F32(-0.0), Val::F32(f32::INFINITY), Val::F64(1.0)),
        (Val::F64(f64::NAN), Val::F64(-1e-300), Val::F32(1.0)),
        (
            Val::FuncRef(None),
            Val::FuncRef(Some(f.clone())),
            Val::ExternRef(None),
        ),
        (
            Val::ExternRef(Some(x.clone())),
            Val::ExternRef(None),
            Val::FuncRef(None),
        ),
    ];
    for (initial, next, wrong) in samples {
        let ty = initial.ty();
        for mutable in [false, true] {
            let what = |s: &str| {
                format!(
                    "{} {ty} global: {s}",
                    if mutable { "mutable" } else { "immutable" }
                )
            };
            let g = Global::new(&mut store, initial.clone(), mutable);
            ensure_eq(g.ty(&store), GlobalType::new(ty, mutable), &what("ty()"))?;
            ensure_val(&g.get(&mut store), &initial, &what("initial value"))?;
            expect_err(
                g.set(&mut store, wrong.clone()),
                &what("set to a value of another type"),
            )?;
            if mutable {
                g.set(&mut store, next.clone())?;
                ensure_val(&g.get(&mut store), &next, &what("value after set"))?;
            } else {
                expect_err(g.set(&mut store, next.clone()), &what("set"))?;
                ensure_val(
                    &g.get(&mut store),
                    &initial,
                    &what("value after a rejected set"),
                )?;
            }
        }
    }
    // The references read back are usable: the function is callable, the
    // externref still holds its payload.
    let g = Global::new(&mut store, Val::FuncRef(Some(f)), false);
    let got = as_funcref(g.get(&mut store), "funcref global")?.ok_or_else(|| anyhow!("null"))?;
    ensure_val(
        &call1(&mut store, &got, &[])?,
        &Val::I32(17),
        "function read from a global",
    )?;
    let g = Global::new(&mut store, Val::ExternRef(Some(x)), true);
    let got =
        as_externref(g.get(&mut store), "externref global")?.ok_or_else(|| anyhow!("null"))?;
    let payload = got.downcast::<String, _, _>(store.as_context())?;
    ensure_eq(payload.as_str(), "payload", "externref read from a global")
}

/// Globals exported by the guest, of every type and both mutabilities:
/// their `ty()` and values; host `set` of a mutable one is seen by the guest
/// and the guest's `global.set` by the host; `set` on an immutable one is an
/// `Err`.
pub fn exported_globals_every_type<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(
        &mut store,
        r#"(module
          (func $seven (result i32) i32.const 7)
          (global (export "i32") i32 (i32.const -1))
          (global (export "i64") i64 (i64.const 0x7fffffffffffffff))
          (global (export "f32") f32 (f32.const -0))
          (global (export "f64") f64 (f64.const inf))
          (global (export "funcref") funcref (ref.func $seven))
          (global (export "externref") externref (ref.null extern))
          (global $mi32 (export "mut_i32") (mut i32) (i32.const 1))
          (global $mi64 (export "mut_i64") (mut i64) (i64.const -9223372036854775808))
          (global $mf32 (export "mut_f32") (mut f32) (f32.const 1.5))
          (global $mf64 (export "mut_f64") (mut f64) (f64.const -2.5))
          (global $mfunc (export "mut_funcref") (mut funcref) (ref.null func))
          (global $mext (export "mut_externref") (mut externref) (ref.null extern))
          (func (export "get_i32") (result i32) global.get $mi32)
          (func (export "get_i64") (result i64) global.get $mi64)
          (func (export "get_f32") (result f32) global.get $mf32)
          (func (export "get_f64") (result f64) global.get $mf64)
          (func (export "funcref_is_null") (result i32) global.get $mfunc ref.is_null)
          (func (export "get_externref") (result externref) global.get $mext)
          (func (export "bump") global.get $mi32 i32.const 100 i32.add global.set $mi32)
          (func (export "store_seven") ref.func $seven global.set $mfunc))"#,
        &Imports::new(),
    )?;
    let immutables = [
        ("i32", Val::I32(-1), Val::I32(0)),
        ("i64", Val::I64(i64::MAX), Val::I64(0)),
        ("f32", Val::F32(-0.0), Val::F32(0.0)),
        ("f64", Val::F64(f64::INFINITY), Val::F64(0.0)),
        ("funcref", Val::FuncRef(None), Val::FuncRef(None)),
        ("externref", Val::ExternRef(None), Val::ExternRef(None)),
    ];
    for (name, value, other) in immutables {
        let g = global(&store, &instance, name)?;
        ensure_eq(
            g.ty(&store),
            GlobalType::new(value.ty(), false),
            &format!("ty() of {name}"),
        )?;
        if name != "funcref" {
            ensure_val(&g.get(&mut store), &value, &format!("value of {name}"))?;
        }
        expect_err(
            g.set(&mut store, other),
            &format!("set on immutable {name}"),
        )?;
    }
    let seven = global(&store, &instance, "funcref")?.get(&mut store);
    let seven =
        as_funcref(seven, "funcref global")?.ok_or_else(|| anyhow!("ref.func global is null"))?;
    ensure_val(
        &call1(&mut store, &seven, &[])?,
        &Val::I32(7),
        "function from the funcref global",
    )?;

    let mutables = [
        ("mut_i32", "get_i32", Val::I32(1), Val::I32(i32::MIN)),
        ("mut_i64", "get_i64", Val::I64(i64::MIN), Val::I64(-2)),
        (
            "mut_f32",
            "get_f32",
            Val::F32(1.5),
            Val::F32(f32::NEG_INFINITY),
        ),
        ("mut_f64", "get_f64", Val::F64(-2.5), Val::F64(-0.0)),
    ];
    for (name, getter, initial, next) in mutables {
        let g = global(&store, &instance, name)?;
        ensure_eq(
            g.ty(&store),
            GlobalType::new(initial.ty(), true),
            &format!("ty() of {name}"),
        )?;
        ensure_val(&g.get(&mut store), &initial, &format!("initial {name}"))?;
        g.set(&mut store, next.clone())?;
        let seen = call_export1(&mut store, &instance, getter, &[])?;
        ensure_val(&seen, &next, &format!("guest sees host set of {name}"))?;
        expect_err(
            g.set(&mut store, Val::ExternRef(None)),
            &format!("wrong-type set of {name}"),
        )?;
    }
    let mi32 = global(&store, &instance, "mut_i32")?;
    func(&store, &instance, "bump")?.call(&mut store, &[], &mut [])?;
    ensure_val(
        &mi32.get(&mut store),
        &Val::I32(i32::MIN + 100),
        "host sees guest global.set",
    )?;

    let mfunc = global(&store, &instance, "mut_funcref")?;
    ensure_eq(
        mfunc.ty(&store),
        GlobalType::new(ValType::FuncRef, true),
        "ty() of mut_funcref",
    )?;
    func(&store, &instance, "store_seven")?.call(&mut store, &[], &mut [])?;
    let got = as_funcref(mfunc.get(&mut store), "mut_funcref")?.ok_or_else(|| anyhow!("null"))?;
    ensure_val(
        &call1(&mut store, &got, &[])?,
        &Val::I32(7),
        "function stored by the guest",
    )?;
    mfunc.set(&mut store, Val::FuncRef(None))?;
    ensure_eq(
        call_i32(&mut store, &instance, "funcref_is_null", &[])?,
        1,
        "null set by host",
    )?;

    let mext = global(&store, &instance, "mut_externref")?;
    ensure_eq(
        mext.ty(&store),
        GlobalType::new(ValType::ExternRef, true),
        "ty() of mut_externref",
    )?;
    let payload = ExternRef::new(&mut store, 1234u64);
    mext.set(&mut store, Val::ExternRef(Some(payload)))?;
    let back = call_export1(&mut store, &instance, "get_externref", &[])?;
    let back = as_externref(back, "get_externref")?.ok_or_else(|| anyhow!("null"))?;
    ensure_eq(
        *back.downcast::<u64, _, _>(store.as_context())?,
        1234,
        "externref via the guest",
    )
}

/// Host globals imported by the guest: it reads the immutable ones, reads
/// and writes the mutable one, and the host sees its writes.
pub fn imported_globals<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let constant = Global::new(&mut store, Val::I64(-(1 << 60)), false);
    let counter = Global::new(&mut store, Val::I32(10), true);
    let ratio = Global::new(&mut store, Val::F64(0.5), false);
    let mut imports = Imports::new();
    imports.define("env", "constant", Extern::Global(constant));
    imports.define("env", "counter", Extern::Global(counter.clone()));
    imports.define("env", "ratio", Extern::Global(ratio));
    let instance = instantiate(
        &mut store,
        r#"(module
          (import "env" "constant" (global $c i64))
          (import "env" "counter" (global $n (mut i32)))
          (import "env" "ratio" (global $r f64))
          (global $derived (export "derived") i64 (global.get $c))
          (func (export "constant") (result i64) global.get $c)
          (func (export "ratio") (result f64) global.get $r)
          (func (export "tick") (result i32)
            global.get $n i32.const 1 i32.add global.set $n global.get $n))"#,
        &imports,
    )?;
    let c = call_export1(&mut store, &instance, "constant", &[])?;
    ensure_val(&c, &Val::I64(-(1 << 60)), "guest reads imported i64")?;
    let r = call_export1(&mut store, &instance, "ratio", &[])?;
    ensure_val(&r, &Val::F64(0.5), "guest reads imported f64")?;
    let d = global(&store, &instance, "derived")?.get(&mut store);
    ensure_val(
        &d,
        &Val::I64(-(1 << 60)),
        "global initialised from an import",
    )?;
    ensure_eq(
        call_i32(&mut store, &instance, "tick", &[])?,
        11,
        "guest increments",
    )?;
    ensure_val(
        &counter.get(&mut store),
        &Val::I32(11),
        "host sees the guest's write",
    )?;
    counter.set(&mut store, Val::I32(-50))?;
    let ticked = call_i32(&mut store, &instance, "tick", &[])?;
    ensure_eq(ticked, -49, "guest sees the host's write")?;
    as_i32(&counter.get(&mut store), "counter").and_then(|v| ensure_eq(v, -49, "final counter"))
}
