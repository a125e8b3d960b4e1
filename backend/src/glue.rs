//! The backend's JavaScript side (`glue.js`), loaded once per interpreter.
//!
//! The generated bindings cover everything the WebAssembly JS API describes;
//! `glue.js` holds what it does not: value conversions done on the JS side
//! (BigInt, null references), import objects keyed safely, host functions
//! turned into Wasm functions, and function-type discovery.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// The JS functions of `glue.js`, each looked up once.
pub struct Glue {
    /// `describeError(e) -> [kind, message, location]`
    pub describe_error: Py<PyAny>,
    /// `exceptionPayload(e, tag, types) -> values[] | null`
    pub exception_payload: Py<PyAny>,
    /// `externRefId(v) -> id | -1`
    pub extern_ref_id: Py<PyAny>,
    /// `funcSig(f, candidates?) -> sig | null` (probes the candidates only when given)
    pub func_sig: Py<PyAny>,
    /// `getGlobal(global, type) -> value`
    pub get_global: Py<PyAny>,
    /// `hostFunction(pyCallable, sig) -> Wasm function`
    pub host_function: Py<PyAny>,
    /// `installFast(Module, scratch, scratchBytes) -> runtime | reason`
    pub install_fast: Py<PyAny>,
    /// `makeCaller(f, params, results) -> (...args) => result | results[]`
    pub make_caller: Py<PyAny>,
    /// `makeInstantiator(module, sigs) -> (...imports) => exports[]` (registers function signatures)
    pub make_instantiator: Py<PyAny>,
    /// `compileBuffer(pyBuffer) -> WebAssembly.Module` (no copy of the bytes)
    pub compile_buffer: Py<PyAny>,
    /// `readInto(memory, offset, pyBuffer)`: one copy from a memory into Rust memory
    pub read_into: Py<PyAny>,
    /// `writeFrom(memory, offset, pyBuffer)`: one copy from Rust memory into a memory
    pub write_from: Py<PyAny>,
    /// `newExternRef(id) -> object`
    pub new_extern_ref: Py<PyAny>,
    /// `newGlobal(type, mutable, value) -> WebAssembly.Global`
    pub new_global: Py<PyAny>,
    /// `newTable(element, initial, maximum, init) -> WebAssembly.Table`
    pub new_table: Py<PyAny>,
    /// `setGlobal(global, type, value)`
    pub set_global: Py<PyAny>,
    /// `tableGrow(table, element, delta, init) -> old size`
    pub table_grow: Py<PyAny>,
    /// `tableSet(table, element, index, value)`
    pub table_set: Py<PyAny>,
}

static GLUE: PyOnceLock<Glue> = PyOnceLock::new();

/// The loaded glue, evaluating `glue.js` on first use.
pub fn glue(py: Python<'_>) -> PyResult<&Glue> {
    GLUE.get_or_try_init(py, || {
        let object = crate::js::run_js(py, include_str!("glue.js"))?;
        let get = |name: &str| -> PyResult<Py<PyAny>> {
            Ok(crate::js::get_property(&object, name)?.unbind())
        };
        Ok(Glue {
            describe_error: get("describeError")?,
            exception_payload: get("exceptionPayload")?,
            extern_ref_id: get("externRefId")?,
            func_sig: get("funcSig")?,
            get_global: get("getGlobal")?,
            host_function: get("hostFunction")?,
            install_fast: get("installFast")?,
            make_caller: get("makeCaller")?,
            make_instantiator: get("makeInstantiator")?,
            compile_buffer: get("compileBuffer")?,
            read_into: get("readInto")?,
            write_from: get("writeFrom")?,
            new_extern_ref: get("newExternRef")?,
            new_global: get("newGlobal")?,
            new_table: get("newTable")?,
            set_global: get("setGlobal")?,
            table_grow: get("tableGrow")?,
            table_set: get("tableSet")?,
        })
    })
}
