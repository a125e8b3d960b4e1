//! Every generated wrapper of the WebAssembly JS API (`pyodide_runtime_layer::bindings`,
//! generated from `spec/js-api.webidl`) driven in real Pyodide.
//!
//! `COVERED` names every generated function these cases call; the Python side
//! checks it against the functions found in the checked-in expansion
//! snapshots, so a wrapper added to the spec without a case here fails.

use anyhow::{Context, Result, bail, ensure};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyCFunction, PyTuple};
use pyodide_runtime_layer::bindings::*;
use pyodide_runtime_layer::js;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// A named case.
pub type Case = (&'static str, fn(Python<'_>) -> Result<()>);

/// Every case, in order.
pub const CASES: &[Case] = &[
    ("namespace_validate", namespace_validate),
    ("namespace_compile_and_instantiate_return_promises", namespace_compile_and_instantiate_return_promises),
    ("module_new_exports_imports_custom_sections_cast", module_new_exports_imports_custom_sections_cast),
    ("instance_with_a_rust_host_function", instance_with_a_rust_host_function),
    ("memory_new_grow_buffer", memory_new_grow_buffer),
    ("table_new_grow_get_set_length", table_new_grow_get_set_length),
    ("global_every_type", global_every_type),
    ("tag_and_exception", tag_and_exception),
    ("errors_are_values_not_crashes", errors_are_values_not_crashes),
    ("dictionaries_round_trip", dictionaries_round_trip),
    ("enums_round_trip", enums_round_trip),
];

/// `Type::function` for every generated function the cases above call
/// (checked against the expansion snapshots by `tests/tests/bindings_coverage.rs`).
pub const COVERED: &[&str] = include!("bindings_covered.in");

/// A JS `Uint8Array` holding the binary of a WAT module.
fn bytes<'py>(py: Python<'py>, wat: &str) -> Result<Bound<'py, PyAny>> {
    let binary = wat::parse_str(wat)?;
    let array = js::global_object(py, "Uint8Array")?.call_method1("new", (binary.len(),))?;
    array.call_method1("assign", (PyBytes::new(py, &binary),))?;
    Ok(array)
}

/// JS `a === b` (each JS value reaches Python as a fresh proxy, so Python
/// identity says nothing).
fn same(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> Result<bool> {
    Ok(js::run_js(py, "(a, b) => a === b")?.call1((a, b))?.extract()?)
}

/// Whether `value` is a thenable (what `Promise`-returning operations give).
fn is_thenable(value: &Bound<'_, PyAny>) -> Result<bool> {
    Ok(js::run_js(value.py(), "(p) => typeof p?.then === 'function'")?.call1((value,))?.extract()?)
}

fn int<'py>(py: Python<'py>, n: i64) -> Bound<'py, PyAny> {
    n.into_pyobject(py).map(Bound::into_any).unwrap_or_else(|never| match never {})
}

const ADD: &str = r#"(module
    (import "env" "log" (func $log (param i32)))
    (@custom "note" "hello")
    (memory (export "mem") 1)
    (func (export "add") (param i32 i32) (result i32)
      (call $log (i32.add (local.get 0) (local.get 1)))
      (i32.add (local.get 0) (local.get 1))))"#;

fn namespace_validate(py: Python<'_>) -> Result<()> {
    ensure!(WebAssembly::validate(py, &bytes(py, ADD)?)?, "a valid module is not valid");
    let garbage = js::global_object(py, "Uint8Array")?.call_method1("new", (5,))?;
    ensure!(!WebAssembly::validate(py, &garbage)?, "garbage validated");
    ensure!(!WebAssembly::namespace_object(py)?.is_none(), "no WebAssembly namespace");
    Ok(())
}

fn namespace_compile_and_instantiate_return_promises(py: Python<'_>) -> Result<()> {
    let module_bytes = bytes(py, "(module (func (export \"f\")))")?;
    ensure!(is_thenable(&WebAssembly::compile(py, &module_bytes)?)?, "compile is not a Promise");
    ensure!(is_thenable(&WebAssembly::instantiate(py, &module_bytes, None)?)?, "instantiate(bytes) is not a Promise");
    let module = Module::new(py, &module_bytes)?;
    let promise = WebAssembly::instantiate_with_module_object(py, &module, None)?;
    ensure!(is_thenable(&promise)?, "instantiate(module) is not a Promise");
    Ok(())
}

