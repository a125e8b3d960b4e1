//! `cargo xtask bench`: the benchmark extension (`bench/`) in real Pyodide,
//! under Node (V8) and under Bun (JavaScriptCore). `bench/run.py` measures,
//! prints the table and renders the report (`bench/report.py`) into
//! target/bench; this task then puts Node's at BENCHMARKS.md and Bun's at
//! bench/report/bun.md (so a failed run leaves the checked-in files alone).

use crate::command::{cargo, output, root};
use crate::matrix::Host;
use crate::pyodide::build_extension;
use anyhow::{Context, Result};
use std::time::Duration;

/// Builds and runs the benchmarks on each host, then writes the reports.
pub fn run() -> Result<()> {
    let ext = build_extension("bench-ext", "rtl_bench")?;
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out)?;
    kernels(&out)?;
    native(&out)?;
    for (host, name, dest) in [(Host::Node, "BENCHMARKS", "BENCHMARKS.md"), (Host::Bun, "bun", "bench/report/bun.md")] {
        let _ = std::fs::remove_file(out.join(format!("{name}.md")));
        let args = [
            "--ext".to_owned(),
            format!("rtl_bench={}", ext.display()),
            "--mount".to_owned(),
            format!("{}:/repo", root().display()),
            "--env".to_owned(),
            format!("RTL_BENCH_NAME={name}"),
            "--script".to_owned(),
            root().join("bench/run.py").display().to_string(),
        ];
        host.run_watched(&args, Duration::from_secs(600))?;
        let report = std::fs::read_to_string(out.join(format!("{name}.md"))).context("the benchmark wrote no report")?;
        let dest = root().join(dest);
        std::fs::create_dir_all(dest.parent().unwrap_or(&root()))?;
        std::fs::write(&dest, report)?;
        println!("wrote {} (measurements: target/bench/{name}.json)", dest.display());
    }
    Ok(())
}

/// The Rust target of the plain (non-PIC, no Emscripten) Wasm build of the kernels.
const PLAIN_TARGET: &str = "wasm32-unknown-unknown";

/// Prepares the comparison of ordinary Rust work (`bench/kernels`): builds
/// the kernels as a plain Wasm module (`bench/run.py` times it in the same
/// engine as the side module) and times them natively, into
/// `target/bench/kernels-native.json`.
fn kernels(out: &std::path::Path) -> Result<()> {
    crate::setup::rust_target(PLAIN_TARGET)?;
    cargo(&["rustc", "--quiet", "--release", "-p", "rtl-kernels", "--lib", "--target", PLAIN_TARGET, "--crate-type", "cdylib"], &[])?;
    let cargo_bin = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let manifest = root().join("Cargo.toml").display().to_string();
    let native = output(&cargo_bin, &["run", "--quiet", "--release", "--manifest-path", &manifest, "-p", "rtl-kernels", "--bin", "rtl-kernels-native"])?;
    std::fs::write(out.join("kernels-native.json"), native.trim())?;
    Ok(())
}

/// Times the benchmark's operations natively on `wasmtime_runtime_layer`
/// (`bench/native`: the same host code through `wasm_runtime_layer`, the
/// same modules and timing), into `target/bench/native.json`, which
/// `bench/run.py` puts beside the Pyodide measurements for the report's
/// native column.
fn native(out: &std::path::Path) -> Result<()> {
    println!("timing the operations natively on wasmtime_runtime_layer (bench/native)");
    let cargo_bin = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let manifest = root().join("Cargo.toml").display().to_string();
    let native = output(&cargo_bin, &["run", "--quiet", "--release", "--manifest-path", &manifest, "-p", "rtl-bench-native"])?;
    std::fs::write(out.join("native.json"), native.trim())?;
    Ok(())
}
