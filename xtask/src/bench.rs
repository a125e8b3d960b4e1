//! `cargo xtask bench`: the benchmark extension (`bench/`) in real Pyodide.
//! `bench/run.py` measures, prints the table and renders the report
//! (`bench/report.py`) into target/bench; this task then puts it at
//! BENCHMARKS.md (so a failed run leaves the checked-in file alone).

use crate::command::root;
use crate::pyodide::{build_extension, node};
use anyhow::{Context, Result};

/// Builds and runs the benchmarks, then writes BENCHMARKS.md.
pub fn run() -> Result<()> {
    let ext = build_extension("bench-ext", "rtl_bench")?;
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out)?;
    let _ = std::fs::remove_file(out.join("BENCHMARKS.md"));
    let ext_arg = format!("rtl_bench={}", ext.display());
    let mount = format!("{}:/repo", root().display());
    let script = root().join("bench/run.py").display().to_string();
    node(&["--ext", &ext_arg, "--mount", &mount, "--script", &script])?;
    let report = std::fs::read_to_string(out.join("BENCHMARKS.md")).context("the benchmark wrote no report")?;
    std::fs::write(root().join("BENCHMARKS.md"), report)?;
    println!("wrote BENCHMARKS.md (measurements: target/bench/results.json)");
    Ok(())
}
