//! Pyodide FFI primitives the backend relies on beyond `crate::js`: `JsException`,
//! proxies of Python objects, and bulk copies between Rust memory and JS
//! typed arrays (one copy, no intermediate Python `bytes`).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

/// A Python object from `pyodide.ffi`, looked up once.
fn ffi_attr<'py>(py: Python<'py>, cell: &'static PyOnceLock<Py<PyAny>>, name: &str) -> PyResult<&'py Bound<'py, PyAny>> {
    Ok(cell
        .get_or_try_init(py, || Ok::<_, PyErr>(PyModule::import(py, "pyodide.ffi")?.getattr(name)?.unbind()))?
        .bind(py))
}

/// Whether a raised Python exception is a JS error (`pyodide.ffi.JsException`).
pub(crate) fn is_js_exception(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<bool> {
    static JS_EXCEPTION: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    value.is_instance(ffi_attr(py, &JS_EXCEPTION, "JsException")?)
}

/// A JS proxy of a Python object that stays alive until [`destroy_proxy`].
pub(crate) fn create_proxy<'py>(py: Python<'py>, object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    static CREATE_PROXY: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    ffi_attr(py, &CREATE_PROXY, "create_proxy")?.call1((object,))
}

/// Releases a proxy made by [`create_proxy`] (and with it the Python object).
pub(crate) fn destroy_proxy(_py: Python<'_>, proxy: &Bound<'_, PyAny>) -> PyResult<()> {
    proxy.call_method0("destroy").map(drop)
}

/// A read-only memoryview over Rust memory, valid while `bytes` is.
fn memoryview<'py>(py: Python<'py>, bytes: &[u8], writable: bool) -> PyResult<Bound<'py, PyAny>> {
    let flags = if writable { pyo3::ffi::PyBUF_WRITE } else { pyo3::ffi::PyBUF_READ };
    let len = isize::try_from(bytes.len()).map_err(|_| pyo3::exceptions::PyOverflowError::new_err("buffer too large"))?;
    // SAFETY: the view is used only for one copy that finishes before `bytes` goes away.
    unsafe {
        let ptr = pyo3::ffi::PyMemoryView_FromMemory(bytes.as_ptr() as *mut std::os::raw::c_char, len, flags);
        Bound::from_owned_ptr_or_err(py, ptr)
    }
}

/// Copies a JS typed array (`JsBuffer`) into `out` in one step.
pub(crate) fn copy_to_slice(py: Python<'_>, view: &Bound<'_, PyAny>, out: &mut [u8]) -> PyResult<()> {
    let target = memoryview(py, out, true)?;
    view.call_method1("assign_to", (&target,))?;
    target.call_method0("release").map(drop)
}

/// Copies `bytes` into a JS typed array (`JsBuffer`) in one step.
pub(crate) fn copy_from_slice(py: Python<'_>, view: &Bound<'_, PyAny>, bytes: &[u8]) -> PyResult<()> {
    let source = memoryview(py, bytes, false)?;
    view.call_method1("assign", (&source,))?;
    source.call_method0("release").map(drop)
}

/// A new JS `Uint8Array` holding a copy of `bytes` (one bulk copy).
pub(crate) fn uint8_array_from<'py>(py: Python<'py>, bytes: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    static UINT8ARRAY: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let ctor = UINT8ARRAY
        .get_or_try_init(py, || Ok::<_, PyErr>(PyModule::import(py, "js")?.getattr("Uint8Array")?.unbind()))?
        .bind(py);
    let array = ctor.call_method1("new", (bytes.len(),))?;
    copy_from_slice(py, &array, bytes)?;
    Ok(array)
}
