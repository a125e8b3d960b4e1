//! Instantiation against the imports provided: missing or mismatching
//! imports are errors (LinkError-like), never panics.

use anyhow::Result;
use wasm_runtime_layer::{
    Extern, Func, FuncType, Global, Imports, Instance, Memory, MemoryType, Ref, RefType, Store,
    Table, TableType, Val, ValType,
};

use crate::Target;
use crate::check::{ensure_eq, expect_err};
use crate::fixture::{call_i32, compile};

/// A module with one import of each kind.
const IMPORTER: &str = r#"
(module
  (import "env" "f" (func $f (param i32) (result i32)))
  (import "env" "g" (global $g (mut i32)))
  (import "env" "m" (memory 2))
  (import "env" "t" (table 1 funcref))
  (func (export "run") (result i32) global.get $g call $f))
"#;

/// A complete, matching set of imports for [`IMPORTER`], as `(name, extern)`.
fn good_imports<T: Target>(
    store: &mut Store<(), T::Engine>,
) -> Result<Vec<(&'static str, Extern)>> {
    let f = Func::new(
        &mut *store,
        FuncType::new([ValType::I32], [ValType::I32]),
        |_, args, results| {
            results[0] = args[0].clone();
            Ok(())
        },
    );
    let g = Global::new(&mut *store, Val::I32(8), true);
    let m = Memory::new(&mut *store, MemoryType::new(2, None))?;
    let t = Table::new(
        &mut *store,
        TableType::new(RefType::FuncRef, 1, None),
        Ref::FuncRef(None),
    )?;
    Ok(vec![
        ("f", Extern::Func(f)),
        ("g", Extern::Global(g)),
        ("m", Extern::Memory(m)),
        ("t", Extern::Table(t)),
    ])
}

/// Builds an import set from `(name, extern)` pairs in module `"env"`.
fn imports_of(items: &[(&str, Extern)]) -> Imports {
    let mut imports = Imports::new();
    for (name, item) in items {
        imports.define("env", name, item.clone());
    }
    imports
}

/// With all imports it instantiates; leaving out any one import, or
/// providing nothing, is an `Err`; extra unused imports are fine.
pub fn missing_imports<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let module = compile(&engine, IMPORTER)?;
    let good = good_imports::<T>(&mut store)?;
    for skip in 0..good.len() {
        let partial: Vec<_> = good
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, x)| x.clone())
            .collect();
        let result = Instance::new(&mut store, &module, &imports_of(&partial));
        expect_err(
            result,
            &format!("instantiation without import {:?}", good[skip].0),
        )?;
    }
    expect_err(
        Instance::new(&mut store, &module, &Imports::new()),
        "instantiation without imports",
    )?;
    let mut with_extra = imports_of(&good);
    with_extra.define("env", "unused", good[0].1.clone());
    with_extra.define("other", "f", good[1].1.clone());
    let instance = Instance::new(&mut store, &module, &with_extra)?;
    ensure_eq(
        call_i32(&mut store, &instance, "run", &[])?,
        8,
        "instance with extra imports",
    )
}

