//! Installing the fast path: hot operations beneath Python.
//!
//! The extension is itself a WebAssembly side module in the same JS realm as
//! the guest modules it runs. `FastRuntime.install` (spec/boundary.webidl,
//! `src/js/fast_runtime.js`) puts the generated `FastAbi` adapters into the
//! Pyodide loader's import table and the function table, so a call, a memory
//! copy or a global access is one direct wasm→JS call with no Python in
//! between (`crate::boundary::fast_abi`, used by `path/fast.rs`). Values
//! cross as 8-byte slots in Rust memory and JS objects as handles (u32) into
//! one JS table.
//!
//! This relies on Pyodide internals (`pyodide._module`, the loader's import
//! table, `getWasmTableEntry`, `addFunction`). [`runtime`] detects them once;
//! if anything is missing, or on a native build, it reports `None` and every
//! engine takes the portable path instead. Every adapter catches everything
//! and returns a status, and the host trampoline (`host_func.rs`) catches
//! panics, so neither a JS exception nor a Rust panic ever unwinds across the
//! boundary.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use std::sync::OnceLock;
use wasm_runtime_layer::FuncType;

use crate::boundary::{FastRuntime, fast_abi};

/// Proof that the fast path is installed: the [`FastRuntime`] operations
/// that Rust reaches through Python (once per object or signature, never
/// per call), with the conversions they need.
pub(crate) struct Runtime {
    _installed: (),
}

/// Set to a non-empty value to turn the fast path off for the whole process.
pub const PORTABLE_ENV: &str = "PYODIDE_RUNTIME_LAYER_PORTABLE";

static RUNTIME: PyOnceLock<Option<Runtime>> = PyOnceLock::new();

/// Why the fast path is off, when it is (for diagnostics).
static UNAVAILABLE: OnceLock<String> = OnceLock::new();

/// The fast path, or `None` when this Pyodide does not support it.
pub(crate) fn runtime(py: Python<'_>) -> Option<&Runtime> {
    RUNTIME
        .get_or_init(py, || match install(py) {
            Ok(runtime) => Some(runtime),
            Err(why) => {
                let _ = UNAVAILABLE.set(why);
                None
            }
        })
        .as_ref()
}

/// Whether the fast path is installed (tried once per process; never natively).
pub(crate) fn installed() -> bool {
    static INSTALLED: OnceLock<bool> = OnceLock::new();
    if cfg!(not(target_os = "emscripten")) {
        return false;
    }
    *INSTALLED.get_or_init(|| Python::attach(|py| runtime(py).is_some()))
}

/// Why the fast path is unavailable, or `None` if it is in use.
pub fn unavailable_reason() -> Option<String> {
    Python::attach(|py| match runtime(py) {
        Some(_) => None,
        None => Some(UNAVAILABLE.get().cloned().unwrap_or_else(|| "unknown".to_owned())),
    })
}

impl Runtime {
    /// A handle for `value` in the JS handle table.
    pub(crate) fn register(&self, py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<u32> {
        FastRuntime::register(py, value)
    }

    /// The JS value behind `handle`.
    pub(crate) fn value<'py>(&self, py: Python<'py>, handle: u32) -> PyResult<Bound<'py, PyAny>> {
        FastRuntime::value(py, handle)
    }

    /// The id of a function type in the fast path's signature table
    /// (registered on first need; later lookups stay in Rust).
    pub(crate) fn sig_id(&self, py: Python<'_>, ty: &FuncType) -> PyResult<u32> {
        crate::signature::fast_id(ty, |sig| FastRuntime::sig_id(py, sig))
    }

    /// A Wasm function of signature `sig` calling host function `id` through
    /// the trampoline, or `None` if `sig` has non-numeric types;
    /// `trampoline` is the Rust entry point's function-table index.
    pub(crate) fn host_function<'py>(&self, py: Python<'py>, trampoline: u32, id: u32, sig: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let f = FastRuntime::host_function(py, trampoline, id, sig)?;
        Ok(if crate::js::is_nullish(py, &f)? { None } else { Some(f) })
    }

    /// The JS error the last failed fast operation recorded.
    pub(crate) fn take_error<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        FastRuntime::take_error(py)
    }
}

/// Scratch memory for host calls from JS: arguments and results as slots.
const SCRATCH_SLOTS: usize = 8192;

fn install(py: Python<'_>) -> Result<Runtime, String> {
    if cfg!(not(target_os = "emscripten")) {
        return Err("the fast path exists only in Pyodide (wasm32-unknown-emscripten)".to_owned());
    }
    if std::env::var_os(PORTABLE_ENV).is_some_and(|v| !v.is_empty()) {
        return Err(format!("{PORTABLE_ENV} is set"));
    }
    static SCRATCH: std::sync::Mutex<Option<Box<[u64]>>> = std::sync::Mutex::new(None);
    let scratch_ptr = {
        let mut scratch = SCRATCH.lock().map_err(|_| "scratch lock poisoned".to_owned())?;
        scratch.get_or_insert_with(|| vec![0u64; SCRATCH_SLOTS].into_boxed_slice()).as_ptr() as usize
    };
    let module = py
        .import("pyodide_js")
        .and_then(|m| m.getattr("_module"))
        .map_err(|e| format!("pyodide._module is not reachable: {e}"))?;
    let scratch = u32::try_from(scratch_ptr).map_err(|_| "the scratch area lies beyond 4 GiB".to_owned())?;
    let not_installed = FastRuntime::install(py, &module, scratch, (SCRATCH_SLOTS * 8) as u32)
        .map_err(|e| format!("FastRuntime.install failed: {e}"))?;
    if let Some(why) = not_installed {
        return Err(why);
    }
    // The imports now resolve (directly or through the loader's lazy stub).
    // SAFETY: `ping` takes and returns an i32 and touches no memory.
    if unsafe { fast_abi::ping(41) } != 42 {
        return Err("the fast path self-test failed".to_owned());
    }
    // The same functions in the function table, when the runtime put them there.
    let entries = FastRuntime::direct_entries(py).map_err(|e| format!("FastRuntime.directEntries failed: {e}"))?;
    if let Some(entries) = entries {
        let indices: Vec<usize> = entries.into_iter().map(|i| i as usize).collect();
        // SAFETY: the generated `FastAbi.register` added each adapter with
        // the signature its operation declares, in declaration order.
        if unsafe { fast_abi::set_direct(&indices) } {
            // SAFETY: as for the import above.
            if unsafe { fast_abi::ping(41) } != 42 {
                return Err("the fast path self-test through the function table failed".to_owned());
            }
        }
    }
    Ok(Runtime { _installed: () })
}
