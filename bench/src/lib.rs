//! Benchmarks of `pyodide_runtime_layer` in real Pyodide, each beside the limit
//! it is measured against in the same run, with the sub-steps that explain the
//! difference (`cargo xtask bench` writes the table to BENCHMARKS.md). Only
//! built for Pyodide.

#[cfg(target_os = "emscripten")]
mod bench;
#[cfg(target_os = "emscripten")]
mod kernels;
#[cfg(target_os = "emscripten")]
mod measure;
#[cfg(target_os = "emscripten")]
mod modules;
#[cfg(target_os = "emscripten")]
mod spin_loops;

#[cfg(target_os = "emscripten")]
use pyo3::prelude::*;

/// Runs every benchmark. Returns a dict: `rows` (one dict per table row, with
/// every member's per-round samples in ns) and the timing parameters.
#[cfg(target_os = "emscripten")]
#[pyfunction]
fn run(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyDict>> {
    let err = |e: anyhow::Error| pyo3::exceptions::PyRuntimeError::new_err(format!("{e:#}"));
    let (step, cost) = measure::timer();
    let rows = bench::run(py).map_err(err)?;
    let out = pyo3::types::PyDict::new(py);
    out.set_item("rows", rows)?;
    out.set_item("timer_step_ns", step)?;
    out.set_item("timer_cost_ns", cost)?;
    out.set_item("rounds", measure::ROUNDS)?;
    out.set_item("sample_ns", measure::SAMPLE_NS)?;
    out.set_item("warm_up_ns", measure::WARM_UP_NS)?;
    out.set_item("fast_path_unavailable", pyodide_runtime_layer::Engine::fast_path_unavailable_reason())?;
    Ok(out)
}

/// The kernels of `rtl-kernels` timed in this side module: a list of
/// `(name, ns per round)`, and the rounds per run.
#[cfg(target_os = "emscripten")]
#[pyfunction]
fn time_kernels(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyDict>> {
    let out = pyo3::types::PyDict::new(py);
    out.set_item("side_module", kernels::measure())?;
    out.set_item("rounds", kernels::ROUNDS)?;
    out.set_item("runs", kernels::RUNS)?;
    Ok(out)
}

/// Repeats one fast-path operation `n` times (`spin_loops.rs`), for a profiler.
#[cfg(target_os = "emscripten")]
#[pyfunction]
fn spin(op: &str, n: u64) -> PyResult<()> {
    spin_loops::spin(op, n).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("{e:#}")))
}

/// The benchmark extension module.
#[cfg(target_os = "emscripten")]
#[pymodule]
fn rtl_bench(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(time_kernels, m)?)?;
    m.add_function(wrap_pyfunction!(spin, m)?)
}