/// Each import replaced by something of the wrong kind or type is an `Err`:
/// another kind of item, a function of another signature, a global of
/// another type or mutability, a memory or table smaller than required, a
/// memory without the required maximum, a table of another element type.
pub fn mismatched_imports<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let module = compile(&engine, IMPORTER)?;
    let good = good_imports::<T>(&mut store)?;
    let wrong_sig = Func::new(
        &mut store,
        FuncType::new([ValType::I64], [ValType::I32]),
        |_, _, r| {
            r[0] = Val::I32(0);
            Ok(())
        },
    );
    let no_result = Func::new(&mut store, FuncType::new([ValType::I32], []), |_, _, _| {
        Ok(())
    });
    let wrong_replacements: Vec<(&str, &str, Extern)> = vec![
        (
            "f",
            "a global instead of a function",
            Extern::Global(Global::new(&mut store, Val::I32(0), true)),
        ),
        ("f", "a function taking i64", Extern::Func(wrong_sig)),
        ("f", "a function without result", Extern::Func(no_result)),
        (
            "g",
            "an immutable global for a mutable one",
            Extern::Global(Global::new(&mut store, Val::I32(0), false)),
        ),
        (
            "g",
            "an i64 global for an i32 one",
            Extern::Global(Global::new(&mut store, Val::I64(0), true)),
        ),
        ("g", "a memory instead of a global", good[2].1.clone()),
        (
            "m",
            "a memory of 1 page for 2",
            Extern::Memory(Memory::new(&mut store, MemoryType::new(1, None))?),
        ),
        ("m", "a table instead of a memory", good[3].1.clone()),
        (
            "t",
            "an externref table for funcref",
            Extern::Table(Table::new(
                &mut store,
                TableType::new(RefType::ExternRef, 1, None),
                Ref::ExternRef(None),
            )?),
        ),
        (
            "t",
            "a table of 0 elements for 1",
            Extern::Table(Table::new(
                &mut store,
                TableType::new(RefType::FuncRef, 0, None),
                Ref::FuncRef(None),
            )?),
        ),
        ("t", "a function instead of a table", good[0].1.clone()),
    ];
    for (name, what, replacement) in wrong_replacements {
        let items: Vec<(&str, Extern)> = good
            .iter()
            .map(|(n, x)| {
                (
                    *n,
                    if *n == name {
                        replacement.clone()
                    } else {
                        x.clone()
                    },
                )
            })
            .collect();
        expect_err(
            Instance::new(&mut store, &module, &imports_of(&items)),
            &format!("{name}: {what}"),
        )?;
    }
    // A memory import that declares a maximum needs a provided maximum within it.
    let bounded = compile(&engine, r#"(module (import "env" "m" (memory 1 2)))"#)?;
    for (what, ty) in [
        ("no maximum", MemoryType::new(1, None)),
        ("maximum 3 > 2", MemoryType::new(1, Some(3))),
    ] {
        let mut imports = Imports::new();
        imports.define("env", "m", Extern::Memory(Memory::new(&mut store, ty)?));
        expect_err(
            Instance::new(&mut store, &bounded, &imports),
            &format!("memory with {what}"),
        )?;
    }
    let mut imports = Imports::new();
    imports.define(
        "env",
        "m",
        Extern::Memory(Memory::new(&mut store, MemoryType::new(2, Some(2)))?),
    );
    Instance::new(&mut store, &bounded, &imports).map(|_| ())
}

/// An import repeated with the same `(module, name)` is satisfied by the one
/// definition given for that name, in every position.
pub fn repeated_import_shares_definition<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let module = compile(
        &engine,
        r#"(module
          (import "env" "f" (func $a (result i32)))
          (import "env" "f" (func $b (result i32)))
          (func (export "sum") (result i32) call $a call $b i32.add))"#,
    )?;
    let f = Func::new(&mut store, FuncType::new([], [ValType::I32]), |_, _, r| {
        r[0] = Val::I32(21);
        Ok(())
    });
    let mut imports = Imports::new();
    imports.define("env", "f", Extern::Func(f));
    let instance = Instance::new(&mut store, &module, &imports)?;
    ensure_eq(
        call_i32(&mut store, &instance, "sum", &[])?,
        42,
        "both imports call the host function",
    )
}

/// One module instantiated again and again: each instance uses the imports
/// it was given, whether they repeat the previous ones or not, and after an
/// instantiation that failed (its start function trapped on the imports it
/// was given).
pub fn reinstantiation_uses_the_given_imports<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let module = compile(
        &engine,
        r#"(module
          (import "env" "f" (func $f (result i32)))
          (import "env" "fail" (global $fail i32))
          (func $start global.get $fail if unreachable end)
          (start $start)
          (func (export "g") (result i32) call $f))"#,
    )?;
    let mut imports_of = |n: i32, fail: i32| -> Imports {
        let f = Func::new(&mut store, FuncType::new([], [ValType::I32]), move |_, _, results| {
            results[0] = Val::I32(n);
            Ok(())
        });
        let fail = Global::new(&mut store, Val::I32(fail), false);
        let mut imports = Imports::new();
        imports.define("env", "f", Extern::Func(f));
        imports.define("env", "fail", Extern::Global(fail));
        imports
    };
    let (one, two, failing) = (imports_of(1, 0), imports_of(2, 0), imports_of(3, 1));
    for (round, (imports, expected)) in [(&one, 1), (&one, 1), (&one, 1), (&two, 2), (&one, 1)].into_iter().enumerate() {
        let instance = Instance::new(&mut store, &module, imports)?;
        ensure_eq(call_i32(&mut store, &instance, "g", &[])?, expected, &format!("instance {round}"))?;
    }
    expect_err(Instance::new(&mut store, &module, &failing), "the start function traps on these imports")?;
    for (round, (imports, expected)) in [(&two, 2), (&two, 2), (&one, 1)].into_iter().enumerate() {
        let instance = Instance::new(&mut store, &module, imports)?;
        ensure_eq(call_i32(&mut store, &instance, "g", &[])?, expected, &format!("instance {round} after the failure"))?;
    }
    Ok(())
}
