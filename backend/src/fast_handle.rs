//! `FastHandle`: a JS object's entry in the fast path's handle table,
//! registered on first use and freed when the last Rust owner drops.

use pyo3::prelude::*;
use std::sync::{Arc, OnceLock};

/// The fast-path handle of one JS object (shared by the clones of its owner).
#[derive(Clone, Default)]
pub(crate) struct FastHandle(Arc<Slot>);

#[derive(Default)]
struct Slot(OnceLock<u32>);

impl Drop for Slot {
    fn drop(&mut self) {
        if let Some(handle) = self.0.get() {
            // SAFETY: the handle was registered by the installed fast path.
            unsafe { crate::fast::rtl1_free(*handle) };
        }
    }
}

impl std::fmt::Debug for FastHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FastHandle({:?})", self.0.0.get())
    }
}

impl FastHandle {
    /// The handle, registering `value` on first use; `None` without a fast path.
    pub(crate) fn get(&self, value: &Py<PyAny>) -> Option<u32> {
        if let Some(handle) = self.0.0.get() {
            return Some(*handle);
        }
        Python::attach(|py| {
            let handle = crate::fast::runtime(py)?.register(py, value.bind(py)).ok()?;
            match self.0.0.set(handle) {
                Ok(()) => Some(handle),
                // Registered meanwhile (re-entrantly): keep the first, free ours.
                Err(_) => {
                    // SAFETY: `handle` was just registered and is owned by nobody.
                    unsafe { crate::fast::rtl1_free(handle) };
                    self.0.0.get().copied()
                }
            }
        })
    }
}
