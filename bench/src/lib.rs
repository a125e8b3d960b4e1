//! Benchmarks of `pyodide_runtime_layer` in real Pyodide, each beside the limit
//! it is measured against in the same run (`cargo xtask bench` writes the
//! table to BENCHMARKS.md). Only built for Pyodide.

#[cfg(target_os = "emscripten")]
mod bench;
#[cfg(target_os = "emscripten")]
mod measure;
#[cfg(target_os = "emscripten")]
mod modules;

#[cfg(target_os = "emscripten")]
use pyo3::prelude::*;

/// Runs every benchmark; returns the rows `(operation, path, ours_ns, limit_ns, limit, target, iterations)`.
#[cfg(target_os = "emscripten")]
#[pyfunction]
fn run(py: Python<'_>) -> PyResult<Vec<bench::Row>> {
    bench::run(py).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("{e:#}")))
}

/// The benchmark extension module.
#[cfg(target_os = "emscripten")]
#[pymodule]
fn rtl_bench(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run, m)?)
}
