//! Classifying what a JS operation raised, on either path, into the
//! backend's typed errors (`crate::error`): traps with their code, Wasm
//! exceptions with their payload decoded through the store's tags, other JS
//! errors by name; a host function's own error comes back unchanged.

use crate::bindings;
use crate::boundary::Portable;
use crate::call_state::take_host_error;
use crate::error::{JsError, Trap, TrapCode, WasmException};
use crate::store::StoreInner;
use super::convert::from_js;
use pyo3::prelude::*;
use wasm_runtime_layer::ValType;

/// Turns what a JS operation raised into the backend's typed error.
///
/// A host function's own error comes back unchanged (still downcastable).
pub(crate) fn from_py_err<T>(py: Python<'_>, err: PyErr, store: Option<&mut StoreInner<T>>) -> anyhow::Error {
    if let Some(host) = take_host_error() {
        return host;
    }
    match classify(py, &err, store) {
        Ok(Some(typed)) => typed,
        Ok(None) => anyhow::anyhow!("{err}"),
        Err(inner) => anyhow::anyhow!("{err} (while classifying it: {inner})"),
    }
}

/// The error of a failed fast-path operation: the parked host error, or the
/// JS error the fast runtime recorded.
pub(crate) fn fast_error<T>(store: Option<&mut StoreInner<T>>) -> anyhow::Error {
    if let Some(host) = take_host_error() {
        return host;
    }
    Python::attach(|py| {
        let recorded = match crate::fast::runtime(py) {
            Some(runtime) => runtime.take_error(py),
            None => return anyhow::anyhow!("the fast path failed and is not installed"),
        };
        match recorded.and_then(|e| classify_js(py, &e, store)) {
            Ok(typed) => typed,
            Err(err) => anyhow::anyhow!("a fast-path operation failed: {err}"),
        }
    })
}

/// The typed error for a `JsException`, or `None` for a Python exception.
fn classify<T>(py: Python<'_>, err: &PyErr, store: Option<&mut StoreInner<T>>) -> PyResult<Option<anyhow::Error>> {
    let value = err.value(py);
    if !crate::pyodide_ffi::is_js_exception(py, value)? {
        return Ok(None);
    }
    classify_js(py, value, store).map(Some)
}

/// The typed error for a JS error value.
fn classify_js<T>(py: Python<'_>, value: &Bound<'_, PyAny>, store: Option<&mut StoreInner<T>>) -> PyResult<anyhow::Error> {
    let described = Portable::describe_error(py, value)?;
    let [kind, message, location] = described.as_slice() else {
        return Err(pyo3::exceptions::PyValueError::new_err("describeError returned no [kind, message, location]"));
    };
    let (kind, message, location): (String, String, String) = (kind.extract()?, message.extract()?, location.extract()?);
    // A trap is a `WebAssembly.RuntimeError` (the generated checked
    // downcast asks JS), not any error that calls itself one.
    if bindings::RuntimeError::cast(value)?.is_some() {
        let sites = store.as_ref().map_or(&[][..], |store| &store.owned.table_sites[..]);
        return Ok(Trap { code: TrapCode::from_trap(&message, &location, sites), message }.into());
    }
    Ok(match kind.as_str() {
        // Stack exhaustion: V8 and JavaScriptCore throw a `RangeError`,
        // SpiderMonkey an `InternalError`.
        "RangeError" | "InternalError" if TrapCode::from_message(&message) == TrapCode::StackOverflow => {
            Trap { code: TrapCode::StackOverflow, message }.into()
        }
        "Exception" => exception(py, value, store)?.into(),
        _ => JsError { name: kind, message }.into(),
    })
}

/// Decodes a `WebAssembly.Exception` with the tags the store knows.
fn exception<T>(py: Python<'_>, value: &Bound<'_, PyAny>, store: Option<&mut StoreInner<T>>) -> PyResult<WasmException> {
    let mut found = WasmException { exception: std::sync::Arc::new(value.clone().unbind()), tag: None, payload: None };
    let Some(store) = store else { return Ok(found) };
    let tags: Vec<(std::sync::Arc<Py<PyAny>>, Vec<ValType>)> = store.owned.tags.clone();
    for (tag, types) in tags {
        let Some(payload) = Portable::exception_payload(py, value, tag.bind(py), &crate::type_code::codes(&types))? else {
            continue;
        };
        let mut values = Vec::with_capacity(types.len());
        for (item, ty) in payload.iter().zip(&types) {
            values.push(from_js(py, item, *ty, store).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?);
        }
        found.tag = Some(tag);
        found.payload = Some(values);
        break;
    }
    Ok(found)
}
