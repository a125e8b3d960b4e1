//! The extension the test harness loads into real Pyodide (`tests/python/`).
//!
//! It exposes the engine-generic conformance suite run on this backend, tests
//! of the generated bindings, and a WAT compiler for the Python tests.

mod backend_tests;
mod bindings_tests;
mod churn;
mod fuzz;

use pyo3::exceptions::{PyAssertionError, PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Compiles WebAssembly text to binary.
#[pyfunction]
fn wat2wasm<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = wat::parse_str(text).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(PyBytes::new(py, &bytes))
}

/// The names of the conformance cases, in suite order.
#[pyfunction]
fn conformance_cases() -> Vec<&'static str> {
    conformance::cases::<tests::PyodideTarget>().iter().map(|c| c.name).collect()
}

/// Runs one conformance case on this backend (on the portable path if
/// `portable`); raises `AssertionError` on failure.
#[pyfunction]
#[pyo3(signature = (name, portable = false))]
fn run_conformance_case(name: &str, portable: bool) -> PyResult<()> {
    let target = tests::PyodideTarget { portable };
    let cases = conformance::cases::<tests::PyodideTarget>();
    let case = cases
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| PyKeyError::new_err(name.to_owned()))?;
    conformance::run_case(&target, case).map_err(|e| PyAssertionError::new_err(format!("{e:#}")))
}

/// Feeds `count` mutated modules to `Module::new`; returns `(ok, err, panics, first_panic)`.
#[pyfunction]
fn fuzz_module_new(seed: u64, count: usize) -> (usize, usize, usize, Option<String>) {
    let tally = fuzz::fuzz(&conformance::Target::engine(&tests::PyodideTarget::FAST), seed, count);
    (tally.ok, tally.err, tally.panics, tally.first_panic)
}

/// Runs `cycles` create/call/drop cycles; returns how many captured values were dropped.
#[pyfunction]
fn churn_cycles(cycles: usize) -> PyResult<usize> {
    churn::churn(&conformance::Target::engine(&tests::PyodideTarget::FAST), cycles)
        .map_err(|e| PyAssertionError::new_err(format!("{e:#}")))
}

/// The names of the generated-bindings cases.
#[pyfunction]
fn bindings_cases() -> Vec<&'static str> {
    bindings_tests::CASES.iter().map(|(name, _)| *name).collect()
}

/// Runs one generated-bindings case; raises `AssertionError` on failure.
/// Returns `None`, or for a case that waits on a JS promise, a promise to
/// await (it rejects when a check fails).
#[pyfunction]
fn run_bindings_case<'py>(py: Python<'py>, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    bindings_tests::run(py, name).map_err(|e| PyAssertionError::new_err(format!("{e:#}")))
}

/// The names of the Pyodide-only backend cases.
#[pyfunction]
fn backend_cases() -> Vec<&'static str> {
    backend_tests::CASES.iter().map(|(name, _)| *name).collect()
}

/// Runs one Pyodide-only backend case; raises `AssertionError` on failure.
#[pyfunction]
fn run_backend_case(name: &str) -> PyResult<()> {
    let (_, case) = backend_tests::CASES
        .iter()
        .find(|(n, _)| *n == name)
        .ok_or_else(|| PyKeyError::new_err(name.to_owned()))?;
    case().map_err(|e| PyAssertionError::new_err(format!("{e:#}")))
}

/// Why the fast path is off in this Pyodide, or `None` when it is in use.
#[pyfunction]
fn fast_path_unavailable_reason() -> Option<String> {
    pyodide_runtime_layer::Engine::fast_path_unavailable_reason()
}

/// The test extension module.
#[pymodule]
fn rtl_tests(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(wat2wasm, m)?)?;
    m.add_function(wrap_pyfunction!(conformance_cases, m)?)?;
    m.add_function(wrap_pyfunction!(run_conformance_case, m)?)?;
    m.add_function(wrap_pyfunction!(fast_path_unavailable_reason, m)?)?;
    m.add_function(wrap_pyfunction!(bindings_cases, m)?)?;
    m.add_function(wrap_pyfunction!(run_bindings_case, m)?)?;
    m.add_function(wrap_pyfunction!(backend_cases, m)?)?;
    m.add_function(wrap_pyfunction!(run_backend_case, m)?)?;
    m.add_function(wrap_pyfunction!(fuzz_module_new, m)?)?;
    m.add_function(wrap_pyfunction!(churn_cycles, m)?)?;
    Ok(())
}
