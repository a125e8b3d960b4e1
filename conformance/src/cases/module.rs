//! Modules: their import and export types, and robustness against bad bytes.

use anyhow::{Result, bail};
use wasm_runtime_layer::{
    Extern, Func, FuncType, Global, Imports, Instance, Memory, MemoryType, Module, Ref, RefType,
    Store, Table, TableType, Val, ValType,
};

use crate::mutation::{XorShift, mutate};
use crate::Target;
use crate::check::{describe, ensure_eq, ensure_that, expect_err, no_panic};
use crate::fixture::{compile, wasm};

/// A module touching every kind of import and export, with a repeated import
/// and an item exported twice. Exports are deliberately not in name order.
const KITCHEN_SINK: &str = r#"
(module
  (import "env" "f" (func (param i32) (result i64)))
  (import "env" "g" (global (mut f64)))
  (import "env" "f" (func (param i32) (result i64)))
  (import "other" "mem" (memory 1 2))
  (import "env" "tab" (table 3 funcref))
  (import "env" "x" (global externref))
  (func $z (export "z_func") (param f32 f64) (result i32 externref)
    i32.const 0
    ref.null extern)
  (global (export "a_global") i64 (i64.const 7))
  (table (export "m_table") 1 10 externref)
  (global (export "b_mut_global") (mut funcref) (ref.null func))
  (export "alias" (func $z))
  (export "c_memory" (memory 0))
)
"#;

/// `Module::imports` and `Module::exports` list every entry in declaration
/// order with its exact type; a repeated `(module, name)` import is kept.
pub fn import_and_export_types_in_declaration_order<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let module = compile(&engine, KITCHEN_SINK)?;

    let imports: Vec<(String, String, String)> = module
        .imports(&engine)
        .map(|i| (i.module.to_owned(), i.name.to_owned(), describe(&i.ty)))
        .collect();
    let expected_imports = [
        ("env", "f", "func(i32) -> (i64)"),
        ("env", "g", "global mut f64"),
        ("env", "f", "func(i32) -> (i64)"),
        ("other", "mem", "memory 1..2"),
        ("env", "tab", "table funcref 3.."),
        ("env", "x", "global externref"),
    ]
    .map(|(m, n, t)| (m.to_owned(), n.to_owned(), t.to_owned()));
    ensure_eq(
        imports.as_slice(),
        expected_imports.as_slice(),
        "Module::imports",
    )?;

    let exports: Vec<(String, String)> = module
        .exports(&engine)
        .map(|e| (e.name.to_owned(), describe(&e.ty)))
        .collect();
    let expected_exports = [
        ("z_func", "func(f32, f64) -> (i32, externref)"),
        ("a_global", "global i64"),
        ("m_table", "table externref 1..10"),
        ("b_mut_global", "global mut funcref"),
        ("alias", "func(f32, f64) -> (i32, externref)"),
        ("c_memory", "memory 1..2"),
    ]
    .map(|(n, t)| (n.to_owned(), t.to_owned()));
    ensure_eq(
        exports.as_slice(),
        expected_exports.as_slice(),
        "Module::exports",
    )
}

/// `Module::get_export` finds each export by name with its type, and gives
/// `None` for names that are not exported (including import names).
pub fn get_export_by_name<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let module = compile(&engine, KITCHEN_SINK)?;
    for (name, expected) in [
        ("z_func", "func(f32, f64) -> (i32, externref)"),
        ("alias", "func(f32, f64) -> (i32, externref)"),
        ("a_global", "global i64"),
        ("b_mut_global", "global mut funcref"),
        ("m_table", "table externref 1..10"),
        ("c_memory", "memory 1..2"),
    ] {
        let ty = module.get_export(&engine, name).map(|ty| describe(&ty));
        ensure_eq(
            ty.as_deref(),
            Some(expected),
            &format!("Module::get_export({name:?})"),
        )?;
    }
    for missing in ["", "f", "mem", "Z_FUNC", "z_func ", "nope"] {
        let ty = module.get_export(&engine, missing).map(|ty| describe(&ty));
        ensure_eq(ty, None, &format!("Module::get_export({missing:?})"))?;
    }
    Ok(())
}

