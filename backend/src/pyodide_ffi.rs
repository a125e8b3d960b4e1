//! Pyodide FFI primitives the backend relies on beyond `crate::js`: `JsException`,
//! proxies of Python objects, and memoryviews over Rust memory, which JS reads
//! and writes in place (`PyProxy.getBuffer`): bulk copies with no intermediate
//! Python `bytes` and no copy on our side.

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

/// A writable memoryview over `bytes`, handed to `f` and released after it.
pub(crate) fn with_memoryview_mut<R>(py: Python<'_>, bytes: &mut [u8], f: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<R>) -> PyResult<R> {
    let view = memoryview(py, bytes, true)?;
    let result = f(&view);
    view.call_method0("release")?;
    result
}

/// A read-only memoryview over `bytes`, handed to `f` and released after it.
pub(crate) fn with_memoryview<R>(py: Python<'_>, bytes: &[u8], f: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<R>) -> PyResult<R> {
    let view = memoryview(py, bytes, false)?;
    let result = f(&view);
    view.call_method0("release")?;
    result
}
