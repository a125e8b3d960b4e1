//! The WebAssembly spec test suite (crate `spectest`) on this backend, inside
//! real Pyodide. Kept apart from the main test extension: the packaged test
//! scripts are large.
//!
//! Reports and baselines are files: the harness mounts the host's directories
//! into Pyodide's file system, and Rust's `std::fs` reaches them there.

use pyo3::exceptions::PyAssertionError;
use pyo3::prelude::*;
use std::path::Path;

fn target(portable: bool) -> tests::PyodideTarget {
    tests::PyodideTarget { portable }
}

/// Writes `report` as Markdown to `path`, creating its directory.
fn write_report(report: &spectest::Report, path: &str) -> PyResult<()> {
    let path = Path::new(path);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, report.to_markdown())?;
    Ok(())
}

/// Runs the core spec, writes the report to `report_path`, and checks the pass
/// count against `baseline_path` (which only moves up; `SPECTEST_BLESS=1`
/// records a higher count). Returns the summary line.
#[pyfunction]
#[pyo3(signature = (report_path, baseline_path, portable = false))]
fn run_core(report_path: &str, baseline_path: &str, portable: bool) -> PyResult<String> {
    let report = spectest::run_core(&target(portable));
    write_report(&report, report_path)?;
    spectest::baseline_ok(&report, Path::new(baseline_path)).map_err(|e| PyAssertionError::new_err(format!("{e:#}")))?;
    Ok(report.summary())
}

/// Runs every proposal the host engine (V8 in Node 20) supports and writes
/// the report to `report_path`. Returns the summary line.
#[pyfunction]
fn run_proposals(report_path: &str) -> PyResult<String> {
    let report = spectest::run_proposals(&target(false), spectest::suite::NODE_20_PROPOSALS);
    write_report(&report, report_path)?;
    Ok(report.summary())
}

/// The spec test extension module.
#[pymodule]
fn rtl_spectest(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run_core, m)?)?;
    m.add_function(wrap_pyfunction!(run_proposals, m)?)?;
    Ok(())
}
