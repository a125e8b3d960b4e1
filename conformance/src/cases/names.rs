//! Import and export names that are special somewhere: JS property names,
//! Python attribute names, the empty string, spaces and non-ASCII text.
//!
//! A JS or Python based backend that stores imports or exports in objects or
//! dicts keyed by name must not confuse these with built-in properties.

use anyhow::Result;
use wasm_runtime_layer::{
    Extern, Func, FuncType, Global, Imports, Memory, MemoryType, Store, Val, ValType,
};

use crate::Target;
use crate::check::{as_i32, describe, ensure_eq};
use crate::fixture::{call_export1, call_i32, compile, global, memory, wat_string};

/// The names under test.
pub const NAMES: [&str; 14] = [
    "to_py",
    "typeof",
    "from_",
    "constructor",
    "__class__",
    "then",
    "length",
    "",
    "with space",
    "ünï",
    "名前",
    "__proto__",
    "prototype",
    "toString",
];

/// Each name is a host-function import (as field name in module `"f"`, and as
/// module name with field `"fn"`) and a function export. Calling the export
/// `NAME` calls both imports, which must be the host functions given for that
/// name; `Module::get_export` and the import list see every name.
pub fn func_imports_and_exports<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    // In WAT, all imports come before the definitions.
    let mut imports_text = String::new();
    let mut funcs_text = String::new();
    for (i, name) in NAMES.iter().enumerate() {
        let name = wat_string(name);
        imports_text += &format!(
            "(import \"f\" {name} (func $f{i} (result i32)))\n\
             (import {name} \"fn\" (func $m{i} (result i32)))\n"
        );
        funcs_text +=
            &format!("(func (export {name}) (result i32) call $f{i} call $m{i} i32.add)\n");
    }
    let text = format!("(module\n{imports_text}{funcs_text})");
    let module = compile(&engine, &text)?;

    let import_names: Vec<(String, String)> = module
        .imports(&engine)
        .map(|i| (i.module.to_owned(), i.name.to_owned()))
        .collect();
    let expected: Vec<(String, String)> = NAMES
        .iter()
        .flat_map(|n| {
            [
                ("f".to_owned(), n.to_string()),
                (n.to_string(), "fn".to_owned()),
            ]
        })
        .collect();
    ensure_eq(import_names, expected, "Module::imports names")?;

    let mut imports = Imports::new();
    for (i, name) in NAMES.iter().enumerate() {
        let ty = FuncType::new([], [ValType::I32]);
        let by_field = 1000 * (i as i32 + 1);
        let by_module = i as i32 + 1;
        let f = Func::new(&mut store, ty.clone(), move |_, _, results| {
            results[0] = Val::I32(by_field);
            Ok(())
        });
        let m = Func::new(&mut store, ty, move |_, _, results| {
            results[0] = Val::I32(by_module);
            Ok(())
        });
        imports.define("f", name, Extern::Func(f));
        imports.define(name, "fn", Extern::Func(m));
    }
    let instance = wasm_runtime_layer::Instance::new(&mut store, &module, &imports)?;

    for (i, name) in NAMES.iter().enumerate() {
        let ty = module.get_export(&engine, name).map(|t| describe(&t));
        ensure_eq(
            ty.as_deref(),
            Some("func() -> (i32)"),
            &format!("get_export({name:?})"),
        )?;
        let got = call_i32(&mut store, &instance, name, &[])?;
        let expected = 1000 * (i as i32 + 1) + i as i32 + 1;
        ensure_eq(got, expected, &format!("calling export {name:?}"))?;
    }
    Ok(())
}

/// Each name is an imported `i32` global and an exported global whose value
/// is derived from it; host and guest agree on every value.
pub fn global_imports_and_exports<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let mut text = String::from("(module\n");
    for (i, name) in NAMES.iter().enumerate() {
        text += &format!("(import \"g\" {} (global $g{i} i32))\n", wat_string(name));
    }
    for (i, name) in NAMES.iter().enumerate() {
        text += &format!(
            "(global (export {}) (mut i32) (global.get $g{i}))\n",
            wat_string(name)
        );
    }
    // One reader function per exported global, by index.
    for i in 0..NAMES.len() {
        text += &format!(
            "(func (export \"read{i}\") (result i32) global.get {})\n",
            NAMES.len() + i
        );
    }
    text += ")";

    let mut imports = Imports::new();
    for (i, name) in NAMES.iter().enumerate() {
        let value = Val::I32(7 * i as i32 + 3);
        imports.define(
            "g",
            name,
            Extern::Global(Global::new(&mut store, value, false)),
        );
    }
    let module = compile(&engine, &text)?;
    let instance = wasm_runtime_layer::Instance::new(&mut store, &module, &imports)?;

    for (i, name) in NAMES.iter().enumerate() {
        let g = global(&store, &instance, name)?;
        let value = as_i32(&g.get(&mut store), &format!("exported global {name:?}"))?;
        ensure_eq(
            value,
            7 * i as i32 + 3,
            &format!("value of exported global {name:?}"),
        )?;
        g.set(&mut store, Val::I32(-(i as i32)))?;
        let read = call_i32(&mut store, &instance, &format!("read{i}"), &[])?;
        ensure_eq(
            read,
            -(i as i32),
            &format!("guest view of global {name:?} after set"),
        )?;
    }
    Ok(())
}

/// Each name is an imported memory and the export of that same memory (one
/// module per name: a module has at most one memory without multi-memory).
/// Bytes written by the host are seen by the guest and through the export.
pub fn memory_imports_and_exports<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    for (i, name) in NAMES.iter().enumerate() {
        let quoted = wat_string(name);
        let text = format!(
            "(module\n\
               (import \"m\" {quoted} (memory 1))\n\
               (export {quoted} (memory 0))\n\
               (func (export \"peek\") (param i32) (result i32) local.get 0 i32.load8_u))"
        );
        let module = compile(&engine, &text)?;
        let host_memory = Memory::new(&mut store, MemoryType::new(1, None))?;
        let mut imports = Imports::new();
        imports.define("m", name, Extern::Memory(host_memory.clone()));
        let instance = wasm_runtime_layer::Instance::new(&mut store, &module, &imports)?;

        host_memory.write(&mut store, 100, &[i as u8 + 1])?;
        let peek = call_export1(&mut store, &instance, "peek", &[Val::I32(100)])?;
        ensure_eq(
            as_i32(&peek, "peek")?,
            i as i32 + 1,
            &format!("guest read of memory {name:?}"),
        )?;

        let exported = memory(&store, &instance, name)?;
        exported.write(&mut store, 200, &[0xa0 + i as u8])?;
        let mut byte = [0u8];
        host_memory.read(&store, 200, &mut byte)?;
        ensure_eq(
            byte[0],
            0xa0 + i as u8,
            &format!("host read via export {name:?}"),
        )?;
    }
    Ok(())
}
