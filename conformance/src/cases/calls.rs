//! Calling functions from the host: argument and result checking, and calls
//! that re-enter the guest from a host function.

use anyhow::{Result, bail};
use wasm_runtime_layer::{Extern, Func, FuncType, Imports, Store, Val, ValType};

use crate::Target;
use crate::check::{ensure_eq, ensure_vals, expect_err};
use crate::fixture::{call_i32, func, instantiate};

/// What the cases of this module call: a store and three functions.
struct Setup<E: wasm_runtime_layer::backend::WasmEngine> {
    store: Store<(), E>,
    /// Guest `add(i32, i32) -> i32`.
    add: Func,
    /// Guest `take_ref(funcref) -> i32` (`ref.is_null`).
    take_ref: Func,
    /// Host `mul(i32, i32) -> i32`.
    mul: Func,
}

/// Builds the [`Setup`] in a fresh store.
fn setup<T: Target>(target: &T) -> Result<Setup<T::Engine>> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(
        &mut store,
        r#"(module
          (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
          (func (export "take_ref") (param funcref) (result i32) local.get 0 ref.is_null))"#,
        &Imports::new(),
    )?;
    let add = func(&store, &instance, "add")?;
    let take_ref = func(&store, &instance, "take_ref")?;
    let mul = Func::new(
        &mut store,
        FuncType::new([ValType::I32; 2], [ValType::I32]),
        |_, args, results| {
            let (Val::I32(a), Val::I32(b)) = (&args[0], &args[1]) else {
                bail!("mul got {args:?}")
            };
            results[0] = Val::I32(a * b);
            Ok(())
        },
    );
    Ok(Setup {
        store,
        add,
        take_ref,
        mul,
    })
}

/// Too few or too many arguments is an `Err`, for guest and host functions.
pub fn wrong_argument_count<T: Target>(target: &T) -> Result<()> {
    let Setup {
        mut store,
        add,
        mul,
        ..
    } = setup(target)?;
    for (name, f) in [("guest add", &add), ("host mul", &mul)] {
        let mut out = [Val::I32(0)];
        expect_err(
            f.call(&mut store, &[], &mut out),
            &format!("{name} with 0 arguments"),
        )?;
        expect_err(
            f.call(&mut store, &[Val::I32(1)], &mut out),
            &format!("{name} with 1 argument"),
        )?;
        let three = [Val::I32(1), Val::I32(2), Val::I32(3)];
        expect_err(
            f.call(&mut store, &three, &mut out),
            &format!("{name} with 3 arguments"),
        )?;
        f.call(&mut store, &[Val::I32(2), Val::I32(3)], &mut out)?;
        ensure_eq(
            matches!(out[0], Val::I32(5 | 6)),
            true,
            &format!("{name} with 2 arguments"),
        )?;
    }
    Ok(())
}

/// Arguments of the wrong type are an `Err` (no implicit conversion
/// between integer widths, integers and floats, or reference types).
pub fn wrong_argument_types<T: Target>(target: &T) -> Result<()> {
    let Setup {
        mut store,
        add,
        take_ref,
        mul,
    } = setup(target)?;
    let wrong_args: [[Val; 2]; 4] = [
        [Val::I64(1), Val::I32(2)],
        [Val::I32(1), Val::F32(2.0)],
        [Val::F64(1.0), Val::I32(2)],
        [Val::I32(1), Val::FuncRef(None)],
    ];
    for (name, f) in [("guest add", &add), ("host mul", &mul)] {
        for args in &wrong_args {
            let mut out = [Val::I32(0)];
            expect_err(
                f.call(&mut store, args, &mut out),
                &format!("{name}{args:?}"),
            )?;
        }
    }
    let mut out = [Val::I32(0)];
    expect_err(
        take_ref.call(&mut store, &[Val::ExternRef(None)], &mut out),
        "externref for funcref",
    )?;
    expect_err(
        take_ref.call(&mut store, &[Val::I32(0)], &mut out),
        "i32 for funcref",
    )?;
    take_ref.call(&mut store, &[Val::FuncRef(None)], &mut out)?;
    ensure_vals(&out, &[Val::I32(1)], "take_ref(null)")
}

