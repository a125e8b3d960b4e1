//! Memory management: everything the host hands to a store (closures and
//! what they capture, externref payloads, the store's data) is freed when
//! the store is dropped, over many create/use/drop cycles.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Result;
use wasm_runtime_layer::{
    Extern, ExternRef, Func, FuncType, Imports, Instance, Ref, Store, Val, ValType,
};

use crate::Target;
use crate::check::{ensure_eq, ensure_vals};
use crate::fixture::{call, call_export, call_i32, compile, func, table};

/// Counts its own drops in a shared counter.
pub struct DropGuard(pub Arc<AtomicUsize>);

impl Drop for DropGuard {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// How many create/use/drop cycles each case runs.
const CYCLES: usize = 200;

/// A host closure capturing a [`DropGuard`] is called by the host and by the
/// guest; once its `Func` handles, the instance and the store are dropped,
/// the guard has been dropped exactly once. Repeated 200 times.
pub fn host_closures_freed_with_store<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let module = compile(
        &engine,
        r#"(module (import "env" "f" (func $f (result i32)))
           (func (export "run") (result i32) call $f i32.const 1 i32.add))"#,
    )?;
    let drops = Arc::new(AtomicUsize::new(0));
    for cycle in 0..CYCLES {
        let mut store = Store::new(&engine, ());
        let guard = DropGuard(drops.clone());
        let f = Func::new(
            &mut store,
            FuncType::new([], [ValType::I32]),
            move |_, _, results| {
                results[0] = Val::I32(guard.0.load(Ordering::SeqCst) as i32);
                Ok(())
            },
        );
        let direct = call(&mut store, &f, &[])?;
        ensure_vals(
            &direct,
            &[Val::I32(cycle as i32)],
            "closure sees the drop count so far",
        )?;
        let mut imports = Imports::new();
        imports.define("env", "f", Extern::Func(f.clone()));
        let instance = Instance::new(&mut store, &module, &imports)?;
        ensure_eq(
            call_i32(&mut store, &instance, "run", &[])?,
            cycle as i32 + 1,
            "via the guest",
        )?;
        ensure_eq(
            drops.load(Ordering::SeqCst),
            cycle,
            "drops while the store is alive",
        )?;
        drop(f);
        drop(instance);
        drop(store);
        ensure_eq(
            drops.load(Ordering::SeqCst),
            cycle + 1,
            &format!("drops after cycle {cycle}"),
        )?;
    }
    Ok(())
}

/// Many closures in one store are all freed with that store.
pub fn many_closures_freed_with_store<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let drops = Arc::new(AtomicUsize::new(0));
    let mut store = Store::new(&engine, ());
    let mut funcs = Vec::new();
    for i in 0..CYCLES {
        let guard = DropGuard(drops.clone());
        let f = Func::new(
            &mut store,
            FuncType::new([], [ValType::I32]),
            move |_, _, results| {
                let _keep = &guard;
                results[0] = Val::I32(i as i32);
                Ok(())
            },
        );
        if i % 2 == 0 {
            // Half of the handles are dropped right away, unused.
            funcs.push(f);
        }
    }
    for (k, f) in funcs.iter().enumerate() {
        ensure_vals(
            &call(&mut store, f, &[])?,
            &[Val::I32(2 * k as i32)],
            "closure result",
        )?;
    }
    drop(funcs);
    drop(store);
    ensure_eq(
        drops.load(Ordering::SeqCst),
        CYCLES,
        "closures dropped with their store",
    )
}

/// An externref payload carrying a [`DropGuard`], taken through a call, a
/// table and a global of the guest, is dropped exactly once when the store
/// is dropped. Repeated 200 times.
pub fn externref_payloads_freed_with_store<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let module = compile(
        &engine,
        r#"(module
          (table (export "t") 2 externref)
          (global $g (mut externref) (ref.null extern))
          (func (export "keep") (param externref) (result externref)
            i32.const 0 local.get 0 table.set 0
            local.get 0 global.set $g
            local.get 0))"#,
    )?;
    let drops = Arc::new(AtomicUsize::new(0));
    for cycle in 0..CYCLES {
        let mut store = Store::new(&engine, ());
        let instance = Instance::new(&mut store, &module, &Imports::new())?;
        let payload = ExternRef::new(&mut store, DropGuard(drops.clone()));
        let back = call_export(
            &mut store,
            &instance,
            "keep",
            &[Val::ExternRef(Some(payload.clone()))],
        )?;
        let t = table(&store, &instance, "t")?;
        t.set(&mut store, 1, Ref::ExternRef(Some(payload)))?;
        ensure_eq(
            drops.load(Ordering::SeqCst),
            cycle,
            "drops while the store is alive",
        )?;
        drop(back);
        drop(t);
        drop(instance);
        drop(store);
        ensure_eq(
            drops.load(Ordering::SeqCst),
            cycle + 1,
            &format!("drops after cycle {cycle}"),
        )?;
    }
    Ok(())
}

/// The store's own data is dropped with the store, and handed back (not
/// dropped) by `Store::into_data`.
pub fn store_data_dropped<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let drops = Arc::new(AtomicUsize::new(0));
    for cycle in 0..CYCLES {
        let mut store = Store::new(&engine, DropGuard(drops.clone()));
        // Use the store a little so it is not trivially empty.
        let f = Func::new(&mut store, FuncType::new([], []), |_, _, _| Ok(()));
        call(&mut store, &f, &[])?;
        if cycle % 2 == 0 {
            drop(store);
        } else {
            let data = store.into_data();
            ensure_eq(
                drops.load(Ordering::SeqCst),
                cycle,
                "into_data does not drop the data",
            )?;
            drop(data);
        }
        ensure_eq(
            drops.load(Ordering::SeqCst),
            cycle + 1,
            &format!("drops after cycle {cycle}"),
        )?;
    }
    // A guest instance's functions stay callable for as long as the store lives.
    let mut store = Store::new(&engine, ());
    let instance = crate::fixture::instantiate(
        &mut store,
        r#"(module (func (export "f") (result i32) i32.const 9))"#,
        &Imports::new(),
    )?;
    let f = func(&store, &instance, "f")?;
    drop(instance);
    ensure_vals(
        &call(&mut store, &f, &[])?,
        &[Val::I32(9)],
        "export after its Instance handle is dropped",
    )
}