/// An instance's exports: `Instance::exports` yields each export once (in no
/// particular order: wasmtime's layer does not keep the order), and
/// `Instance::get_export` gives the right kind of item, `None` if missing.
pub fn instance_exports<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let module = compile(&engine, KITCHEN_SINK)?;

    let mut imports = Imports::new();
    let f_ty = FuncType::new([ValType::I32], [ValType::I64]);
    let f = Func::new(&mut store, f_ty, |_, _, results| {
        results[0] = Val::I64(1);
        Ok(())
    });
    imports.define("env", "f", Extern::Func(f));
    imports.define(
        "env",
        "g",
        Extern::Global(Global::new(&mut store, Val::F64(0.5), true)),
    );
    let memory = Memory::new(&mut store, MemoryType::new(1, Some(2)))?;
    imports.define("other", "mem", Extern::Memory(memory));
    let table = Table::new(
        &mut store,
        TableType::new(RefType::FuncRef, 3, None),
        Ref::FuncRef(None),
    )?;
    imports.define("env", "tab", Extern::Table(table));
    imports.define(
        "env",
        "x",
        Extern::Global(Global::new(&mut store, Val::ExternRef(None), false)),
    );
    let instance = Instance::new(&mut store, &module, &imports)?;

    let mut names: Vec<String> = instance.exports(&store).map(|e| e.name).collect();
    names.sort();
    ensure_eq(
        names,
        [
            "a_global",
            "alias",
            "b_mut_global",
            "c_memory",
            "m_table",
            "z_func",
        ]
        .map(String::from)
        .to_vec(),
        "sorted names from Instance::exports",
    )?;

    let kind = |e: Option<Extern>| match e {
        Some(Extern::Func(_)) => "func",
        Some(Extern::Global(_)) => "global",
        Some(Extern::Memory(_)) => "memory",
        Some(Extern::Table(_)) => "table",
        None => "none",
    };
    for (name, expected) in [
        ("z_func", "func"),
        ("alias", "func"),
        ("a_global", "global"),
        ("b_mut_global", "global"),
        ("c_memory", "memory"),
        ("m_table", "table"),
        ("f", "none"),
        ("", "none"),
    ] {
        ensure_eq(
            kind(instance.get_export(&store, name)),
            expected,
            &format!("Instance::get_export({name:?})"),
        )?;
    }
    // The exported memory is the imported one: same type.
    let memory = instance
        .get_export(&store, "c_memory")
        .and_then(Extern::into_memory);
    let ty = memory.map(|m| m.ty(&store));
    ensure_eq(
        ty,
        Some(MemoryType::new(1, Some(2))),
        "type of exported imported memory",
    )
}

/// The smallest valid module: the 8-byte header.
const EMPTY_MODULE: &[u8] = b"\0asm\x01\0\0\0";