fn module_new_exports_imports_custom_sections_cast(py: Python<'_>) -> Result<()> {
    let module = Module::new(py, &bytes(py, ADD)?)?;
    let exports = Module::exports(py, &module)?;
    let names: Vec<_> = exports.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    ensure!(names == [("mem", ImportExportKind::Memory), ("add", ImportExportKind::Function)], "exports {names:?}");
    let imports = Module::imports(py, &module)?;
    ensure!(imports.len() == 1 && imports[0].module == "env" && imports[0].name == "log", "imports {imports:?}");
    ensure!(imports[0].kind == ImportExportKind::Function, "import kind");
    let sections = Module::custom_sections(py, &module, "note")?;
    ensure!(sections.len() == 1, "custom sections: {}", sections.len());
    let length: usize = js::get_property(&sections[0], "byteLength")?.extract()?;
    ensure!(length == 5, "custom section length {length}");
    ensure!(Module::cast(module.as_js().bind(py))?.is_some(), "a module is not a Module");
    ensure!(Module::cast(&js::new_object(py)?)?.is_none(), "an object is a Module");
    let copy = module.clone_ref(py);
    let again = Module::from_js_unchecked(copy.into_js());
    ensure!(!Module::constructor(py)?.is_none() && Module::exports(py, &again)?.len() == 2, "round trip through into_js");
    Ok(())
}

fn instance_with_a_rust_host_function(py: Python<'_>) -> Result<()> {
    let seen = Arc::new(AtomicI64::new(0));
    let seen_in_host = Arc::clone(&seen);
    let log = PyCFunction::new_closure(py, None, None, move |args: &Bound<'_, PyTuple>, _kwargs| -> PyResult<()> {
        seen_in_host.store(args.get_item(0)?.extract()?, Ordering::SeqCst);
        Ok(())
    })?;
    // A proxy that outlives the call that hands it to JS; destroyed below.
    let log = py.import("pyodide.ffi")?.getattr("create_proxy")?.call1((log,))?;
    let env = js::new_object(py)?;
    js::set_property(&env, "log", &log)?;
    let import_object = js::new_object(py)?;
    js::set_property(&import_object, "env", &env)?;
    let module = Module::new(py, &bytes(py, ADD)?)?;
    let instance = Instance::new(py, &module, Some(&import_object))?;
    let exports = instance.exports(py)?;
    let sum: i64 = js::call_method(&exports, "add", &[Some(int(py, 40)), Some(int(py, 2))])?.extract()?;
    ensure!(sum == 42, "add(40, 2) = {sum}");
    ensure!(seen.load(Ordering::SeqCst) == 42, "the host function saw {}", seen.load(Ordering::SeqCst));
    ensure!(Instance::cast(instance.as_js().bind(py))?.is_some() && Instance::cast(&exports)?.is_none(), "Instance::cast");
    let copy = Instance::from_js_unchecked(instance.clone_ref(py).into_js());
    ensure!(!copy.exports(py)?.is_none() && !Instance::constructor(py)?.is_none(), "instance copy");
    log.call_method0("destroy")?;
    Ok(())
}

fn memory_new_grow_buffer(py: Python<'_>) -> Result<()> {
    let descriptor = MemoryDescriptor { initial: int(py, 1).unbind(), maximum: Some(int(py, 3).unbind()), shared: None, address: None };
    let memory = Memory::new(py, &descriptor)?;
    let byte_length = |m: &Memory| -> Result<usize> { Ok(js::get_property(&m.buffer(py)?, "byteLength")?.extract()?) };
    ensure!(byte_length(&memory)? == 65536, "initial size");
    let old: u32 = memory.grow(py, &int(py, 2))?.extract()?;
    ensure!(old == 1 && byte_length(&memory)? == 3 * 65536, "grow");
    ensure!(memory.grow(py, &int(py, 1)).is_err(), "grew past the maximum");
    // Newer engines have these; on the others they must be a clean error.
    for (name, result) in [("toFixedLengthBuffer", memory.to_fixed_length_buffer(py)), ("toResizableBuffer", memory.to_resizable_buffer(py))] {
        match result {
            Ok(buffer) => ensure!(js::get_property(&buffer, "byteLength")?.extract::<usize>()? == 3 * 65536, "{name}"),
            Err(err) => println!("    {name}: not in this engine ({err})"),
        }
    }
    ensure!(Memory::cast(memory.as_js().bind(py))?.is_some() && Memory::cast(&int(py, 1))?.is_none(), "Memory::cast");
    let copy = Memory::from_js_unchecked(memory.clone_ref(py).into_js());
    ensure!(byte_length(&copy)? == 3 * 65536 && !Memory::constructor(py)?.is_none(), "copy");
    Ok(())
}

