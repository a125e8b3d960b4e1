//! `JsRef`: a JS value held by Rust, reachable both ways: as a Pyodide
//! `JsProxy` (the portable path) and as a handle in the fast path's table.
//! Each form is made on first need, so objects the fast path creates never
//! touch Python unless a portable operation asks for them, and an element
//! of a JS array (an instance's exports) gets its own proxy only when used:
//! Pyodide makes a proxy per value that reaches Python, a few µs each.

use pyo3::prelude::*;
use std::sync::{Arc, OnceLock, Weak};

/// A shared reference to one JS value.
#[derive(Clone)]
pub(crate) struct JsRef(Arc<Inner>);

/// How a value reached Rust: the form it came with, never to change (a
/// plain field, so making a `JsRef` initializes no lock).
enum Birth {
    /// A `JsProxy` Pyodide handed to Python.
    Proxy(Py<PyAny>),
    /// A fast-path handle, ours to free.
    Handle(u32),
    /// Element `index` of a JS array (shared by its elements), its proxy
    /// made on first need.
    Element(Arc<Py<PyAny>>, usize),
}

struct Inner {
    birth: Birth,
    /// The proxy, when the value came in another form and one was needed.
    proxy: OnceLock<Py<PyAny>>,
    /// The handle, when the value came in another form and one was needed.
    handle: OnceLock<u32>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        let handle = match self.birth {
            Birth::Handle(handle) => Some(handle),
            _ => self.handle.get().copied(),
        };
        if let Some(handle) = handle {
            // SAFETY: the handle was registered by the installed fast path and is ours.
            unsafe { crate::boundary::fast_abi::free(handle) };
        }
    }
}

/// Identifies a [`JsRef`] without keeping it alive (its allocation stays,
/// so no other `JsRef` can ever be at the same address).
pub(crate) struct WeakJsRef(Weak<Inner>);

impl WeakJsRef {
    /// Whether `value` is the `JsRef` this was made from.
    pub(crate) fn is(&self, value: &JsRef) -> bool {
        std::ptr::eq(self.0.as_ptr(), Arc::as_ptr(&value.0))
    }
}

impl std::fmt::Debug for WeakJsRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WeakJsRef")
    }
}

impl std::fmt::Debug for JsRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "JsRef(handle: {:?})", self.known_handle())
    }
}

impl JsRef {
    fn born(birth: Birth) -> Self {
        Self(Arc::new(Inner { birth, proxy: OnceLock::new(), handle: OnceLock::new() }))
    }

    /// A value Pyodide handed to Python.
    pub(crate) fn from_proxy(proxy: Py<PyAny>) -> Self {
        Self::born(Birth::Proxy(proxy))
    }

    /// A value the fast path registered; the handle is ours to free.
    pub(crate) fn from_handle(handle: u32) -> Self {
        Self::born(Birth::Handle(handle))
    }

    /// Element `index` of the JS array `array`, its proxy made on first need.
    pub(crate) fn element_of(array: Arc<Py<PyAny>>, index: usize) -> Self {
        Self::born(Birth::Element(array, index))
    }

    /// A weak identity of this reference.
    pub(crate) fn downgrade(&self) -> WeakJsRef {
        WeakJsRef(Arc::downgrade(&self.0))
    }

    /// The value as a `JsProxy`, fetched on first need (from its array, or
    /// from the handle table).
    pub(crate) fn proxy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        if let Birth::Proxy(proxy) = &self.0.birth {
            return Ok(proxy.bind(py).clone());
        }
        if let Some(proxy) = self.0.proxy.get() {
            return Ok(proxy.bind(py).clone());
        }
        let value = match &self.0.birth {
            Birth::Proxy(proxy) => proxy.bind(py).clone(),
            Birth::Element(array, index) => array.bind(py).get_item(*index)?,
            Birth::Handle(handle) => match crate::fast::runtime(py) {
                Some(runtime) => runtime.value(py, *handle)?,
                None => return Err(pyo3::exceptions::PyRuntimeError::new_err("a JS value with a handle but no fast path")),
            },
        };
        Ok(self.0.proxy.get_or_init(|| value.unbind()).bind(py).clone())
    }

    /// The handle, if the value has one yet.
    pub(crate) fn known_handle(&self) -> Option<u32> {
        match self.0.birth {
            Birth::Handle(handle) => Some(handle),
            _ => self.0.handle.get().copied(),
        }
    }

    /// The value's fast-path handle, registered on first need; `None` without a fast path.
    #[inline]
    pub(crate) fn handle(&self) -> Option<u32> {
        match self.known_handle() {
            Some(handle) => Some(handle),
            None => self.register_handle(),
        }
    }

    /// Registers the value with the fast runtime (`handle`'s first need).
    #[cold]
    fn register_handle(&self) -> Option<u32> {
        Python::attach(|py| {
            let runtime = crate::fast::runtime(py)?;
            let proxy = self.proxy(py).ok()?;
            let handle = runtime.register(py, &proxy).ok()?;
            if self.0.handle.set(handle).is_err() {
                // Registered meanwhile (re-entrantly): keep the first, free ours.
                // SAFETY: `handle` was just registered and nobody else has it.
                unsafe { crate::boundary::fast_abi::free(handle) };
            }
            self.0.handle.get().copied()
        })
    }
}