/// Byte inputs that are not valid modules each give an `Err` from
/// `Module::new`, never a panic; the bare header is a valid empty module.
pub fn invalid_bytes_are_errors<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let valid = wasm(KITCHEN_SINK)?;
    let mut header_and_junk = EMPTY_MODULE.to_vec();
    header_and_junk.extend_from_slice(b"\xff\x00junk junk junk");
    let mut unknown_section = EMPTY_MODULE.to_vec();
    unknown_section.extend_from_slice(&[0x7f, 0x01, 0x00]);
    let mut overlong_section = EMPTY_MODULE.to_vec();
    overlong_section.extend_from_slice(&[0x01, 0xff, 0xff, 0xff, 0xff, 0x0f]);
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("empty input", Vec::new()),
        ("plain garbage", b"garbage!".to_vec()),
        ("WAT text instead of binary", b"(module)".to_vec()),
        ("truncated magic", b"\0as".to_vec()),
        ("magic without version", b"\0asm".to_vec()),
        ("wrong version", b"\0asm\x02\0\0\0".to_vec()),
        ("component-model layer", b"\0asm\x0d\0\x01\0".to_vec()),
        ("valid header + junk", header_and_junk),
        ("unknown section id", unknown_section),
        ("section length past the end", overlong_section),
        (
            "valid module minus its last byte",
            valid[..valid.len() - 1].to_vec(),
        ),
        (
            "valid module cut in half",
            valid[..valid.len() / 2].to_vec(),
        ),
        ("all 0xff", vec![0xff; 64]),
    ];
    for (what, bytes) in inputs {
        let result = no_panic(what, || Module::new(&engine, &bytes))?;
        expect_err(result, &format!("Module::new({what})"))?;
    }
    let empty = no_panic("header only", || Module::new(&engine, EMPTY_MODULE))?;
    let empty = empty.map_err(|e| anyhow::anyhow!("Module::new(header only) failed: {e:#}"))?;
    ensure_eq(
        empty.exports(&engine).count(),
        0,
        "exports of the empty module",
    )?;
    ensure_eq(
        empty.imports(&engine).count(),
        0,
        "imports of the empty module",
    )
}

/// A module without imports, loops or branches (so no mutation can make it
/// run forever), used as the seed of [`mutated_bytes_never_panic`].
const MUTATION_SEED: &str = r#"
(module
  (type $t (func (param i32) (result i32)))
  (memory (export "mem") 1 2)
  (table (export "tab") 2 funcref)
  (global $g (export "g") (mut i32) (i32.const 5))
  (data (i32.const 8) "hello")
  (elem (i32.const 0) func $inc $double)
  (func $inc (export "inc") (param i32) (result i32)
    local.get 0 i32.const 1 i32.add)
  (func $double (export "double") (param i32) (result i32)
    local.get 0 local.get 0 i32.add global.get $g i32.add)
  (func (export "load") (result i32)
    i32.const 8 i32.load)
  (func (export "dispatch") (param i32 i32) (result i32)
    local.get 0 local.get 1 call_indirect (type $t))
)
"#;

/// Three hundred deterministic mutations of a valid module (byte flips,
/// byte overwrites, truncations, insertions, deletions): `Module::new` gives
/// `Ok` or `Err` but never panics; mutants that compile and have no imports
/// are also instantiated, which must not panic either.
pub fn mutated_bytes_never_panic<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let seed = wasm(MUTATION_SEED)?;
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let (mut compiled, mut rejected) = (0, 0);
    for round in 0..300 {
        let mut bytes = seed.clone();
        let edits = 1 + rng.below(3);
        let how: Vec<String> = (0..edits).map(|_| mutate(&mut rng, &mut bytes)).collect();
        let what = format!("mutation #{round} ({})", how.join(", "));
        let module = match no_panic(&what, || Module::new(&engine, &bytes))? {
            Ok(module) => module,
            Err(_) => {
                rejected += 1;
                continue;
            }
        };
        compiled += 1;
        let has_imports = no_panic(&what, || {
            // Walking the types must not panic either.
            let exports: Vec<String> = module.exports(&engine).map(|e| describe(&e.ty)).collect();
            let imports: Vec<String> = module.imports(&engine).map(|i| describe(&i.ty)).collect();
            drop(exports);
            !imports.is_empty()
        })?;
        if !has_imports {
            no_panic(&what, || {
                let mut store = Store::new(&engine, ());
                let _ = Instance::new(&mut store, &module, &Imports::new());
            })?;
        }
    }
    // The loop must exercise both outcomes, or the mutations are too tame/wild.
    ensure_that(compiled > 0, "some mutants still compile")?;
    ensure_that(rejected > 0, "some mutants are rejected")?;
    if compiled + rejected != 300 {
        bail!("counted {compiled} + {rejected} mutants, expected 300");
    }
    Ok(())
}
