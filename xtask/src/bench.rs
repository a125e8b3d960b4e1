//! `cargo xtask bench`: the benchmark extension (`bench/`) in real Pyodide,
//! under Node (V8) and under Bun (JavaScriptCore). `bench/run.py` measures,
//! prints the table and renders the report (`bench/report.py`) into
//! target/bench; this task then puts Node's at BENCHMARKS.md and Bun's at
//! bench/report/bun.md (so a failed run leaves the checked-in files alone).

use crate::command::root;
use crate::matrix::Host;
use crate::pyodide::build_extension;
use anyhow::{Context, Result};
use std::time::Duration;

/// Builds and runs the benchmarks on each host, then writes the reports.
pub fn run() -> Result<()> {
    let ext = build_extension("bench-ext", "rtl_bench")?;
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out)?;
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