fn table_new_grow_get_set_length(py: Python<'_>) -> Result<()> {
    let descriptor = TableDescriptor { element: TableKind::Externref, initial: int(py, 2).unbind(), maximum: None, address: None };
    let marker = js::new_object(py)?;
    let table = Table::new(py, &descriptor, Some(&marker))?;
    ensure!(table.length(py)?.extract::<u32>()? == 2, "length");
    ensure!(same(py, &table.get(py, &int(py, 1))?, &marker)?, "get returns the initial value");
    let other = js::new_object(py)?;
    table.set(py, &int(py, 0), Some(&other))?;
    ensure!(same(py, &table.get(py, &int(py, 0))?, &other)?, "set then get");
    table.set(py, &int(py, 0), None)?;
    ensure!(table.get(py, &int(py, 0))?.is_none(), "set without a value stores undefined");
    let old: u32 = table.grow(py, &int(py, 3), None)?.extract()?;
    ensure!(old == 2 && table.length(py)?.extract::<u32>()? == 5, "grow");
    ensure!(table.get(py, &int(py, 99)).is_err(), "out-of-range get is an error");
    let funcs = Table::new(py, &TableDescriptor { element: TableKind::Anyfunc, initial: int(py, 1).unbind(), maximum: Some(int(py, 1).unbind()), address: None }, None)?;
    ensure!(js::is_null(py, &funcs.get(py, &int(py, 0))?)?, "a funcref table starts null");
    ensure!(funcs.grow(py, &int(py, 1), None).is_err(), "grew past the maximum");
    ensure!(Table::cast(table.as_js().bind(py))?.is_some() && Table::cast(&marker)?.is_none(), "Table::cast");
    let copy = Table::from_js_unchecked(table.clone_ref(py).into_js());
    ensure!(copy.length(py)?.extract::<u32>()? == 5 && !Table::constructor(py)?.is_none(), "copy");
    Ok(())
}

fn global_every_type(py: Python<'_>) -> Result<()> {
    let bigint = |n: i64| js::global_object(py, "BigInt").and_then(|b| b.call1((n.to_string(),)));
    let cases: Vec<(ValueType, Bound<'_, PyAny>, Bound<'_, PyAny>)> = vec![
        (ValueType::I32, int(py, 7), int(py, -8)),
        (ValueType::I64, bigint(i64::MAX)?, bigint(i64::MIN)?),
        (ValueType::F32, 1.5f64.into_pyobject(py)?.into_any(), (-2.25f64).into_pyobject(py)?.into_any()),
        (ValueType::F64, 0.1f64.into_pyobject(py)?.into_any(), 1e300f64.into_pyobject(py)?.into_any()),
        (ValueType::Externref, js::new_object(py)?, js::new_object(py)?),
    ];
    for (ty, initial, next) in cases {
        let global = Global::new(py, &GlobalDescriptor { value: ty, mutable: Some(true) }, Some(&initial))?;
        ensure!(same(py, &global.value(py)?, &initial)?, "{ty}: value");
        ensure!(same(py, &global.value_of(py)?, &initial)?, "{ty}: valueOf");
        global.set_value(py, &next)?;
        ensure!(same(py, &global.value(py)?, &next)?, "{ty}: set_value");
        let fixed = Global::new(py, &GlobalDescriptor { value: ty, mutable: None }, Some(&initial))?;
        ensure!(fixed.set_value(py, &next).is_err(), "{ty}: an immutable global was set");
    }
    let global = Global::new(py, &GlobalDescriptor { value: ValueType::I32, mutable: None }, None)?;
    ensure!(global.value(py)?.extract::<i32>()? == 0, "default value");
    ensure!(Global::cast(global.as_js().bind(py))?.is_some() && Global::cast(&int(py, 0))?.is_none(), "Global::cast");
    let copy = Global::from_js_unchecked(global.clone_ref(py).into_js());
    ensure!(copy.value(py)?.extract::<i32>()? == 0 && !Global::constructor(py)?.is_none(), "copy");
    Ok(())
}