/// A results slice of the wrong length is an `Err`, for guest and host functions.
pub fn wrong_results_length<T: Target>(target: &T) -> Result<()> {
    let Setup {
        mut store,
        add,
        mul,
        ..
    } = setup(target)?;
    let args = [Val::I32(2), Val::I32(3)];
    for (name, f) in [("guest add", &add), ("host mul", &mul)] {
        expect_err(
            f.call(&mut store, &args, &mut []),
            &format!("{name} with 0 result slots"),
        )?;
        let mut two = [Val::I32(0), Val::I32(0)];
        expect_err(
            f.call(&mut store, &args, &mut two),
            &format!("{name} with 2 result slots"),
        )?;
    }
    Ok(())
}

/// The initial contents of the results slice do not matter: slots holding
/// values of other types are simply overwritten with the results.
pub fn results_slice_is_overwritten<T: Target>(target: &T) -> Result<()> {
    let Setup {
        mut store,
        add,
        mul,
        ..
    } = setup(target)?;
    let args = [Val::I32(4), Val::I32(5)];
    let mut out = [Val::F64(-1.0)];
    add.call(&mut store, &args, &mut out)?;
    ensure_vals(&out, &[Val::I32(9)], "guest result over an f64 slot")?;
    let mut out = [Val::ExternRef(None)];
    mul.call(&mut store, &args, &mut out)?;
    ensure_vals(&out, &[Val::I32(20)], "host result over an externref slot")
}

/// A host function may call back into the guest (re-entrancy), several
/// levels deep: guest → host → guest → host → guest.
pub fn reentrant_calls<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, Option::<Func>::None);
    // `up(n)` calls the guest's `down(n)` (found through the store data).
    let up = Func::new(
        &mut store,
        FuncType::new([ValType::I32], [ValType::I32]),
        |mut ctx, args, results| {
            let Some(down) = ctx.data().clone() else {
                bail!("down not registered")
            };
            let mut out = [Val::I32(0)];
            down.call(&mut ctx, &[args[0].clone()], &mut out)?;
            let Val::I32(v) = out[0] else {
                bail!("down returned {:?}", out[0])
            };
            results[0] = Val::I32(v + 1000);
            Ok(())
        },
    );
    let mut imports = Imports::new();
    imports.define("env", "up", Extern::Func(up));
    let instance = instantiate(
        &mut store,
        r#"(module
          (import "env" "up" (func $up (param i32) (result i32)))
          (func (export "down") (param i32) (result i32)
            local.get 0 i32.eqz
            if (result i32)
              i32.const 0
            else
              local.get 0 i32.const 1 i32.sub call $up i32.const 1 i32.add
            end))"#,
        &imports,
    )?;
    let down = func(&store, &instance, "down")?;
    *store.data_mut() = Some(down);
    ensure_eq(
        call_i32(&mut store, &instance, "down", &[Val::I32(3)])?,
        3003,
        "down(3)",
    )
}

/// A host function may make host functions and free others (by dropping a
/// store) while it runs: the new function answers, and the running one
/// finishes and returns its result.
pub fn host_functions_made_and_freed_during_a_call<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut other = Store::new(&engine, ());
    let _theirs = Func::new(&mut other, FuncType::new([], []), |_, _, _| Ok(()));
    let mut store = Store::new(&engine, Some(other));
    let outer = Func::new(
        &mut store,
        FuncType::new([ValType::I32], [ValType::I32]),
        |mut ctx, args, results| {
            // Frees the other store's host function.
            drop(ctx.data_mut().take());
            let double = Func::new(
                &mut ctx,
                FuncType::new([ValType::I32], [ValType::I32]),
                |_, args, results| {
                    let Val::I32(x) = args[0] else {
                        bail!("double got {:?}", args[0])
                    };
                    results[0] = Val::I32(x * 2);
                    Ok(())
                },
            );
            let mut out = [Val::I32(0)];
            double.call(&mut ctx, &[args[0].clone()], &mut out)?;
            results[0] = out[0].clone();
            Ok(())
        },
    );
    let mut imports = Imports::new();
    imports.define("env", "outer", Extern::Func(outer));
    let instance = instantiate(
        &mut store,
        r#"(module
          (import "env" "outer" (func $outer (param i32) (result i32)))
          (func (export "run") (param i32) (result i32) local.get 0 call $outer))"#,
        &imports,
    )?;
    ensure_eq(
        call_i32(&mut store, &instance, "run", &[Val::I32(21)])?,
        42,
        "run(21) through a host function made during the call",
    )?;
    ensure_eq(store.data().is_none(), true, "the other store was dropped during the call")
}
