//! Every generated wrapper of the WebAssembly JS API (`pyodide_runtime_layer::bindings`,
//! generated from `spec/upstream/js-api.webidl` and `spec/additions.webidl`) driven in
//! real Pyodide, on the host JS engine.
//!
//! Each case checks one behaviour and returns an error (never panics) when it
//! does not hold. Most cases finish before returning ([`Run::Now`]); the
//! `Promise`-returning operations are checked when their promise settles: those
//! cases ([`Run::Later`]) return a future that Python awaits, which fails when
//! a check fails. (Pyodide hands a JS `Promise` to Python as a
//! `pyodide.webloop.PyodideFuture`, an `asyncio.Future`: that is what the
//! `Promise`-returning wrappers return.)
//!
//! [`COVERED`] names every generated function the cases call; the case
//! `every_generated_function_is_covered` compares it with the functions of the
//! expansion snapshots (`backend-macros/tests/expanded/`), and with the
//! definitions of the WebIDL, so a wrapper without a case fails the suite.

use anyhow::{Context, Result, anyhow, bail, ensure};
use pyo3::exceptions::PyAssertionError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyCFunction, PyList, PyTuple};
use pyo3::call::PyCallArgs;
use pyo3::{BoundObject, IntoPyObject};
use pyodide_runtime_layer::bindings::*;
use pyodide_runtime_layer::{TrapCode, js};
use std::collections::BTreeSet;
use std::convert::Infallible;

/// How a case runs.
pub enum Run {
    /// Every check is made before the case returns.
    Now(fn(Python<'_>) -> Result<()>),
    /// The case returns a future for Python to await; it fails when a check
    /// made after the awaited operation settled fails.
    Later(for<'py> fn(Python<'py>) -> Result<Bound<'py, PyAny>>),
}

/// A named case.
pub type Case = (&'static str, Run);

/// Every case, in order.
pub const CASES: &[Case] = &[
    // The `WebAssembly` namespace.
    ("namespace_object_is_the_global_webassembly", Run::Now(namespace_object_is_the_global_webassembly)),
    ("validate_accepts_a_module_and_rejects_garbage", Run::Now(validate_accepts_a_module_and_rejects_garbage)),
    ("compile_resolves_to_a_module", Run::Later(compile_resolves_to_a_module)),
    ("compile_rejects_garbage_with_a_compile_error", Run::Later(compile_rejects_garbage_with_a_compile_error)),
    ("instantiate_bytes_resolves_to_module_and_instance", Run::Later(instantiate_bytes_resolves_to_module_and_instance)),
    ("instantiate_module_resolves_to_an_instance", Run::Later(instantiate_module_resolves_to_an_instance)),
    ("compile_options_are_accepted", Run::Now(compile_options_are_accepted)),
    ("js_tag_is_a_tag_where_the_engine_has_one", Run::Now(js_tag_is_a_tag_where_the_engine_has_one)),
    ("promising_and_suspending_where_the_engine_has_jspi", Run::Now(promising_and_suspending_where_the_engine_has_jspi)),
    // Module.
    ("module_new_compiles_bytes", Run::Now(module_new_compiles_bytes)),
    ("module_exports_lists_names_and_kinds_in_order", Run::Now(module_exports_lists_names_and_kinds_in_order)),
    ("module_imports_lists_modules_names_and_kinds_in_order", Run::Now(module_imports_lists_modules_names_and_kinds_in_order)),
    ("module_custom_sections_returns_the_named_sections", Run::Now(module_custom_sections_returns_the_named_sections)),
    // Instance.
    ("instance_calls_a_rust_host_function", Run::Now(instance_calls_a_rust_host_function)),
    ("instance_exports_every_kind_of_extern", Run::Now(instance_exports_every_kind_of_extern)),
    // Memory.
    ("memory_new_follows_the_descriptor", Run::Now(memory_new_follows_the_descriptor)),
    ("memory_grow_replaces_the_buffer", Run::Now(memory_grow_replaces_the_buffer)),
    ("memory_buffer_shows_what_wasm_stored", Run::Now(memory_buffer_shows_what_wasm_stored)),
    ("memory_shared_descriptor_gives_a_shared_buffer", Run::Now(memory_shared_descriptor_gives_a_shared_buffer)),
    ("memory_fixed_length_and_resizable_buffers", Run::Now(memory_fixed_length_and_resizable_buffers)),
    // Table.
    ("table_externref_get_set_grow_length", Run::Now(table_externref_get_set_grow_length)),
    ("table_anyfunc_holds_wasm_functions", Run::Now(table_anyfunc_holds_wasm_functions)),
    // Global.
    ("global_i32", Run::Now(global_i32)),
    ("global_i64_is_a_bigint", Run::Now(global_i64_is_a_bigint)),
    ("global_small_i64_crosses_as_a_bigint", Run::Now(global_small_i64_crosses_as_a_bigint)),
    ("global_f32_rounds_to_single_precision", Run::Now(global_f32_rounds_to_single_precision)),
    ("global_f64", Run::Now(global_f64)),
    ("global_externref_holds_any_js_value", Run::Now(global_externref_holds_any_js_value)),
    ("global_anyfunc_holds_a_wasm_function", Run::Now(global_anyfunc_holds_a_wasm_function)),
    ("global_without_a_value_is_zero", Run::Now(global_without_a_value_is_zero)),
    ("global_immutable_rejects_set_value", Run::Now(global_immutable_rejects_set_value)),
    ("global_v128_cannot_be_made_from_js", Run::Now(global_v128_cannot_be_made_from_js)),
    ("global_is_shared_with_wasm", Run::Now(global_is_shared_with_wasm)),
    // Tag and Exception.
    ("tag_new_from_a_tag_type", Run::Now(tag_new_from_a_tag_type)),
    ("exception_get_arg_returns_the_payload", Run::Now(exception_get_arg_returns_the_payload)),
    ("exception_is_checks_the_tag", Run::Now(exception_is_checks_the_tag)),
    ("exception_stack_follows_trace_stack", Run::Now(exception_stack_follows_trace_stack)),
    ("exception_payload_is_converted_by_the_tag", Run::Now(exception_payload_is_converted_by_the_tag)),
    ("exception_thrown_by_wasm_has_tag_and_payload", Run::Now(exception_thrown_by_wasm_has_tag_and_payload)),
    ("exception_escaping_a_call_is_a_clean_err", Run::Now(exception_escaping_a_call_is_a_clean_err)),
    ("exception_from_rust_is_caught_by_wasm", Run::Now(exception_from_rust_is_caught_by_wasm)),
    // Errors.
    ("compile_error_from_invalid_bytes", Run::Now(compile_error_from_invalid_bytes)),
    ("link_error_from_a_wrong_typed_import", Run::Now(link_error_from_a_wrong_typed_import)),
    ("runtime_error_from_unreachable", Run::Now(runtime_error_from_unreachable)),
    ("error_constructors_set_the_message", Run::Now(error_constructors_set_the_message)),
    // Every interface.
    ("every_cast_accepts_only_its_own_kind", Run::Now(every_cast_accepts_only_its_own_kind)),
    ("handles_refer_to_the_same_js_object", Run::Now(handles_refer_to_the_same_js_object)),
    // Dictionaries.
    ("memory_descriptor_round_trip", Run::Now(memory_descriptor_round_trip)),
    ("table_descriptor_round_trip", Run::Now(table_descriptor_round_trip)),
    ("global_descriptor_round_trip", Run::Now(global_descriptor_round_trip)),
    ("tag_type_round_trip", Run::Now(tag_type_round_trip)),
    ("exception_options_round_trip", Run::Now(exception_options_round_trip)),
    ("compile_options_round_trip", Run::Now(compile_options_round_trip)),
    ("module_export_descriptor_round_trip", Run::Now(module_export_descriptor_round_trip)),
    ("module_import_descriptor_round_trip", Run::Now(module_import_descriptor_round_trip)),
    ("instantiated_source_round_trip", Run::Now(instantiated_source_round_trip)),
    ("dictionary_from_js_rejects_bad_members", Run::Now(dictionary_from_js_rejects_bad_members)),
    // Enums.
    ("enum_import_export_kind", Run::Now(enum_import_export_kind)),
    ("enum_address_type", Run::Now(enum_address_type)),
    ("enum_table_kind", Run::Now(enum_table_kind)),
    ("enum_value_type", Run::Now(enum_value_type)),
    // The list of what is covered.
    ("every_generated_function_is_covered", Run::Now(every_generated_function_is_covered)),
];

/// `Type::function` for every generated function the cases call.
pub const COVERED: &[&str] = include!("bindings_covered.in");

/// Runs the case `name`: `None` when it is done, or the future to await.
pub fn run<'py>(py: Python<'py>, name: &str) -> Result<Option<Bound<'py, PyAny>>> {
    let (_, run) = CASES
        .iter()
        .find(|(n, _)| *n == name)
        .with_context(|| format!("no bindings case named {name:?}"))?;
    match run {
        Run::Now(case) => case(py).map(|()| None),
        Run::Later(case) => case(py).map(Some),
    }
}

// ---------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------

/// A Rust value as a Python object (what the wrappers take for `any`).
fn val<'py, T: IntoPyObject<'py, Error = Infallible>>(py: Python<'py>, value: T) -> Bound<'py, PyAny> {
    match value.into_pyobject(py) {
        Ok(object) => object.into_any().into_bound(),
        Err(never) => match never {},
    }
}

/// Calls the JS function compiled from `source` with `args`.
fn js_call<'py>(py: Python<'py>, source: &str, args: impl PyCallArgs<'py>) -> Result<Bound<'py, PyAny>> {
    Ok(js::run_js(py, source)?.call1(args)?)
}

/// JS `a === b` (each JS value reaches Python as a fresh proxy, so Python
/// identity says nothing).
fn same<'py>(a: &Bound<'py, PyAny>, b: &Bound<'py, PyAny>) -> Result<bool> {
    Ok(js_call(a.py(), "(a, b) => a === b", (a, b))?.extract()?)
}

/// JS `typeof value`.
fn type_of(value: &Bound<'_, PyAny>) -> Result<String> {
    Ok(js_call(value.py(), "(v) => typeof v", (value,))?.extract()?)
}

/// JS `key in object`.
fn has_key(object: &Bound<'_, PyAny>, key: &str) -> Result<bool> {
    Ok(js_call(object.py(), "(o, k) => k in o", (object, key))?.extract()?)
}

/// JS `value instanceof globalThis[class]`.
fn is_a(value: &Bound<'_, PyAny>, class: &str) -> Result<bool> {
    Ok(js::instance_of(value, &js::global_object(value.py(), class)?)?)
}

/// JS `BigInt(n)`.
fn bigint(py: Python<'_>, n: i64) -> Result<Bound<'_, PyAny>> {
    Ok(js::global_object(py, "BigInt")?.call1((n.to_string(),))?)
}

/// The `byteLength` of an `ArrayBuffer`.
fn byte_length(buffer: &Bound<'_, PyAny>) -> Result<usize> {
    Ok(js::get_property(buffer, "byteLength")?.extract()?)
}

/// The `byteLength` of a memory's current buffer.
fn memory_bytes(py: Python<'_>, memory: &Memory) -> Result<usize> {
    byte_length(&memory.buffer(py)?)
}

/// A JS `Uint8Array` holding `data`.
fn uint8_array<'py>(py: Python<'py>, data: &[u8]) -> Result<Bound<'py, PyAny>> {
    let array = js::global_object(py, "Uint8Array")?.call_method1("new", (data.len(),))?;
    array.call_method1("assign", (PyBytes::new(py, data),))?;
    Ok(array)
}