fn tag_and_exception(py: Python<'_>) -> Result<()> {
    let tag = Tag::new(py, &TagType { parameters: vec![ValueType::I32, ValueType::F64] })?;
    let other = Tag::new(py, &TagType { parameters: vec![] })?;
    let payload = [int(py, 5), 2.5f64.into_pyobject(py)?.into_any()];
    let exception = Exception::new(py, &tag, &payload, Some(&ExceptionOptions { trace_stack: Some(true) }))?;
    ensure!(exception.get_arg(py, &tag, 0)?.extract::<i32>()? == 5, "arg 0");
    ensure!(exception.get_arg(py, &tag, 1)?.extract::<f64>()? == 2.5, "arg 1");
    ensure!(exception.get_arg(py, &tag, 2).is_err(), "arg out of range");
    ensure!(exception.is(py, &tag)? && !exception.is(py, &other)?, "is");
    let stack = exception.stack(py)?;
    ensure!(stack.is_none() || stack.extract::<String>().is_ok(), "stack is a string or undefined");
    let plain = Exception::new(py, &other, &[], None)?;
    ensure!(plain.is(py, &other)?, "an exception without options");
    ensure!(Tag::cast(tag.as_js().bind(py))?.is_some() && Tag::cast(exception.as_js().bind(py))?.is_none(), "Tag::cast");
    ensure!(Exception::cast(exception.as_js().bind(py))?.is_some() && Exception::cast(tag.as_js().bind(py))?.is_none(), "Exception::cast");
    let tag_copy = Tag::from_js_unchecked(tag.clone_ref(py).into_js());
    let exception_copy = Exception::from_js_unchecked(exception.clone_ref(py).into_js());
    ensure!(exception_copy.is(py, &tag_copy)?, "copies");
    ensure!(!Tag::constructor(py)?.is_none() && !Exception::constructor(py)?.is_none(), "constructors");
    Ok(())
}

/// The JS error behind a `JsException`.
fn js_error<'py>(py: Python<'py>, result: PyResult<impl Sized>) -> Result<Bound<'py, PyAny>> {
    match result {
        Ok(_) => bail!("expected a JS error"),
        Err(err) => Ok(err.value(py).clone().into_any()),
    }
}

