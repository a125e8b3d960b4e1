//! The demo extension: a PyO3 module that hosts Wasm through
//! `wasm_runtime_layer`. Built natively it runs on wasmtime; built for
//! Pyodide (`wasm32-unknown-emscripten`) it runs on the host JS engine through
//! `pyodide_runtime_layer`. The program and the host code are the same.

pub mod program;

use pyo3::prelude::*;

/// The engine of this build.
#[cfg(target_os = "emscripten")]
fn engine() -> (wasm_runtime_layer::Engine<pyodide_runtime_layer::Engine>, &'static str) {
    (wasm_runtime_layer::Engine::new(pyodide_runtime_layer::Engine::default()), "pyodide_runtime_layer (the JS engine hosting Pyodide)")
}

/// The engine of this build.
#[cfg(not(target_os = "emscripten"))]
fn engine() -> (wasm_runtime_layer::Engine<wasmtime_runtime_layer::Engine>, &'static str) {
    (wasm_runtime_layer::Engine::new(wasmtime_runtime_layer::Engine::default()), "wasmtime_runtime_layer")
}

/// Runs the bundled program and returns what it printed, one line per step.
#[pyfunction]
fn run() -> PyResult<Vec<String>> {
    let (engine, name) = engine();
    let mut lines = vec![format!("engine: {name}")];
    let output = program::run(&engine).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("{e:#}")))?;
    lines.extend(output);
    Ok(lines)
}

/// The demo module.
#[pymodule]
fn demo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run, m)?)
}