/// A JS `Uint8Array` holding the binary of the WAT module `wat`.
fn wasm<'py>(py: Python<'py>, wat: &str) -> Result<Bound<'py, PyAny>> {
    uint8_array(py, &wat::parse_str(wat)?)
}

/// Bytes that are not a WebAssembly module.
fn garbage(py: Python<'_>) -> Result<Bound<'_, PyAny>> {
    uint8_array(py, b"\0asm garbage")
}

/// `Module::new` of the WAT module `wat`.
fn module(py: Python<'_>, wat: &str) -> Result<Module> {
    Ok(Module::new(py, &wasm(py, wat)?, None)?)
}

/// The fields of one import namespace, as `(name, value)`.
type Fields<'a, 'py> = &'a [(&'a str, &'a Bound<'py, PyAny>)];

/// A JS object `{ module: { name: value, ... }, ... }`.
fn import_object<'py>(py: Python<'py>, modules: &[(&str, Fields<'_, 'py>)]) -> Result<Bound<'py, PyAny>> {
    let imports = js::new_object(py)?;
    for (module, fields) in modules {
        let namespace = js::new_object(py)?;
        for (name, value) in *fields {
            js::set_property(&namespace, *name, value)?;
        }
        js::set_property(&imports, *module, &namespace)?;
    }
    Ok(imports)
}

/// The export `name` of an instance, read by key in JS.
fn export<'py>(py: Python<'py>, instance: &Instance, name: &str) -> Result<Bound<'py, PyAny>> {
    let value = js::get_property(&instance.exports(py)?, name)?;
    ensure!(!value.is_none(), "no export {name:?}");
    Ok(value)
}

/// Calls the exported function `name` of an instance.
fn call_export<'py>(py: Python<'py>, instance: &Instance, name: &str, args: &[Bound<'py, PyAny>]) -> PyResult<Bound<'py, PyAny>> {
    let args: Vec<_> = args.iter().cloned().map(Some).collect();
    js::call_method(&instance.exports(py)?, name, &args)
}

/// The JS value thrown by a failed call (the `JsException`, itself a proxy of
/// the JS value).
fn thrown<'py>(py: Python<'py>, result: PyResult<impl Sized>, what: &str) -> Result<Bound<'py, PyAny>> {
    match result {
        Ok(_) => bail!("{what}: expected a JS exception, got success"),
        Err(err) => Ok(err.value(py).clone().into_any()),
    }
}

/// Checks that `result` failed with a JS error of the global class `class`.
fn expect_js_error<'py>(py: Python<'py>, result: PyResult<impl Sized>, class: &str, what: &str) -> Result<()> {
    let error = thrown(py, result, what)?;
    ensure!(is_a(&error, class)?, "{what}: expected a {class}, got {error}");
    Ok(())
}

/// A Python object made a persistent JS proxy (`pyodide.ffi.create_proxy`), so
/// that JS may call it after the call that handed it over; destroyed on drop.
struct PersistentProxy<'py>(Bound<'py, PyAny>);

impl<'py> PersistentProxy<'py> {
    fn new(object: &Bound<'py, PyAny>) -> Result<Self> {
        let create_proxy = object.py().import("pyodide.ffi")?.getattr("create_proxy")?;
        Ok(Self(create_proxy.call1((object,))?))
    }
}

impl Drop for PersistentProxy<'_> {
    fn drop(&mut self) {
        // Best effort: a failure only leaks the proxy.
        let _ = self.0.call_method0("destroy");
    }
}

/// Checks that `value` is the future Pyodide makes of a JS `Promise`, then
/// returns a future that completes after `check` has seen how the promise
/// settled (`Ok(value)` or `Err(reason)`): with `None` when the check passes,
/// with an `AssertionError` carrying the check's error otherwise.
fn when_settled<'py, F>(value: &Bound<'py, PyAny>, check: F) -> Result<Bound<'py, PyAny>>
where
    F: for<'a> Fn(Python<'a>, Result<Bound<'a, PyAny>, Bound<'a, PyAny>>) -> Result<()> + Send + Sync + 'static,
{
    let py = value.py();
    let asyncio = py.import("asyncio")?;
    ensure!(value.is_instance(&asyncio.getattr("Future")?)?, "expected a promise (as a Pyodide future), got {value}");
    let checked = value.call_method0("get_loop")?.call_method0("create_future")?;
    let checked_in_callback = checked.clone().unbind();
    let callback = PyCFunction::new_closure(py, None, None, move |args: &Bound<'_, PyTuple>, _kwargs| -> PyResult<()> {
        let py = args.py();
        let settled = args.get_item(0)?;
        let reason = settled.call_method0("exception")?;
        let outcome = if reason.is_none() { Ok(settled.call_method0("result")?) } else { Err(reason) };
        let checked = checked_in_callback.bind(py);
        match check(py, outcome) {
            Ok(()) => checked.call_method1("set_result", (py.None(),))?,
            Err(e) => checked.call_method1("set_exception", (PyAssertionError::new_err(format!("{e:#}")).into_value(py),))?,
        };
        Ok(())
    })?;
    value.call_method1("add_done_callback", (callback,))?;
    Ok(checked)
}

/// `(module)` with nothing in it.
const EMPTY: &str = "(module)";

/// A module that imports an i32 global `env.base` and exports `answer` = base + 2.
const ANSWER: &str = r#"(module
    (import "env" "base" (global $base i32))
    (func (export "answer") (result i32) (i32.add (global.get $base) (i32.const 2))))"#;

/// The import object for [`ANSWER`], with `env.base` = 40.
fn answer_imports(py: Python<'_>) -> Result<Bound<'_, PyAny>> {
    let base = Global::new(py, &GlobalDescriptor { value: ValueType::I32, mutable: None }, Some(&val(py, 40)))?;
    import_object(py, &[("env", &[("base", base.as_js().bind(py))])])
}

/// A module that exports one extern of each kind.
const EVERY_EXPORT: &str = r#"(module
    (func $f (export "func") (result i32) (i32.const 7))
    (table (export "table") 1 funcref)
    (memory (export "memory") 1)
    (global (export "global") (mut i32) (i32.const 3))
    (tag (export "tag") (param i32)))"#;

/// An instance of [`EVERY_EXPORT`].
fn every_export(py: Python<'_>) -> Result<Instance> {
    Ok(Instance::new(py, &module(py, EVERY_EXPORT)?, None)?)
}

// ---------------------------------------------------------------------------
// The `WebAssembly` namespace.
// ---------------------------------------------------------------------------

/// `namespace_object` is `globalThis.WebAssembly`, whose `Module` is `Module::constructor`.
fn namespace_object_is_the_global_webassembly(py: Python<'_>) -> Result<()> {
    let namespace = WebAssembly::namespace_object(py)?;
    ensure!(same(&namespace, &js::global_object(py, "WebAssembly")?)?, "not globalThis.WebAssembly");
    ensure!(same(&js::get_property(&namespace, "Module")?, &Module::constructor(py)?)?, "WebAssembly.Module differs");
    Ok(())
}

/// `validate` is true for a module, false for garbage, and a `TypeError` for a non-buffer.
fn validate_accepts_a_module_and_rejects_garbage(py: Python<'_>) -> Result<()> {
    ensure!(WebAssembly::validate(py, &wasm(py, ANSWER)?, None)?, "a valid module does not validate");
    ensure!(!WebAssembly::validate(py, &garbage(py)?, None)?, "garbage validates");
    let not_a_buffer = js::new_object(py)?;
    expect_js_error(py, WebAssembly::validate(py, &not_a_buffer, None), "TypeError", "validate({})")
}

