//! Building extensions for Pyodide and running them in real Pyodide under Node.

use crate::command::{cargo, root, run, run_counted};
use crate::counts::Counts;
use crate::setup::TARGET;
use anyhow::{Context, Result};
use std::path::PathBuf;

/// The pinned Pyodide lines (npm package names in `tests/pyodide/package.json`):
/// the current one first.
pub const LINES: &[&str] = &["pyodide", "pyodide-0.29", "pyodide-0.28"];

/// The Pyodide version of a pinned line (its npm package's `version`).
pub fn version(line: &str) -> String {
    let manifest = root().join("tests/pyodide/node_modules").join(line).join("package.json");
    std::fs::read_to_string(manifest)
        .ok()
        .and_then(|text| {
            let start = text.find("\"version\"")? + "\"version\"".len();
            let rest = text[start..].trim_start().trim_start_matches(':').trim_start().strip_prefix('"')?;
            Some(rest[..rest.find('"')?].to_owned())
        })
        .unwrap_or_else(|| line.to_owned())
}

/// The Python version of a pinned Pyodide line, read from its `pyodide-lock.json`
/// (`info.python`, e.g. `3.14.2` → `3.14`). PyO3 must target exactly this Python.
fn python_version(line: &str) -> Result<String> {
    let lock = root().join("tests/pyodide/node_modules").join(line).join("pyodide-lock.json");
    let text = std::fs::read_to_string(&lock)
        .with_context(|| format!("reading {}", lock.display()))?;
    let key = "\"python\":";
    let start = text.find(key).context("no `python` in pyodide-lock.json")? + key.len();
    let version: String = text[start..]
        .trim_start()
        .trim_start_matches('"')
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let mut parts = version.split('.');
    match (parts.next(), parts.next()) {
        (Some(major), Some(minor)) => Ok(format!("{major}.{minor}")),
        _ => anyhow::bail!("unexpected Python version `{version}` in pyodide-lock.json"),
    }
}

/// Builds the cdylib `package` for the current Pyodide line and returns the
/// path of the side module.
pub fn build_extension(package: &str, lib_name: &str) -> Result<PathBuf> {
    build_extension_for(LINES[0], package, lib_name)
}

/// Builds the cdylib `package` for Pyodide line `line` the way users build
/// theirs, with `pyodide-wheel` (which also packs its wheel, into
/// `target/wheels/<line>`), and returns the side module's path. Each Python
/// version has its own target directory: lines that share one (0.28 and 0.29
/// share Python 3.13) share the extension.
pub fn build_extension_for(line: &str, package: &str, lib_name: &str) -> Result<PathBuf> {
    let python = python_version(line)?;
    let current = python_version(LINES[0])?;
    let target_dir = if python == current { root().join("target") } else { root().join("target").join(format!("python{python}")) };
    let lock = root().join("tests/pyodide/node_modules").join(line).join("pyodide-lock.json");
    let out_dir = root().join("target/wheels").join(line);
    let (lock, out_dir) = (lock.display().to_string(), out_dir.display().to_string());
    run(
        &pyodide_wheel()?.display().to_string(),
        &["build", "--lock", &lock, "--package", package, "--out-dir", &out_dir],
        &root(),
        &[("CARGO_TARGET_DIR", &target_dir.display().to_string())],
    )?;
    Ok(target_dir.join(TARGET).join("release").join(format!("{lib_name}.wasm")))
}

/// Builds `pyodide-wheel` (the workspace's `wheel/`) for this machine and returns its path.
pub fn pyodide_wheel() -> Result<PathBuf> {
    cargo(&["build", "--quiet", "--release", "--package", "pyodide-wheel"], &[])?;
    Ok(root().join("target/release/pyodide-wheel"))
}

/// Runs `node tests/pyodide/run.mjs args`.
pub(crate) fn node(args: &[&str]) -> Result<()> {
    let harness = root().join("tests/pyodide");
    let mut full = vec!["run.mjs"];
    full.extend_from_slice(args);
    run("node", &full, &harness, &[])
}

/// Runs Python tests in Pyodide with `node tests/pyodide/run.mjs args`, counting them.
pub(crate) fn node_tests(args: &[&str]) -> Result<Counts> {
    let harness = root().join("tests/pyodide");
    let mut full = vec!["run.mjs"];
    full.extend_from_slice(args);
    run_counted("node", &full, &harness, &[])
}

/// The demo's wheel, built as users build theirs (`pyodide-wheel`).
fn demo_wheel() -> Result<PathBuf> {
    build_extension("demo", "demo")?;
    let dir = root().join("target/wheels").join(LINES[0]);
    std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("demo-")))
        .with_context(|| format!("no demo wheel in {}", dir.display()))
}

/// The demo's check in Pyodide under Node, installed from its wheel.
pub fn demo_test() -> Result<Counts> {
    let wheel = demo_wheel()?.display().to_string();
    let demo_test = root().join("demo/test_demo.py");
    node_tests(&["--wheel", &wheel, &demo_test.display().to_string()])
}

/// Builds the demo's wheel, installs it in Pyodide under Node
/// (`pyodide.loadPackage`) and runs the demo.
pub fn demo() -> Result<()> {
    let wheel = demo_wheel()?.display().to_string();
    let script = root().join("demo/demo.py");
    node(&["--wheel", &wheel, "--script", &script.display().to_string()])
}