fn errors_are_values_not_crashes(py: Python<'_>) -> Result<()> {
    let garbage = js::global_object(py, "Uint8Array")?.call_method1("new", (7,))?;
    let compile = js_error(py, Module::new(py, &garbage))?;
    let compile_error = CompileError::cast(&compile)?.context("not a CompileError")?;
    ensure!(!compile_error.message(py)?.is_empty(), "CompileError message");
    ensure!(LinkError::cast(&compile)?.is_none() && RuntimeError::cast(&compile)?.is_none(), "only a CompileError");

    let module = Module::new(py, &bytes(py, r#"(module (import "m" "g" (global i32)))"#)?)?;
    let ns = js::new_object(py)?;
    js::set_property(&ns, "g", &js::new_object(py)?)?;
    let imports = js::new_object(py)?;
    js::set_property(&imports, "m", &ns)?;
    let link = js_error(py, Instance::new(py, &module, Some(&imports)))?;
    let link_error = LinkError::cast(&link)?.context("not a LinkError")?;
    ensure!(!link_error.message(py)?.is_empty(), "LinkError message");

    let module = Module::new(py, &bytes(py, r#"(module (func (export "trap") unreachable))"#)?)?;
    let exports = Instance::new(py, &module, None)?.exports(py)?;
    let trap = js_error(py, js::call_method(&exports, "trap", &[]))?;
    let runtime_error = RuntimeError::cast(&trap)?.context("not a RuntimeError")?;
    ensure!(runtime_error.message(py)?.contains("unreachable"), "RuntimeError message");

    for (made, name) in [
        (CompileError::new(py, Some("c"))?.message(py)?, "c"),
        (LinkError::new(py, Some("l"))?.message(py)?, "l"),
        (RuntimeError::new(py, Some("r"))?.message(py)?, "r"),
    ] {
        ensure!(made == name, "constructed error message {made:?}");
    }
    ensure!(CompileError::new(py, None)?.message(py)?.is_empty(), "default message");
    let c = CompileError::from_js_unchecked(compile_error.clone_ref(py).into_js());
    let l = LinkError::from_js_unchecked(link_error.clone_ref(py).into_js());
    let r = RuntimeError::from_js_unchecked(runtime_error.clone_ref(py).into_js());
    ensure!(CompileError::cast(c.as_js().bind(py))?.is_some() && LinkError::cast(l.as_js().bind(py))?.is_some() && RuntimeError::cast(r.as_js().bind(py))?.is_some(), "copies");
    ensure!(!CompileError::constructor(py)?.is_none() && !LinkError::constructor(py)?.is_none() && !RuntimeError::constructor(py)?.is_none(), "constructors");
    Ok(())
}

fn dictionaries_round_trip(py: Python<'_>) -> Result<()> {
    let memory = MemoryDescriptor { initial: int(py, 1).unbind(), maximum: Some(int(py, 2).unbind()), shared: Some(false), address: Some(AddressType::I32) };
    let back = MemoryDescriptor::from_js(&memory.to_js(py)?)?;
    ensure!(back.initial.bind(py).extract::<u32>()? == 1 && back.shared == Some(false) && back.address == Some(AddressType::I32), "MemoryDescriptor");
    let table = TableDescriptor { element: TableKind::Anyfunc, initial: int(py, 3).unbind(), maximum: None, address: None };
    let back = TableDescriptor::from_js(&table.to_js(py)?)?;
    ensure!(back.element == TableKind::Anyfunc && back.maximum.is_none(), "TableDescriptor");
    let global = GlobalDescriptor { value: ValueType::F64, mutable: Some(true) };
    ensure!(GlobalDescriptor::from_js(&global.to_js(py)?)? == global, "GlobalDescriptor");
    let tag = TagType { parameters: vec![ValueType::I64, ValueType::Externref] };
    ensure!(TagType::from_js(&tag.to_js(py)?)? == tag, "TagType");
    let options = ExceptionOptions { trace_stack: Some(true) };
    ensure!(ExceptionOptions::from_js(&options.to_js(py)?)? == options, "ExceptionOptions");
    let export = ModuleExportDescriptor { name: "then".into(), kind: ImportExportKind::Tag };
    ensure!(ModuleExportDescriptor::from_js(&export.to_js(py)?)? == export, "ModuleExportDescriptor");
    let import = ModuleImportDescriptor { module: "".into(), name: "名前".into(), kind: ImportExportKind::Global };
    ensure!(ModuleImportDescriptor::from_js(&import.to_js(py)?)? == import, "ModuleImportDescriptor");
    let module = Module::new(py, &bytes(py, "(module)")?)?;
    let instance = Instance::new(py, &module, None)?;
    let source = WebAssemblyInstantiatedSource { module, instance };
    let back = WebAssemblyInstantiatedSource::from_js(&source.to_js(py)?)?;
    ensure!(same(py, back.module.as_js().bind(py), source.module.as_js().bind(py))?, "WebAssemblyInstantiatedSource");
    ensure!(MemoryDescriptor::from_js(&js::new_object(py)?).is_err(), "a missing required member is an error");
    Ok(())
}

fn enums_round_trip(_py: Python<'_>) -> Result<()> {
    for v in ValueType::VALUES {
        ensure!(ValueType::from_js_str(v.as_str()) == Some(*v), "{v}");
    }
    for v in TableKind::VALUES {
        ensure!(TableKind::from_js_str(v.as_str()) == Some(*v), "{v}");
    }
    for v in ImportExportKind::VALUES {
        ensure!(ImportExportKind::from_js_str(v.as_str()) == Some(*v), "{v}");
    }
    for v in AddressType::VALUES {
        ensure!(AddressType::from_js_str(v.as_str()) == Some(*v), "{v}");
    }
    ensure!(ValueType::from_js_str("i128").is_none() && ValueType::Anyfunc.as_str() == "anyfunc", "strings");
    Ok(())
}
