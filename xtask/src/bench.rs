//! `cargo xtask bench`: the benchmark extension in real Pyodide; the table goes
//! to BENCHMARKS.md (with the notes kept in `bench/notes.md`).

use crate::command::root;
use crate::pyodide::{build_extension, node};
use anyhow::{Context, Result};

/// Builds and runs the benchmarks, then writes BENCHMARKS.md.
pub fn run() -> Result<()> {
    let ext = build_extension("bench-ext", "rtl_bench")?;
    std::fs::create_dir_all(root().join("target/bench"))?;
    let ext_arg = format!("rtl_bench={}", ext.display());
    let mount = format!("{}:/repo", root().display());
    let script = root().join("bench/run.py").display().to_string();
    node(&["--ext", &ext_arg, "--mount", &mount, "--script", &script])?;
    let table = std::fs::read_to_string(root().join("target/bench/table.md")).context("the benchmark wrote no table")?;
    let notes = std::fs::read_to_string(root().join("bench/notes.md")).unwrap_or_default();
    std::fs::write(root().join("BENCHMARKS.md"), format!("{table}\n{notes}"))?;
    println!("wrote BENCHMARKS.md");
    Ok(())
}
