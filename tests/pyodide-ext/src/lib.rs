//! Test extension.
use pyo3::prelude::*;

/// Adds two numbers (harness smoke test).
#[pyfunction]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

/// The test extension module.
#[pymodule]
fn rtl_tests(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(add, m)?)?;
    Ok(())
}
