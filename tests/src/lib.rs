//! Shared test support: the native reference target of the conformance
//! suite and the spec test runner (tests in `tests/`), and the real-Pyodide
//! harness around them (`pyodide/`, `python/`, `pyodide-ext/`).

mod pyodide_target;
#[cfg(not(target_os = "emscripten"))]
mod wasmtime_target;

pub use pyodide_target::PyodideTarget;
#[cfg(not(target_os = "emscripten"))]
pub use wasmtime_target::WasmtimeTarget;