/// `compile` returns a promise of a `Module` with the module's exports.
fn compile_resolves_to_a_module(py: Python<'_>) -> Result<Bound<'_, PyAny>> {
    let promise = WebAssembly::compile(py, &wasm(py, EVERY_EXPORT)?, None)?;
    when_settled(&promise, |py, outcome| {
        let value = outcome.map_err(|reason| anyhow!("compile rejected: {reason}"))?;
        let module = Module::cast(&value)?.context("compile did not resolve to a Module")?;
        ensure!(Module::exports(py, &module)?.len() == 5, "the compiled module lost exports");
        Ok(())
    })
}

/// `compile` of garbage returns a promise rejected with a `CompileError`.
fn compile_rejects_garbage_with_a_compile_error(py: Python<'_>) -> Result<Bound<'_, PyAny>> {
    let promise = WebAssembly::compile(py, &garbage(py)?, None)?;
    when_settled(&promise, |_py, outcome| match outcome {
        Ok(value) => bail!("garbage compiled to {value}"),
        Err(reason) => {
            ensure!(CompileError::cast(&reason)?.is_some(), "rejected with {reason}, not a CompileError");
            Ok(())
        }
    })
}

/// `instantiate(bytes, imports)` resolves to `{module, instance}` built with the imports.
fn instantiate_bytes_resolves_to_module_and_instance(py: Python<'_>) -> Result<Bound<'_, PyAny>> {
    let promise = WebAssembly::instantiate(py, &wasm(py, ANSWER)?, Some(&answer_imports(py)?), None)?;
    when_settled(&promise, |py, outcome| {
        let value = outcome.map_err(|reason| anyhow!("instantiate rejected: {reason}"))?;
        let source = WebAssemblyInstantiatedSource::from_js(&value)?;
        ensure!(Module::cast(source.module.as_js().bind(py))?.is_some(), "`module` is not a Module");
        ensure!(Instance::cast(source.instance.as_js().bind(py))?.is_some(), "`instance` is not an Instance");
        let answer: i32 = call_export(py, &source.instance, "answer", &[])?.extract()?;
        ensure!(answer == 42, "answer() = {answer}, the import did not arrive");
        Ok(())
    })
}

/// `instantiate(module, imports)` resolves to an `Instance` built with the imports.
fn instantiate_module_resolves_to_an_instance(py: Python<'_>) -> Result<Bound<'_, PyAny>> {
    let compiled = module(py, ANSWER)?;
    let promise = WebAssembly::instantiate_with_module_object(py, &compiled, Some(&answer_imports(py)?))?;
    when_settled(&promise, |py, outcome| {
        let value = outcome.map_err(|reason| anyhow!("instantiate rejected: {reason}"))?;
        let instance = Instance::cast(&value)?.context("did not resolve to an Instance")?;
        let answer: i32 = call_export(py, &instance, "answer", &[])?.extract()?;
        ensure!(answer == 42, "answer() = {answer}, the import did not arrive");
        Ok(())
    })
}

/// `validate`, `compile`, `instantiate` and `Module::new` take the upstream
/// `WebAssemblyCompileOptions` (JS String Builtins); empty options change nothing.
fn compile_options_are_accepted(py: Python<'_>) -> Result<()> {
    let options = WebAssemblyCompileOptions::default();
    ensure!(WebAssembly::validate(py, &wasm(py, ANSWER)?, Some(&options))?, "a valid module does not validate with options");
    ensure!(!WebAssembly::validate(py, &garbage(py)?, Some(&options))?, "garbage validates with options");
    let compiled = Module::new(py, &wasm(py, EVERY_EXPORT)?, Some(&options))?;
    ensure!(Module::exports(py, &compiled)?.len() == 5, "Module::new with options lost exports");
    let promise = WebAssembly::compile(py, &wasm(py, EVERY_EXPORT)?, Some(&options))?;
    ensure!(!promise.is_none(), "compile with options returned nothing");
    Ok(())
}

/// `WebAssembly.JSTag`, where the engine has it, is a `Tag` (where it does
/// not, the getter gives a wrapper of `undefined`, which is no `Tag`).
fn js_tag_is_a_tag_where_the_engine_has_one(py: Python<'_>) -> Result<()> {
    let present = !js::get_property(&WebAssembly::namespace_object(py)?, "JSTag")?.is_none();
    let tag = WebAssembly::js_tag(py)?;
    ensure!(Tag::cast(tag.as_js().bind(py))?.is_some() == present, "JSTag present: {present}, but the getter disagrees");
    Ok(())
}

/// JS Promise Integration, where the engine has it: `Suspending::new` wraps a
/// JS function, `promising` turns an exported wasm function into a JS
/// function. Where it does not, both fail with a JS error.
fn promising_and_suspending_where_the_engine_has_jspi(py: Python<'_>) -> Result<()> {
    let has_jspi = !js::get_property(&WebAssembly::namespace_object(py)?, "Suspending")?.is_none();
    let js_function = js_call(py, "() => () => 42", ())?;
    let func = export(py, &every_export(py)?, "func")?;
    if !has_jspi {
        ensure!(Suspending::constructor(py).is_err(), "no WebAssembly.Suspending, yet its lookup succeeded");
        ensure!(Suspending::new(py, &js_function).is_err(), "no WebAssembly.Suspending, yet one was made");
        ensure!(WebAssembly::promising(py, &func).is_err(), "WebAssembly.promising without WebAssembly.Suspending");
        return Ok(());
    }
    let suspending = Suspending::new(py, &js_function)?;
    // The constructor's result is the engine's: the same kind of object as
    // JS's own `new WebAssembly.Suspending(f)` (same class and prototype).
    let describe = "(s) => Object.prototype.toString.call(s) + ' ' + (Object.getPrototypeOf(s) === WebAssembly.Suspending.prototype)";
    let from_js = js_call(py, "(f) => new WebAssembly.Suspending(f)", (&js_function,))?;
    let (ours, theirs): (String, String) = (js_call(py, describe, (suspending.as_js().bind(py),))?.extract()?, js_call(py, describe, (&from_js,))?.extract()?);
    ensure!(ours == theirs, "Suspending::new made {ours:?}, JS makes {theirs:?}");
    // `cast` agrees with `instanceof`, whatever the engine's objects are.
    let is_instance = js::instance_of(suspending.as_js().bind(py), &Suspending::constructor(py)?)?;
    ensure!(Suspending::cast(suspending.as_js().bind(py))?.is_some() == is_instance, "cast disagrees with instanceof");
    ensure!(Suspending::cast(&js_function)?.is_none(), "cast accepts a plain function");
    if is_instance {
        println!("    new WebAssembly.Suspending(f) is an instance of WebAssembly.Suspending");
    } else {
        // JavaScriptCore (Bun 1.4) returns a function that is not one.
        println!("    new WebAssembly.Suspending(f) is not an instance of WebAssembly.Suspending here ({ours})");
    }
    let again = Suspending::from_js_unchecked(suspending.clone_ref(py).into_js());
    ensure!(same(again.as_js().bind(py), suspending.as_js().bind(py))?, "clone_ref/into_js/from_js_unchecked lost the object");
    let promising = WebAssembly::promising(py, &func)?;
    ensure!(type_of(&promising)? == "function", "promising(func) is not a function");
    Ok(())
}

// ---------------------------------------------------------------------------
// Module.
// ---------------------------------------------------------------------------

/// `Module::new` compiles bytes into a `WebAssembly.Module`.
fn module_new_compiles_bytes(py: Python<'_>) -> Result<()> {
    let compiled = module(py, EVERY_EXPORT)?;
    ensure!(js::instance_of(compiled.as_js().bind(py), &Module::constructor(py)?)?, "not a WebAssembly.Module");
    Ok(())
}

/// `Module::exports` gives each export's name and kind, in module order.
fn module_exports_lists_names_and_kinds_in_order(py: Python<'_>) -> Result<()> {
    let exports = Module::exports(py, &module(py, EVERY_EXPORT)?)?;
    let found: Vec<(&str, ImportExportKind)> = exports.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    let expected = [
        ("func", ImportExportKind::Function),
        ("table", ImportExportKind::Table),
        ("memory", ImportExportKind::Memory),
        ("global", ImportExportKind::Global),
        ("tag", ImportExportKind::Tag),
    ];
    ensure!(found == expected, "exports {found:?}");
    ensure!(Module::exports(py, &module(py, EMPTY)?)?.is_empty(), "an empty module has exports");
    Ok(())
}

/// `Module::imports` gives each import's module, name and kind, in module order.
fn module_imports_lists_modules_names_and_kinds_in_order(py: Python<'_>) -> Result<()> {
    let imports = Module::imports(py, &module(py, r#"(module
        (import "m" "f" (func))
        (import "m" "t" (table 1 funcref))
        (import "other" "mem" (memory 1))
        (import "" "g" (global i64))
        (import "m" "e" (tag)))"#)?)?;
    let found: Vec<(&str, &str, ImportExportKind)> =
        imports.iter().map(|i| (i.module.as_str(), i.name.as_str(), i.kind)).collect();
    let expected = [
        ("m", "f", ImportExportKind::Function),
        ("m", "t", ImportExportKind::Table),
        ("other", "mem", ImportExportKind::Memory),
        ("", "g", ImportExportKind::Global),
        ("m", "e", ImportExportKind::Tag),
    ];
    ensure!(found == expected, "imports {found:?}");
    Ok(())
}

/// `Module::custom_sections` returns the contents of every section with the name, in order.
fn module_custom_sections_returns_the_named_sections(py: Python<'_>) -> Result<()> {
    let compiled = module(py, r#"(module
        (@custom "note" "hello")
        (@custom "other" "x")
        (@custom "note" "world"))"#)?;
    let sections = Module::custom_sections(py, &compiled, "note")?;
    let texts = sections
        .iter()
        .map(|section| Ok(js_call(py, "(b) => new TextDecoder().decode(b)", (section,))?.extract::<String>()?))
        .collect::<Result<Vec<_>>>()?;
    ensure!(texts == ["hello", "world"], "sections {texts:?}");
    ensure!(is_a(&sections[0], "ArrayBuffer")?, "a section is not an ArrayBuffer");
    ensure!(Module::custom_sections(py, &compiled, "missing")?.is_empty(), "a missing section was found");
    Ok(())
}

// ---------------------------------------------------------------------------
// Instance.
// ---------------------------------------------------------------------------

/// `Instance::new` links a Rust host function, which Wasm then calls with the right arguments.
fn instance_calls_a_rust_host_function(py: Python<'_>) -> Result<()> {
    let calls = PyList::empty(py).unbind();
    let calls_in_host = calls.clone_ref(py);
    let host = PyCFunction::new_closure(py, None, None, move |args: &Bound<'_, PyTuple>, _kwargs| -> PyResult<i32> {
        calls_in_host.bind(args.py()).append(args)?;
        let (a, _b, _c): (i32, i64, f64) = args.extract()?;
        Ok(a * 2)
    })?;
    let host = PersistentProxy::new(host.as_any())?;
    let compiled = module(py, r#"(module
        (import "env" "host" (func $host (param i32 i64 f64) (result i32)))
        (func (export "run") (param i32) (result i32)
          (i32.add (call $host (local.get 0) (i64.const -5000000000) (f64.const 2.5)) (i32.const 1))))"#)?;
    let instance = Instance::new(py, &compiled, Some(&import_object(py, &[("env", &[("host", &host.0)])])?))?;
    let result: i32 = call_export(py, &instance, "run", &[val(py, 20)])?.extract()?;
    ensure!(result == 41, "run(20) = {result}, expected host(20) * 2 + 1");
    let calls: Vec<(i32, i64, f64)> = calls.bind(py).extract()?;
    ensure!(calls == [(20, -5_000_000_000, 2.5)], "the host function saw {calls:?}");
    Ok(())
}

/// `Instance::exports` holds each export under its name, of the right JS class.
fn instance_exports_every_kind_of_extern(py: Python<'_>) -> Result<()> {
    let instance = every_export(py)?;
    let keys: String = js_call(py, "(o) => Object.keys(o).join()", (instance.exports(py)?,))?.extract()?;
    ensure!(keys == "func,table,memory,global,tag", "export keys {keys}");
    let func = export(py, &instance, "func")?;
    ensure!(type_of(&func)? == "function" && func.call0()?.extract::<i32>()? == 7, "func");
    ensure!(Table::cast(&export(py, &instance, "table")?)?.is_some(), "table is not a Table");
    ensure!(Memory::cast(&export(py, &instance, "memory")?)?.is_some(), "memory is not a Memory");
    let global = Global::cast(&export(py, &instance, "global")?)?.context("global is not a Global")?;
    ensure!(global.value(py)?.extract::<i32>()? == 3, "global value");
    ensure!(Tag::cast(&export(py, &instance, "tag")?)?.is_some(), "tag is not a Tag");
    Ok(())
}

// ---------------------------------------------------------------------------
// Memory.
// ---------------------------------------------------------------------------

/// `Memory::new` makes `initial` pages and refuses `initial > maximum` with a `RangeError`.
fn memory_new_follows_the_descriptor(py: Python<'_>) -> Result<()> {
    let descriptor = MemoryDescriptor { initial: val(py, 2).unbind(), maximum: Some(val(py, 4).unbind()), shared: None, address: None };
    let memory = Memory::new(py, &descriptor)?;
    ensure!(memory_bytes(py, &memory)? == 2 * 65536, "initial size {}", memory_bytes(py, &memory)?);
    let inverted = MemoryDescriptor { initial: val(py, 3).unbind(), maximum: Some(val(py, 1).unbind()), shared: None, address: None };
    expect_js_error(py, Memory::new(py, &inverted), "RangeError", "initial > maximum")
}

/// `Memory::grow` returns the old size in pages, detaches the old buffer and stops at the maximum.
fn memory_grow_replaces_the_buffer(py: Python<'_>) -> Result<()> {
    let descriptor = MemoryDescriptor { initial: val(py, 1).unbind(), maximum: Some(val(py, 3).unbind()), shared: None, address: None };
    let memory = Memory::new(py, &descriptor)?;
    let before = memory.buffer(py)?;
    let old: u32 = memory.grow(py, &val(py, 2))?.extract()?;
    ensure!(old == 1, "grow returned {old}");
    ensure!(byte_length(&before)? == 0, "the old buffer was not detached");
    ensure!(memory_bytes(py, &memory)? == 3 * 65536, "size after grow {}", memory_bytes(py, &memory)?);
    expect_js_error(py, memory.grow(py, &val(py, 1)), "RangeError", "grow past the maximum")?;
    ensure!(memory_bytes(py, &memory)? == 3 * 65536, "a failed grow changed the size");
    Ok(())
}

/// `Memory::buffer` shows the bytes a Wasm store wrote into an imported memory.
fn memory_buffer_shows_what_wasm_stored(py: Python<'_>) -> Result<()> {
    let memory = Memory::new(py, &MemoryDescriptor { initial: val(py, 1).unbind(), maximum: None, shared: None, address: None })?;
    let compiled = module(py, r#"(module
        (import "env" "memory" (memory 1))
        (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1))))"#)?;
    let instance = Instance::new(py, &compiled, Some(&import_object(py, &[("env", &[("memory", memory.as_js().bind(py))])])?))?;
    call_export(py, &instance, "store", &[val(py, 1000), val(py, 0xAB)])?;
    let byte: u8 = js_call(py, "(b, i) => new Uint8Array(b)[i]", (memory.buffer(py)?, 1000))?.extract()?;
    ensure!(byte == 0xAB, "memory[1000] = {byte:#x}");
    Ok(())
}

/// `shared: Some(true)` in the descriptor gives a `SharedArrayBuffer`.
fn memory_shared_descriptor_gives_a_shared_buffer(py: Python<'_>) -> Result<()> {
    let descriptor = MemoryDescriptor { initial: val(py, 1).unbind(), maximum: Some(val(py, 2).unbind()), shared: Some(true), address: Some(AddressType::I32) };
    let memory = Memory::new(py, &descriptor)?;
    // By its tag: without cross-origin isolation a browser hides the global `SharedArrayBuffer`.
    let tag: String = js_call(py, "(b) => Object.prototype.toString.call(b)", (memory.buffer(py)?,))?.extract()?;
    ensure!(tag == "[object SharedArrayBuffer]", "the buffer of a shared memory is {tag}");
    Ok(())
}

/// `to_fixed_length_buffer`/`to_resizable_buffer` give the memory's bytes where
/// the engine has them, and a clean `TypeError` where it does not.
fn memory_fixed_length_and_resizable_buffers(py: Python<'_>) -> Result<()> {
    let memory = Memory::new(py, &MemoryDescriptor { initial: val(py, 1).unbind(), maximum: Some(val(py, 2).unbind()), shared: None, address: None })?;
    type Method = for<'py> fn(&Memory, Python<'py>) -> PyResult<Bound<'py, PyAny>>;
    let methods: [(&str, bool, Method); 2] = [
        ("toFixedLengthBuffer", false, |memory, py| memory.to_fixed_length_buffer(py)),
        ("toResizableBuffer", true, |memory, py| memory.to_resizable_buffer(py)),
    ];
    for (name, resizable, method) in methods {
        let available = type_of(&js::get_property(memory.as_js().bind(py), name)?)? == "function";
        let result = method(&memory, py);
        if available {
            let buffer = result.with_context(|| format!("{name} failed"))?;
            ensure!(byte_length(&buffer)? == 65536, "{name}: byteLength {}", byte_length(&buffer)?);
            let is_resizable = js::get_property(&buffer, "resizable")?.extract::<bool>()?;
            ensure!(is_resizable == resizable, "{name}: resizable = {is_resizable}");
            println!("    {name}: available");
        } else {
            expect_js_error(py, result, "TypeError", name)?;
            println!("    {name}: not in this engine (clean TypeError)");
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Table.
// ---------------------------------------------------------------------------

/// An externref `Table`: the initial value, `set` (with and without a value),
/// `grow` and `length`, and an out-of-range `get` as a `RangeError`.
fn table_externref_get_set_grow_length(py: Python<'_>) -> Result<()> {
    let marker = js::new_object(py)?;
    let descriptor = TableDescriptor { element: TableKind::Externref, initial: val(py, 2).unbind(), maximum: None, address: None };
    let table = Table::new(py, &descriptor, Some(&marker))?;
    ensure!(table.length(py)?.extract::<u32>()? == 2, "length");
    ensure!(same(&table.get(py, &val(py, 1))?, &marker)?, "get(1) is not the initial value");
    let other = js::new_object(py)?;
    table.set(py, &val(py, 0), Some(&other))?;
    ensure!(same(&table.get(py, &val(py, 0))?, &other)?, "get(0) after set");
    table.set(py, &val(py, 0), None)?;
    ensure!(table.get(py, &val(py, 0))?.is_none(), "set(0) without a value did not store undefined");
    let old: u32 = table.grow(py, &val(py, 3), Some(&marker))?.extract()?;
    ensure!(old == 2 && table.length(py)?.extract::<u32>()? == 5, "grow returned {old}");
    ensure!(same(&table.get(py, &val(py, 4))?, &marker)?, "grow did not fill with the value");
    expect_js_error(py, table.get(py, &val(py, 5)), "RangeError", "get(5) of 5")
}

/// An anyfunc `Table` starts null, holds exported Wasm functions, and refuses
/// non-functions and growing past its maximum.
fn table_anyfunc_holds_wasm_functions(py: Python<'_>) -> Result<()> {
    let func = export(py, &every_export(py)?, "func")?;
    let descriptor = TableDescriptor { element: TableKind::Anyfunc, initial: val(py, 1).unbind(), maximum: Some(val(py, 3).unbind()), address: None };
    let table = Table::new(py, &descriptor, None)?;
    ensure!(js::is_null(py, &table.get(py, &val(py, 0))?)?, "a new funcref table is not null");
    table.set(py, &val(py, 0), Some(&func))?;
    let stored = table.get(py, &val(py, 0))?;
    ensure!(same(&stored, &func)? && stored.call0()?.extract::<i32>()? == 7, "get(0) is not the stored function");
    expect_js_error(py, table.set(py, &val(py, 0), Some(&js::new_object(py)?)), "TypeError", "set(0, {})")?;
    let old: u32 = table.grow(py, &val(py, 2), Some(&func))?.extract()?;
    ensure!(old == 1 && same(&table.get(py, &val(py, 2))?, &func)?, "grow with a function");
    expect_js_error(py, table.grow(py, &val(py, 1), None), "RangeError", "grow past the maximum")?;
    ensure!(table.length(py)?.extract::<u32>()? == 3, "length after a failed grow");
    Ok(())
}

// ---------------------------------------------------------------------------
// Global.
// ---------------------------------------------------------------------------

/// A mutable global of type `ty` made with `initial`: `value` and `value_of`
/// read `initial`, `set_value(next)` is seen by both.
fn check_mutable_global<'py>(py: Python<'py>, ty: ValueType, initial: &Bound<'py, PyAny>, next: &Bound<'py, PyAny>) -> Result<Global> {
    let global = Global::new(py, &GlobalDescriptor { value: ty, mutable: Some(true) }, Some(initial))?;
    ensure!(same(&global.value(py)?, initial)?, "{ty}: value is not the initial value");
    ensure!(same(&global.value_of(py)?, initial)?, "{ty}: valueOf is not the initial value");
    global.set_value(py, next)?;
    ensure!(same(&global.value(py)?, next)? && same(&global.value_of(py)?, next)?, "{ty}: set_value not seen");
    Ok(global)
}

/// An i32 global holds i32s, and `set_value` wraps numbers as JS `ToInt32` does.
fn global_i32(py: Python<'_>) -> Result<()> {
    let global = check_mutable_global(py, ValueType::I32, &val(py, 7), &val(py, -8))?;
    global.set_value(py, &val(py, 1u64 << 31))?;
    let wrapped: i32 = global.value(py)?.extract()?;
    ensure!(wrapped == i32::MIN, "2^31 stored as {wrapped}");
    Ok(())
}

/// An i64 global holds BigInts (full 64-bit range) and refuses plain numbers.
fn global_i64_is_a_bigint(py: Python<'_>) -> Result<()> {
    let global = check_mutable_global(py, ValueType::I64, &bigint(py, i64::MAX)?, &bigint(py, i64::MIN)?)?;
    ensure!(type_of(&global.value(py)?)? == "bigint", "value is not a BigInt");
    ensure!(global.value(py)?.extract::<i64>()? == i64::MIN, "value in Python");
    expect_js_error(py, global.set_value(py, &val(py, 5)), "TypeError", "i64 global set to a number")
}

/// A small i64 (below 2^53) read from JS crosses back to JS as a BigInt where
/// Pyodide keeps BigInts as `JsBigInt`; older Pyodide turns every BigInt into a
/// plain `int`, which goes back to JS as a number, so such a value cannot be
/// given to an `any` argument of type i64 there: a clean `TypeError`.
fn global_small_i64_crosses_as_a_bigint(py: Python<'_>) -> Result<()> {
    let five = bigint(py, 5)?;
    let descriptor = GlobalDescriptor { value: ValueType::I64, mutable: Some(true) };
    let keeps_bigints = py.import("pyodide.ffi")?.hasattr("JsBigInt")?;
    if !keeps_bigints {
        expect_js_error(py, Global::new(py, &descriptor, Some(&five)), "TypeError", "small BigInt as plain int")?;
        println!("    this Pyodide has no JsBigInt: a small i64 reaches JS as a number (TypeError)");
        return Ok(());
    }
    let global = Global::new(py, &descriptor, Some(&five))?;
    ensure!(type_of(&global.value(py)?)? == "bigint" && global.value(py)?.extract::<i64>()? == 5, "value");
    global.set_value(py, &global.value(py)?)?;
    ensure!(global.value(py)?.extract::<i64>()? == 5, "a value read back and set again");
    Ok(())
}

/// An f32 global rounds what it is given to single precision.
fn global_f32_rounds_to_single_precision(py: Python<'_>) -> Result<()> {
    let global = check_mutable_global(py, ValueType::F32, &val(py, 1.5), &val(py, -2.25))?;
    global.set_value(py, &val(py, 0.1))?;
    let stored: f64 = global.value(py)?.extract()?;
    ensure!(stored == f64::from(0.1f32), "0.1 stored as {stored}");
    Ok(())
}

/// An f64 global holds doubles exactly.
fn global_f64(py: Python<'_>) -> Result<()> {
    let global = check_mutable_global(py, ValueType::F64, &val(py, 0.1), &val(py, 1e300))?;
    ensure!(global.value(py)?.extract::<f64>()? == 1e300, "1e300");
    Ok(())
}

/// An externref global holds any JS value, by identity.
fn global_externref_holds_any_js_value(py: Python<'_>) -> Result<()> {
    check_mutable_global(py, ValueType::Externref, &js::new_object(py)?, &val(py, "text"))?;
    Ok(())
}

/// An anyfunc global holds an exported Wasm function and refuses other objects.
fn global_anyfunc_holds_a_wasm_function(py: Python<'_>) -> Result<()> {
    let func = export(py, &every_export(py)?, "func")?;
    let null = js::null(py)?;
    let global = check_mutable_global(py, ValueType::Anyfunc, &func, &null)?;
    expect_js_error(py, global.set_value(py, &js::new_object(py)?), "TypeError", "anyfunc global set to {}")
}

/// Without a value, numeric globals start at zero.
fn global_without_a_value_is_zero(py: Python<'_>) -> Result<()> {
    for ty in [ValueType::I32, ValueType::I64, ValueType::F32, ValueType::F64] {
        let global = Global::new(py, &GlobalDescriptor { value: ty, mutable: None }, None)?;
        let value: f64 = js_call(py, "(v) => Number(v)", (global.value(py)?,))?.extract()?;
        ensure!(value == 0.0, "{ty}: default {value}");
    }
    Ok(())
}

/// `set_value` on an immutable global (mutable absent or false) is a `TypeError`.
fn global_immutable_rejects_set_value(py: Python<'_>) -> Result<()> {
    for mutable in [None, Some(false)] {
        let global = Global::new(py, &GlobalDescriptor { value: ValueType::I32, mutable }, Some(&val(py, 1)))?;
        expect_js_error(py, global.set_value(py, &val(py, 2)), "TypeError", "set_value on an immutable global")?;
        ensure!(global.value(py)?.extract::<i32>()? == 1, "mutable {mutable:?}: the value changed");
    }
    Ok(())
}

/// A v128 global cannot be made from JS: a `TypeError`.
fn global_v128_cannot_be_made_from_js(py: Python<'_>) -> Result<()> {
    let descriptor = GlobalDescriptor { value: ValueType::V128, mutable: None };
    expect_js_error(py, Global::new(py, &descriptor, None), "TypeError", "a v128 global")
}

/// An imported mutable global is one cell shared by Rust and Wasm.
fn global_is_shared_with_wasm(py: Python<'_>) -> Result<()> {
    let global = Global::new(py, &GlobalDescriptor { value: ValueType::I32, mutable: Some(true) }, Some(&val(py, 1)))?;
    let compiled = module(py, r#"(module
        (import "env" "g" (global $g (mut i32)))
        (func (export "get") (result i32) (global.get $g))
        (func (export "set") (param i32) (global.set $g (local.get 0))))"#)?;
    let instance = Instance::new(py, &compiled, Some(&import_object(py, &[("env", &[("g", global.as_js().bind(py))])])?))?;
    global.set_value(py, &val(py, 99))?;
    ensure!(call_export(py, &instance, "get", &[])?.extract::<i32>()? == 99, "Wasm did not see set_value");
    call_export(py, &instance, "set", &[val(py, -3)])?;
    ensure!(global.value(py)?.extract::<i32>()? == -3, "value did not see Wasm's global.set");
    Ok(())
}

// ---------------------------------------------------------------------------
// Tag and Exception.
// ---------------------------------------------------------------------------

/// `Tag::new` makes a `WebAssembly.Tag` that a module can import.
fn tag_new_from_a_tag_type(py: Python<'_>) -> Result<()> {
    let tag = Tag::new(py, &TagType { parameters: vec![ValueType::I32, ValueType::F64] })?;
    ensure!(js::instance_of(tag.as_js().bind(py), &Tag::constructor(py)?)?, "not a WebAssembly.Tag");
    let compiled = module(py, r#"(module (import "env" "tag" (tag (param i32 f64))))"#)?;
    Instance::new(py, &compiled, Some(&import_object(py, &[("env", &[("tag", tag.as_js().bind(py))])])?))
        .context("a module importing a tag of that type did not link")?;
    Ok(())
}

/// `Exception::get_arg` returns each payload value, converted by its type; an
/// index past the payload is a `RangeError`.
fn exception_get_arg_returns_the_payload(py: Python<'_>) -> Result<()> {
    let tag = Tag::new(py, &TagType { parameters: vec![ValueType::I32, ValueType::I64, ValueType::F64, ValueType::Externref] })?;
    let reference = js::new_object(py)?;
    // A large i64: see `global_small_i64_crosses_as_a_bigint` for small ones.
    let payload = [val(py, 5), bigint(py, -1 << 60)?, val(py, 2.5), reference.clone()];
    let exception = Exception::new(py, &tag, &payload, None)?;
    ensure!(exception.get_arg(py, &tag, 0)?.extract::<i32>()? == 5, "arg 0");
    ensure!(exception.get_arg(py, &tag, 1)?.extract::<i64>()? == -1 << 60, "arg 1");
    ensure!(exception.get_arg(py, &tag, 2)?.extract::<f64>()? == 2.5, "arg 2");
    ensure!(same(&exception.get_arg(py, &tag, 3)?, &reference)?, "arg 3");
    expect_js_error(py, exception.get_arg(py, &tag, 4), "RangeError", "getArg(4) of 4")
}

/// `Exception::is` is true for the exception's tag only.
fn exception_is_checks_the_tag(py: Python<'_>) -> Result<()> {
    let tag = Tag::new(py, &TagType { parameters: vec![] })?;
    let other = Tag::new(py, &TagType { parameters: vec![] })?;
    let exception = Exception::new(py, &tag, &[], None)?;
    ensure!(exception.is(py, &tag)?, "not its own tag");
    ensure!(!exception.is(py, &other)?, "another tag with the same type");
    expect_js_error(py, exception.get_arg(py, &other, 0), "TypeError", "getArg with another tag")
}

/// `Exception::stack` is a string with `traceStack: true`, undefined otherwise.
fn exception_stack_follows_trace_stack(py: Python<'_>) -> Result<()> {
    let tag = Tag::new(py, &TagType { parameters: vec![] })?;
    let traced = Exception::new(py, &tag, &[], Some(&ExceptionOptions { trace_stack: Some(true) }))?;
    let stack = traced.stack(py)?;
    // WebKitGTK 2.50's JavaScriptCore has no `stack` on `WebAssembly.Exception`
    // at all (a documented engine difference); where the attribute exists,
    // `traceStack: true` must fill it.
    let has_stack = js::run_js(py, "(e) => 'stack' in e")?.call1((traced.as_js(),))?.extract::<bool>()?;
    ensure!(
        !has_stack || stack.extract::<String>().is_ok_and(|s| !s.is_empty()),
        "traceStack: true gave stack {stack}"
    );
    for options in [None, Some(ExceptionOptions { trace_stack: Some(false) }), Some(ExceptionOptions::default())] {
        let plain = Exception::new(py, &tag, &[], options.as_ref())?;
        ensure!(plain.stack(py)?.is_none(), "options {options:?} gave a stack");
    }
    Ok(())
}

/// `Exception::new` converts the payload by the tag's types: a number for an
/// i64 parameter is a `TypeError`.
fn exception_payload_is_converted_by_the_tag(py: Python<'_>) -> Result<()> {
    let tag = Tag::new(py, &TagType { parameters: vec![ValueType::I64] })?;
    expect_js_error(py, Exception::new(py, &tag, &[val(py, 5)], None), "TypeError", "a number for (i64)")?;
    let exception = Exception::new(py, &tag, &[bigint(py, 1 << 60)?], None)?;
    ensure!(type_of(&exception.get_arg(py, &tag, 0)?)? == "bigint", "an i64 argument is not a BigInt");
    Ok(())
}

/// A module that exports a tag `e` (i32) and a function `throw` that throws it.
const THROWER: &str = r#"(module
    (tag $e (export "e") (param i32))
    (func (export "throw") (param i32) (throw $e (local.get 0))))"#;

/// A `WebAssembly.Exception` thrown by Wasm (caught in JS) has the exported
/// tag and the payload.
fn exception_thrown_by_wasm_has_tag_and_payload(py: Python<'_>) -> Result<()> {
    let instance = Instance::new(py, &module(py, THROWER)?, None)?;
    let tag = Tag::cast(&export(py, &instance, "e")?)?.context("the exported tag is not a Tag")?;
    // Caught in JS: Pyodide turns a thrown value that is not an `Error` into a
    // new `Error` (see `exception_escaping_a_call_is_a_clean_err`).
    let caught = js_call(py, "(f) => { try { f(7); return 'returned'; } catch (e) { return e; } }", (export(py, &instance, "throw")?,))?;
    let exception = Exception::cast(&caught)?.with_context(|| format!("{caught} is not an Exception"))?;
    ensure!(exception.is(py, &tag)?, "the exception does not carry the exported tag");
    ensure!(exception.get_arg(py, &tag, 0)?.extract::<i32>()? == 7, "payload");
    Ok(())
}

/// A `WebAssembly.Exception` escaping a wrapper's JS call is an `Err`. Pyodide
/// replaces a thrown value that is not an `Error` with a new `Error` that only
/// names it, so the `Err` carries the exception itself only if that changes.
fn exception_escaping_a_call_is_a_clean_err(py: Python<'_>) -> Result<()> {
    let instance = Instance::new(py, &module(py, THROWER)?, None)?;
    let tag = Tag::cast(&export(py, &instance, "e")?)?.context("the exported tag is not a Tag")?;
    let error = thrown(py, call_export(py, &instance, "throw", &[val(py, 7)]), "throw(7)")?;
    if let Some(exception) = Exception::cast(&error)? {
        ensure!(exception.is(py, &tag)?, "the escaped exception lost its tag");
        println!("    the WebAssembly.Exception survives in the Err");
    } else {
        ensure!(is_a(&error, "Error")?, "{error} is neither the exception nor an Error");
        let message: String = js::get_property(&error, "message")?.extract()?;
        ensure!(message.contains("WebAssembly.Exception"), "the Error does not name the exception: {message:?}");
        println!("    the WebAssembly.Exception is lost: Pyodide replaced it with an Error");
    }
    Ok(())
}

/// An `Exception` made in Rust with a `Tag` made in Rust, thrown by an imported
/// JS function, is caught by Wasm matching on that imported tag.
fn exception_from_rust_is_caught_by_wasm(py: Python<'_>) -> Result<()> {
    let tag = Tag::new(py, &TagType { parameters: vec![ValueType::I32] })?;
    let exception = Exception::new(py, &tag, &[val(py, 1234)], None)?;
    let throw = js_call(py, "(e) => () => { throw e; }", (exception.as_js(),))?;
    let compiled = module(py, r#"(module
        (import "env" "tag" (tag $e (param i32)))
        (import "env" "throw" (func $throw))
        (func (export "catch") (result i32)
          try (result i32)
            call $throw
            i32.const -1
          catch $e
          end))"#)?;
    let imports = import_object(py, &[("env", &[("tag", tag.as_js().bind(py)), ("throw", &throw)])])?;
    let instance = Instance::new(py, &compiled, Some(&imports))?;
    let caught: i32 = call_export(py, &instance, "catch", &[])?.extract()?;
    ensure!(caught == 1234, "Wasm caught payload {caught}");
    Ok(())
}

// ---------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------

/// `Module::new` of garbage fails with a `CompileError` (and no other error class).
fn compile_error_from_invalid_bytes(py: Python<'_>) -> Result<()> {
    let error = thrown(py, Module::new(py, &garbage(py)?, None), "Module::new(garbage)")?;
    let compile_error = CompileError::cast(&error)?.with_context(|| format!("{error} is not a CompileError"))?;
    ensure!(!compile_error.message(py)?.is_empty(), "empty message");
    ensure!(LinkError::cast(&error)?.is_none() && RuntimeError::cast(&error)?.is_none(), "also another error class");
    Ok(())
}

/// `Instance::new` with an import of the wrong type fails with a `LinkError`.
fn link_error_from_a_wrong_typed_import(py: Python<'_>) -> Result<()> {
    let compiled = module(py, r#"(module (import "env" "f" (func)))"#)?;
    let not_a_function = val(py, 5);
    let imports = import_object(py, &[("env", &[("f", &not_a_function)])])?;
    let error = thrown(py, Instance::new(py, &compiled, Some(&imports)), "Instance::new")?;
    let link_error = LinkError::cast(&error)?.with_context(|| format!("{error} is not a LinkError"))?;
    let message = link_error.message(py)?;
    ensure!(message.contains("f"), "message {message:?} does not name the import");
    Ok(())
}

/// Running `unreachable` fails with a `RuntimeError` that says so.
fn runtime_error_from_unreachable(py: Python<'_>) -> Result<()> {
    let instance = Instance::new(py, &module(py, r#"(module (func (export "trap") unreachable))"#)?, None)?;
    let error = thrown(py, call_export(py, &instance, "trap", &[]), "trap()")?;
    let runtime_error = RuntimeError::cast(&error)?.with_context(|| format!("{error} is not a RuntimeError"))?;
    let message = runtime_error.message(py)?;
    // Each engine words it its own way ("unreachable", "unreachable executed",
    // "Unreachable code should not be executed").
    ensure!(TrapCode::from_message(&message) == TrapCode::Unreachable, "message {message:?}");
    Ok(())
}

/// The three error constructors make `Error`s with the given message (empty without one).
fn error_constructors_set_the_message(py: Python<'_>) -> Result<()> {
    let made = [
        ("CompileError", CompileError::new(py, Some("c"))?.message(py)?, CompileError::new(py, None)?.into_js()),
        ("LinkError", LinkError::new(py, Some("l"))?.message(py)?, LinkError::new(py, None)?.into_js()),
        ("RuntimeError", RuntimeError::new(py, Some("r"))?.message(py)?, RuntimeError::new(py, None)?.into_js()),
    ];
    for (class, message, without) in made {
        let expected = class[..1].to_lowercase();
        ensure!(message == expected, "{class}: message {message:?}");
        let without = without.bind(py);
        ensure!(is_a(without, "Error")?, "{class} is not an Error");
        ensure!(js::get_property(without, "message")?.extract::<String>()?.is_empty(), "{class}: default message");
        ensure!(js::get_property(without, "name")?.extract::<String>()? == class, "{class}: name");
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Every interface.
// ---------------------------------------------------------------------------

/// Each `cast` accepts an object of its own class and refuses every other
/// class, a plain object and a number.
fn every_cast_accepts_only_its_own_kind(py: Python<'_>) -> Result<()> {
    let instance = every_export(py)?;
    let tag = Tag::new(py, &TagType { parameters: vec![] })?;
    let objects: Vec<(&str, Bound<'_, PyAny>)> = vec![
        ("Module", module(py, EMPTY)?.into_js().into_bound(py)),
        ("Instance", instance.as_js().bind(py).clone()),
        ("Memory", export(py, &instance, "memory")?),
        ("Table", export(py, &instance, "table")?),
        ("Global", export(py, &instance, "global")?),
        ("Tag", tag.as_js().bind(py).clone()),
        ("Exception", Exception::new(py, &tag, &[], None)?.into_js().into_bound(py)),
        ("CompileError", CompileError::new(py, None)?.into_js().into_bound(py)),
        ("LinkError", LinkError::new(py, None)?.into_js().into_bound(py)),
        ("RuntimeError", RuntimeError::new(py, None)?.into_js().into_bound(py)),
        ("a plain object", js::new_object(py)?),
        ("a number", val(py, 1)),
    ];
    type Cast = fn(&Bound<'_, PyAny>) -> PyResult<bool>;
    let casts: [(&str, Cast); 10] = [
        ("Module", |v| Ok(Module::cast(v)?.is_some())),
        ("Instance", |v| Ok(Instance::cast(v)?.is_some())),
        ("Memory", |v| Ok(Memory::cast(v)?.is_some())),
        ("Table", |v| Ok(Table::cast(v)?.is_some())),
        ("Global", |v| Ok(Global::cast(v)?.is_some())),
        ("Tag", |v| Ok(Tag::cast(v)?.is_some())),
        ("Exception", |v| Ok(Exception::cast(v)?.is_some())),
        ("CompileError", |v| Ok(CompileError::cast(v)?.is_some())),
        ("LinkError", |v| Ok(LinkError::cast(v)?.is_some())),
        ("RuntimeError", |v| Ok(RuntimeError::cast(v)?.is_some())),
    ];
    for (class, cast) in casts {
        for (kind, object) in &objects {
            let accepted = cast(object)?;
            ensure!(accepted == (class == *kind), "{class}::cast of {kind} gave {}", if accepted { "Some" } else { "None" });
        }
    }
    Ok(())
}

/// For one interface: `constructor` is `WebAssembly[name]`, and
/// `from_js_unchecked`, `as_js`, `clone_ref`, `Clone` and `into_js` keep the
/// same JS object.
macro_rules! check_handles {
    ($py:expr, $ty:ident, $object:expr) => {{
        let py = $py;
        let object: Bound<'_, PyAny> = $object;
        let name = stringify!($ty);
        let class = js::get_property(&WebAssembly::namespace_object(py)?, name)?;
        ensure!(same(&$ty::constructor(py)?, &class)?, "{name}::constructor is not WebAssembly.{name}");
        let wrapper = $ty::from_js_unchecked(object.clone().unbind());
        ensure!(same(wrapper.as_js().bind(py), &object)?, "{name}: as_js");
        ensure!(same(wrapper.clone_ref(py).as_js().bind(py), &object)?, "{name}: clone_ref");
        ensure!(same(wrapper.clone().as_js().bind(py), &object)?, "{name}: clone");
        ensure!(same(&wrapper.into_js().into_bound(py), &object)?, "{name}: into_js");
    }};
}

/// The handle functions of every interface keep the same JS object.
fn handles_refer_to_the_same_js_object(py: Python<'_>) -> Result<()> {
    let instance = every_export(py)?;
    let tag = Tag::new(py, &TagType { parameters: vec![] })?;
    check_handles!(py, Module, module(py, EMPTY)?.into_js().into_bound(py));
    check_handles!(py, Instance, instance.as_js().bind(py).clone());
    check_handles!(py, Memory, export(py, &instance, "memory")?);
    check_handles!(py, Table, export(py, &instance, "table")?);
    check_handles!(py, Global, export(py, &instance, "global")?);
    check_handles!(py, Tag, tag.as_js().bind(py).clone());
    check_handles!(py, Exception, Exception::new(py, &tag, &[], None)?.into_js().into_bound(py));
    check_handles!(py, CompileError, CompileError::new(py, None)?.into_js().into_bound(py));
    check_handles!(py, LinkError, LinkError::new(py, None)?.into_js().into_bound(py));
    check_handles!(py, RuntimeError, RuntimeError::new(py, None)?.into_js().into_bound(py));
    Ok(())
}

// ---------------------------------------------------------------------------
// Dictionaries.
// ---------------------------------------------------------------------------

/// Checks that the JS object `object` has exactly the keys `keys` (in order).
fn ensure_keys(object: &Bound<'_, PyAny>, keys: &str, what: &str) -> Result<()> {
    let found: String = js_call(object.py(), "(o) => Object.keys(o).join()", (object,))?.extract()?;
    ensure!(found == keys, "{what}: JS keys {found:?}, expected {keys:?}");
    Ok(())
}

/// `MemoryDescriptor`: JS member names, omitted optional members, and back.
fn memory_descriptor_round_trip(py: Python<'_>) -> Result<()> {
    let full = MemoryDescriptor { initial: val(py, 1).unbind(), maximum: Some(val(py, 2).unbind()), shared: Some(false), address: Some(AddressType::I64) };
    let object = full.to_js(py)?;
    // Upstream's members in their order, then those of the partial
    // definition in spec/additions.webidl.
    ensure_keys(&object, "initial,maximum,address,shared", "MemoryDescriptor")?;
    ensure!(js::get_property(&object, "address")?.extract::<String>()? == "i64", "address is not the string \"i64\"");
    let back = MemoryDescriptor::from_js(&object)?;
    ensure!(back.initial.bind(py).extract::<u32>()? == 1, "initial");
    ensure!(back.maximum.as_ref().map(|m| m.bind(py).extract::<u32>()).transpose()? == Some(2), "maximum");
    ensure!(back.shared == Some(false) && back.address == Some(AddressType::I64), "shared/address");
    let minimal = MemoryDescriptor { initial: val(py, 0).unbind(), maximum: None, shared: None, address: None };
    let object = minimal.to_js(py)?;
    ensure_keys(&object, "initial", "minimal MemoryDescriptor")?;
    let back = MemoryDescriptor::from_js(&object)?;
    ensure!(back.maximum.is_none() && back.shared.is_none() && back.address.is_none(), "absent members came back");
    Ok(())
}

/// `TableDescriptor`: JS member names, the enum as a string, and back.
fn table_descriptor_round_trip(py: Python<'_>) -> Result<()> {
    let descriptor = TableDescriptor { element: TableKind::Anyfunc, initial: val(py, 3).unbind(), maximum: Some(val(py, 9).unbind()), address: Some(AddressType::I32) };
    let object = descriptor.to_js(py)?;
    ensure_keys(&object, "element,initial,maximum,address", "TableDescriptor")?;
    ensure!(js::get_property(&object, "element")?.extract::<String>()? == "anyfunc", "element");
    let back = TableDescriptor::from_js(&object)?;
    ensure!(back.element == TableKind::Anyfunc && back.address == Some(AddressType::I32), "element/address");
    ensure!(back.initial.bind(py).extract::<u32>()? == 3, "initial");
    ensure!(back.maximum.as_ref().map(|m| m.bind(py).extract::<u32>()).transpose()? == Some(9), "maximum");
    let minimal = TableDescriptor { element: TableKind::Externref, initial: val(py, 0).unbind(), maximum: None, address: None };
    ensure_keys(&minimal.to_js(py)?, "element,initial", "minimal TableDescriptor")?;
    Ok(())
}

/// `GlobalDescriptor`: JS member names and back (with and without `mutable`).
fn global_descriptor_round_trip(py: Python<'_>) -> Result<()> {
    let descriptor = GlobalDescriptor { value: ValueType::F64, mutable: Some(true) };
    let object = descriptor.to_js(py)?;
    ensure_keys(&object, "value,mutable", "GlobalDescriptor")?;
    ensure!(GlobalDescriptor::from_js(&object)? == descriptor, "round trip");
    let immutable = GlobalDescriptor { value: ValueType::Externref, mutable: None };
    ensure!(!has_key(&immutable.to_js(py)?, "mutable")?, "an absent `mutable` was set");
    ensure!(GlobalDescriptor::from_js(&immutable.to_js(py)?)? == immutable, "round trip without mutable");
    Ok(())
}

/// `TagType`: `parameters` is a JS array of strings, and back.
fn tag_type_round_trip(py: Python<'_>) -> Result<()> {
    let tag_type = TagType { parameters: vec![ValueType::I64, ValueType::Externref, ValueType::V128] };
    let object = tag_type.to_js(py)?;
    let joined: String = js_call(py, "(o) => Array.isArray(o.parameters) ? o.parameters.join() : 'not an array'", (&object,))?.extract()?;
    ensure!(joined == "i64,externref,v128", "parameters {joined}");
    ensure!(TagType::from_js(&object)? == tag_type, "round trip");
    let empty = TagType { parameters: vec![] };
    ensure!(TagType::from_js(&empty.to_js(py)?)? == empty, "empty round trip");
    Ok(())
}

/// `ExceptionOptions`: the JS name `traceStack`, and back.
fn exception_options_round_trip(py: Python<'_>) -> Result<()> {
    let options = ExceptionOptions { trace_stack: Some(true) };
    let object = options.to_js(py)?;
    ensure_keys(&object, "traceStack", "ExceptionOptions")?;
    ensure!(ExceptionOptions::from_js(&object)? == options, "round trip");
    ensure!(ExceptionOptions::from_js(&ExceptionOptions::default().to_js(py)?)? == ExceptionOptions::default(), "default");
    Ok(())
}

/// `WebAssemblyCompileOptions`: the JS names `importedStringConstants` and
/// `builtins`, and back.
fn compile_options_round_trip(py: Python<'_>) -> Result<()> {
    let options = WebAssemblyCompileOptions {
        imported_string_constants: Some(Some("strings".into())),
        builtins: Some(vec!["js-string".into()]),
    };
    let object = options.to_js(py)?;
    ensure_keys(&object, "importedStringConstants,builtins", "WebAssemblyCompileOptions")?;
    ensure!(WebAssemblyCompileOptions::from_js(&object)? == options, "round trip");
    let default = WebAssemblyCompileOptions::default();
    ensure!(WebAssemblyCompileOptions::from_js(&default.to_js(py)?)? == default, "default");
    Ok(())
}

/// `ModuleExportDescriptor`, with a name that is not ASCII, and back.
fn module_export_descriptor_round_trip(py: Python<'_>) -> Result<()> {
    let descriptor = ModuleExportDescriptor { name: "名前 ☃".into(), kind: ImportExportKind::Tag };
    let object = descriptor.to_js(py)?;
    ensure_keys(&object, "name,kind", "ModuleExportDescriptor")?;
    ensure!(ModuleExportDescriptor::from_js(&object)? == descriptor, "round trip");
    Ok(())
}

/// `ModuleImportDescriptor`, with an empty module name, and back.
fn module_import_descriptor_round_trip(py: Python<'_>) -> Result<()> {
    let descriptor = ModuleImportDescriptor { module: String::new(), name: "then".into(), kind: ImportExportKind::Global };
    let object = descriptor.to_js(py)?;
    ensure_keys(&object, "module,name,kind", "ModuleImportDescriptor")?;
    ensure!(ModuleImportDescriptor::from_js(&object)? == descriptor, "round trip");
    Ok(())
}

/// `WebAssemblyInstantiatedSource`: the same module and instance come back.
fn instantiated_source_round_trip(py: Python<'_>) -> Result<()> {
    let compiled = module(py, EMPTY)?;
    let instance = Instance::new(py, &compiled, None)?;
    let source = WebAssemblyInstantiatedSource { module: compiled, instance };
    let object = source.to_js(py)?;
    ensure_keys(&object, "module,instance", "WebAssemblyInstantiatedSource")?;
    let back = WebAssemblyInstantiatedSource::from_js(&object)?;
    ensure!(same(back.module.as_js().bind(py), source.module.as_js().bind(py))?, "module");
    ensure!(same(back.instance.as_js().bind(py), source.instance.as_js().bind(py))?, "instance");
    Ok(())
}

/// `from_js` refuses a missing required member and a string outside an enum.
fn dictionary_from_js_rejects_bad_members(py: Python<'_>) -> Result<()> {
    ensure!(MemoryDescriptor::from_js(&js::new_object(py)?).is_err(), "MemoryDescriptor without `initial`");
    ensure!(WebAssemblyInstantiatedSource::from_js(&js::new_object(py)?).is_err(), "an empty instantiated source");
    let bad_kind = js::new_object(py)?;
    js::set_property(&bad_kind, "name", &val(py, "x"))?;
    js::set_property(&bad_kind, "kind", &val(py, "funktion"))?;
    ensure!(ModuleExportDescriptor::from_js(&bad_kind).is_err(), "kind \"funktion\" was accepted");
    Ok(())
}

// ---------------------------------------------------------------------------
// Enums.
// ---------------------------------------------------------------------------

/// The WebIDL the bindings are generated from: the upstream IDL, then this
/// crate's additions (whose `partial` definitions add to upstream ones).
const WEBIDL: &str = concat!(
    include_str!("../../../spec/upstream/js-api.webidl"),
    include_str!("../../../spec/additions.webidl")
);

/// The strings of `enum name { ... };` in the WebIDL.
fn webidl_enum_values(name: &str) -> Result<Vec<&'static str>> {
    let start = WEBIDL.find(&format!("enum {name} {{")).with_context(|| format!("no enum {name} in the WebIDL"))?;
    let body = &WEBIDL[start..];
    let body = &body[..body.find("};").context("unterminated enum")?];
    let values = body
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with('"'))
        .filter_map(|line| line.split('"').nth(1))
        .collect();
    Ok(values)
}

/// For one enum: `VALUES` are the WebIDL strings in order, `as_str` and
/// `from_js_str` are inverse, `Display` is `as_str`, unknown strings are `None`.
macro_rules! check_enum {
    ($ty:ident) => {{
        let name = stringify!($ty);
        let strings: Vec<&str> = $ty::VALUES.iter().map(|v| v.as_str()).collect();
        let expected = webidl_enum_values(name)?;
        ensure!(strings == expected, "{name}: VALUES {strings:?}, WebIDL {expected:?}");
        for value in $ty::VALUES {
            ensure!($ty::from_js_str(value.as_str()) == Some(*value), "{name}: {value} does not round trip");
            ensure!(value.to_string() == value.as_str(), "{name}: Display of {value:?}");
        }
        ensure!($ty::from_js_str("").is_none() && $ty::from_js_str("I32").is_none(), "{name}: unknown strings");
        Ok(())
    }};
}

/// `ImportExportKind`: every value.
fn enum_import_export_kind(_py: Python<'_>) -> Result<()> {
    check_enum!(ImportExportKind)
}

/// `AddressType`: every value.
fn enum_address_type(_py: Python<'_>) -> Result<()> {
    check_enum!(AddressType)
}

/// `TableKind`: every value.
fn enum_table_kind(_py: Python<'_>) -> Result<()> {
    check_enum!(TableKind)
}

/// `ValueType`: every value.
fn enum_value_type(_py: Python<'_>) -> Result<()> {
    check_enum!(ValueType)
}

// ---------------------------------------------------------------------------
// Coverage.
// ---------------------------------------------------------------------------

/// The expansion snapshots, one per WebIDL definition.
const EXPANDED: &[(&str, &str)] = &[
    ("AddressType", include_str!("../../../backend-macros/tests/expanded/AddressType.rs")),
    ("CompileError", include_str!("../../../backend-macros/tests/expanded/CompileError.rs")),
    ("Exception", include_str!("../../../backend-macros/tests/expanded/Exception.rs")),
    ("ExceptionOptions", include_str!("../../../backend-macros/tests/expanded/ExceptionOptions.rs")),
    ("Global", include_str!("../../../backend-macros/tests/expanded/Global.rs")),
    ("GlobalDescriptor", include_str!("../../../backend-macros/tests/expanded/GlobalDescriptor.rs")),
    ("ImportExportKind", include_str!("../../../backend-macros/tests/expanded/ImportExportKind.rs")),
    ("Instance", include_str!("../../../backend-macros/tests/expanded/Instance.rs")),
    ("LinkError", include_str!("../../../backend-macros/tests/expanded/LinkError.rs")),
    ("Memory", include_str!("../../../backend-macros/tests/expanded/Memory.rs")),
    ("MemoryDescriptor", include_str!("../../../backend-macros/tests/expanded/MemoryDescriptor.rs")),
    ("Module", include_str!("../../../backend-macros/tests/expanded/Module.rs")),
    ("ModuleExportDescriptor", include_str!("../../../backend-macros/tests/expanded/ModuleExportDescriptor.rs")),
    ("ModuleImportDescriptor", include_str!("../../../backend-macros/tests/expanded/ModuleImportDescriptor.rs")),
    ("RuntimeError", include_str!("../../../backend-macros/tests/expanded/RuntimeError.rs")),
    ("Suspending", include_str!("../../../backend-macros/tests/expanded/Suspending.rs")),
    ("Table", include_str!("../../../backend-macros/tests/expanded/Table.rs")),
    ("TableDescriptor", include_str!("../../../backend-macros/tests/expanded/TableDescriptor.rs")),
    ("TableKind", include_str!("../../../backend-macros/tests/expanded/TableKind.rs")),
    ("Tag", include_str!("../../../backend-macros/tests/expanded/Tag.rs")),
    ("TagType", include_str!("../../../backend-macros/tests/expanded/TagType.rs")),
    ("ValueType", include_str!("../../../backend-macros/tests/expanded/ValueType.rs")),
    ("WebAssembly", include_str!("../../../backend-macros/tests/expanded/WebAssembly.rs")),
    ("WebAssemblyCompileOptions", include_str!("../../../backend-macros/tests/expanded/WebAssemblyCompileOptions.rs")),
    ("WebAssemblyInstantiatedSource", include_str!("../../../backend-macros/tests/expanded/WebAssemblyInstantiatedSource.rs")),
];

/// This file, to check that each listed function is called somewhere in it.
const THIS_FILE: &str = include_str!("bindings_tests.rs");

/// The names of the WebIDL definitions (`interface`, `dictionary`, `enum`, `namespace`).
fn webidl_definitions() -> BTreeSet<&'static str> {
    WEBIDL
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let keyword = words.next()?;
            let name = words.next()?;
            matches!(keyword, "interface" | "dictionary" | "enum" | "namespace").then_some(name)
        })
        .collect()
}

/// `Type::function` for each public function of the inherent impl of a snapshot.
fn generated_functions(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<&str> = None;
    for line in source.lines() {
        if let Some(rest) = line.strip_prefix("impl ") {
            // `impl Type {` is the inherent impl; trait impls (`impl X for Type`) are not.
            current = rest.strip_suffix(" {").filter(|ty| ty.chars().all(|c| c.is_alphanumeric() || c == '_'));
        } else if let (Some(ty), Some(rest)) = (current, line.trim_start().strip_prefix("pub "))
            && let Some(name) = rest.trim_start_matches("const ").strip_prefix("fn ")
        {
            let name: String = name.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            found.push(format!("{ty}::{name}"));
        }
    }
    found
}

/// The code of this file, comment lines left out.
fn code_of_this_file() -> String {
    THIS_FILE
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `code` calls `Type::function` (as listed), as `Type::function(`,
/// `$ty::function(` (in a macro) or `.function(` (a method).
fn calls(code: &str, listed: &str) -> bool {
    let Some((ty, function)) = listed.split_once("::") else { return false };
    [format!("{ty}::{function}("), format!("$ty::{function}("), format!(".{function}(")]
        .iter()
        .any(|pattern| code.contains(pattern.as_str()))
}

/// Every function in the expansion snapshots is listed in [`COVERED`], every
/// listed function exists and is called here, and every WebIDL definition has
/// a snapshot.
fn every_generated_function_is_covered(_py: Python<'_>) -> Result<()> {
    let snapshots: BTreeSet<&str> = EXPANDED.iter().map(|(name, _)| *name).collect();
    let definitions = webidl_definitions();
    ensure!(snapshots == definitions, "snapshots {snapshots:?} differ from the WebIDL definitions {definitions:?}");
    let generated: BTreeSet<String> = EXPANDED.iter().flat_map(|(_, source)| generated_functions(source)).collect();
    ensure!(generated.len() > 100, "the snapshot scan found only {} functions", generated.len());
    let listed: BTreeSet<String> = COVERED.iter().map(|s| (*s).to_owned()).collect();
    ensure!(listed.len() == COVERED.len(), "COVERED has duplicates");
    let missing: Vec<_> = generated.difference(&listed).collect();
    ensure!(missing.is_empty(), "generated functions no case calls: {missing:?}");
    let unknown: Vec<_> = listed.difference(&generated).collect();
    ensure!(unknown.is_empty(), "listed as covered but not generated: {unknown:?}");
    let code = code_of_this_file();
    let uncalled: Vec<_> = COVERED.iter().filter(|listed| !calls(&code, listed)).collect();
    ensure!(uncalled.is_empty(), "listed but never called here: {uncalled:?}");
    println!("    {} generated functions in {} snapshots, all called", generated.len(), snapshots.len());
    Ok(())
}
