//! The WebAssembly spec test suite (crate `spectest`) on this backend, inside
//! real Pyodide. Kept apart from the main test extension: the packaged test
//! scripts are large.
//!
//! Reports and baselines are files: the harness mounts the host's directories
//! into Pyodide's file system, and Rust's `std::fs` reaches them there.
//!
//! Every entry point returns a dict: `summary` (the one-line summary),
//! `passed`, `failed`, `skipped`, `skipped_by_reason` (reason name → count)
//! `failures` (every failure as `(script, line, directive, message)`) and
//! `markdown` (the full report).

use conformance::{Capabilities, Target, TrapKind};
use pyo3::exceptions::PyAssertionError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::path::Path;
use wasm_runtime_layer::Engine;

/// This backend as a spec-test target, on the fast path or the portable one.
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

/// The report as a Python dict (see the crate documentation).
fn to_dict<'py>(py: Python<'py>, report: &spectest::Report) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("summary", report.summary())?;
    dict.set_item("passed", report.passed())?;
    dict.set_item("failed", report.failed())?;
    dict.set_item("skipped", report.skipped())?;
    let by_reason = PyDict::new(py);
    for (reason, count) in report.skipped_by_reason() {
        by_reason.set_item(reason.name(), count)?;
    }
    dict.set_item("skipped_by_reason", by_reason)?;
    let failures: Vec<(String, usize, &str, &str)> = report
        .files
        .iter()
        .flat_map(|file| {
            file.failures.iter().map(move |f| {
                (
                    format!("{}/{}", file.group, file.name),
                    f.line,
                    f.directive,
                    f.message.as_str(),
                )
            })
        })
        .collect();
    dict.set_item("failures", failures)?;
    dict.set_item("markdown", report.to_markdown())?;
    Ok(dict)
}

/// Runs the core spec, writes the report to `report_path`, and checks the pass
/// count against `baseline_path` (which only moves up; `SPECTEST_BLESS=1`
/// records a higher count). Raises `AssertionError` when the count dropped.
#[pyfunction]
#[pyo3(signature = (report_path, baseline_path, portable = false))]
fn run_core<'py>(
    py: Python<'py>,
    report_path: &str,
    baseline_path: &str,
    portable: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let report = spectest::run_core(&target(portable));
    write_report(&report, report_path)?;
    spectest::baseline_ok(&report, Path::new(baseline_path))
        .map_err(|e| PyAssertionError::new_err(format!("{e:#}")))?;
    to_dict(py, &report)
}

/// Runs every proposal the host engine (V8 in Node 20) supports and writes
/// the report to `report_path`.
#[pyfunction]
#[pyo3(signature = (report_path, portable = false))]
fn run_proposals<'py>(
    py: Python<'py>,
    report_path: &str,
    portable: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let report = spectest::run_proposals(&target(portable), spectest::suite::NODE_20_PROPOSALS);
    write_report(&report, report_path)?;
    to_dict(py, &report)
}

/// Runs one `.wast` script given as text (a reproduction, or one file of the
/// suite), on the fast path or the portable one.
#[pyfunction]
#[pyo3(signature = (name, text, portable = false))]
fn run_wast<'py>(
    py: Python<'py>,
    name: &str,
    text: &str,
    portable: bool,
) -> PyResult<Bound<'py, PyDict>> {
    to_dict(py, &spectest::run_wast(&target(portable), name, text))
}

/// [`SpecTarget`] claiming that the host engine compiles every proposal, for
/// [`audit_core_all_proposals`].
struct AllProposals(tests::PyodideTarget);

impl Target for AllProposals {
    type Engine = pyodide_runtime_layer::Engine;

    fn name(&self) -> &'static str {
        "pyodide (every proposal claimed)"
    }

    fn engine(&self) -> Engine<Self::Engine> {
        self.0.engine()
    }

    fn trap_kind(&self, err: &anyhow::Error) -> Option<TrapKind> {
        self.0.trap_kind(err)
    }

    fn trap_matches(&self, err: &anyhow::Error, expected: TrapKind) -> bool {
        self.0.trap_matches(err, expected)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            proposals: conformance::Proposals::All,
            ..self.0.capabilities()
        }
    }
}

/// Audit of the "proposal not enabled" skips: the core spec with every
/// module handed to the engine. Each directive skipped in [`run_core`] for a
/// proposal should fail here with V8's `CompileError` (or depend on such a
/// module); a genuine pass here means the Node 20 feature list is too narrow.
/// Never part of the checked numbers.
#[pyfunction]
#[pyo3(signature = (portable = false))]
fn audit_core_all_proposals<'py>(py: Python<'py>, portable: bool) -> PyResult<Bound<'py, PyDict>> {
    to_dict(py, &spectest::run_core(&AllProposals(target(portable))))
}

/// The spec test extension module.
#[pymodule]
fn rtl_spectest(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run_core, m)?)?;
    m.add_function(wrap_pyfunction!(run_proposals, m)?)?;
    m.add_function(wrap_pyfunction!(run_wast, m)?)?;
    m.add_function(wrap_pyfunction!(audit_core_all_proposals, m)?)?;
    Ok(())
}
