//! The WebAssembly spec test suite on both engines: wasmtime natively (the
//! reference column) and this backend in real Pyodide.
//!
//! `cargo xtask spectest` runs everything, copies the reports into
//! `spectest/report/` (checked in, linked from the README) and prints the
//! per-group table of both engines, also written to
//! `spectest/report/summary.md`. `cargo xtask test` runs only the core spec
//! in Pyodide ([`core_in_pyodide`]), checked against its baselines.

use crate::command::{cargo, root};
use crate::counts::Counts;
use crate::matrix::Host;
use crate::pyodide::{build_extension, node};
use anyhow::{Context, Result};
use std::fmt::Write as _;
use std::time::Instant;

/// Arguments that load the spec test extension with the repository mounted at `/repo`.
fn pyodide_args() -> Result<Vec<String>> {
    let ext = build_extension("spectest-ext", "rtl_spectest")?;
    let mut args = vec![
        "--ext".to_owned(),
        format!("rtl_spectest={}", ext.display()),
        "--mount".to_owned(),
        format!("{}:/repo", root().display()),
    ];
    if let Ok(bless) = std::env::var("SPECTEST_BLESS") {
        args.extend(["--env".to_owned(), format!("SPECTEST_BLESS={bless}")]);
    }
    Ok(args)
}

/// The core spec in Pyodide, each run checked against its baseline
/// (`spectest/baseline/<name>.txt`; part of `test`): both paths under Node 20,
/// the fast path under Node 24 (V8 with the later proposals) and under Bun
/// (JavaScriptCore).
pub fn core_in_pyodide() -> Result<Counts> {
    let test_file = root().join("tests/python-spectest/test_spectest_core.py").display().to_string();
    let mut counts = Counts::default();
    for (host, runs) in [
        (Host::Node, "pyodide:fast,pyodide-portable:portable"),
        (Host::Node24, "pyodide-node24:fast"),
        (Host::Bun, "pyodide-bun:fast"),
    ] {
        let mut args = pyodide_args()?;
        args.extend(["--env".to_owned(), format!("SPECTEST_RUNS={runs}"), test_file.clone()]);
        let start = Instant::now();
        let suite = host.run_watched(&args, SPECTEST_IDLE)?;
        println!("spectest: the core spec on {} took {:.0?}", host.describe(), start.elapsed());
        counts.add(suite.counts);
    }
    Ok(counts)
}

/// How long one core spec run may print nothing (it prints when it is done).
const SPECTEST_IDLE: std::time::Duration = std::time::Duration::from_secs(1200);

/// The reports: a column label, where the run writes it (relative to the
/// root), and its checked-in name under `spectest/report/`.
const REPORTS: &[(&str, &str, &str)] = &[
    (
        "wasmtime",
        "target/tmp/spectest/wasmtime-core.md",
        "wasmtime-core.md",
    ),
    (
        "wasmtime",
        "target/tmp/spectest/wasmtime-proposals.md",
        "wasmtime-proposals.md",
    ),
    (
        "pyodide",
        "target/spectest/pyodide-core.md",
        "pyodide-core.md",
    ),
    (
        "pyodide, portable path",
        "target/spectest/pyodide-portable-core.md",
        "pyodide-portable-core.md",
    ),
    (
        "pyodide",
        "target/spectest/pyodide-proposals.md",
        "pyodide-proposals.md",
    ),
    (
        "pyodide, Node 24",
        "target/spectest/pyodide-node24-core.md",
        "pyodide-node24-core.md",
    ),
    (
        "pyodide, Bun",
        "target/spectest/pyodide-bun-core.md",
        "pyodide-bun-core.md",
    ),
];

/// Everything: core and proposals on both engines, then the reports and the table.
pub fn all() -> Result<()> {
    let mut timings = Vec::new();

    let start = Instant::now();
    cargo(
        &[
            "test",
            "--package",
            "tests",
            "--test",
            "spectest_wasmtime",
            "--",
            "--include-ignored",
        ],
        &[],
    )?;
    timings.push((
        "wasmtime, core and proposals (native, with the build)",
        start.elapsed(),
    ));

    let start = Instant::now();
    core_in_pyodide()?;
    timings.push((
        "pyodide, core on both paths (with the build)",
        start.elapsed(),
    ));

    let start = Instant::now();
    let mut args = pyodide_args()?;
    args.extend([
        "--script".to_owned(),
        root()
            .join("tests/python-spectest/proposals.py")
            .display()
            .to_string(),
    ]);
    node(&args.iter().map(String::as_str).collect::<Vec<_>>())?;
    timings.push(("pyodide, proposals", start.elapsed()));

    let checked_in = root().join("spectest/report");
    let mut columns: Vec<(String, Vec<GroupRow>)> = Vec::new();
    for &(label, from, to) in REPORTS {
        let text = std::fs::read_to_string(root().join(from))
            .with_context(|| format!("reading the report {from}"))?;
        std::fs::write(checked_in.join(to), &text)
            .with_context(|| format!("writing spectest/report/{to}"))?;
        let rows = group_rows(&text);
        match columns.iter_mut().find(|(l, _)| l == label) {
            Some((_, existing)) => existing.extend(rows),
            None => columns.push((label.to_owned(), rows)),
        }
    }
    let table = summary_table(&columns);
    std::fs::write(checked_in.join("summary.md"), &table)
        .context("writing spectest/report/summary.md")?;

    println!("\n{table}");
    println!(
        "reports: {}",
        REPORTS
            .iter()
            .map(|r| format!("spectest/report/{}", r.2))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("\ntimings:");
    for (what, took) in timings {
        println!("  {what}: {took:.0?}");
    }
    Ok(())
}

/// One row of a report's "Per group" table.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GroupRow {
    group: String,
    passed: usize,
    failed: usize,
    skipped: usize,
}

/// The rows of the "## Per group" table of a Markdown report
/// (`| group | files | passed | failed | skipped | skip reasons |`).
fn group_rows(markdown: &str) -> Vec<GroupRow> {
    markdown
        .lines()
        .skip_while(|l| l.trim() != "## Per group")
        .skip(1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            let number = |i: usize| cells.get(i)?.parse::<usize>().ok();
            Some(GroupRow {
                group: cells.first()?.to_string(),
                passed: number(2)?,
                failed: number(3)?,
                skipped: number(4)?,
            })
        })
        .collect()
}

/// A Markdown table with one row per group and a passed/failed/skipped
/// column per engine (`-` where an engine has no row for the group).
fn summary_table(columns: &[(String, Vec<GroupRow>)]) -> String {
    let mut groups: Vec<&str> = Vec::new();
    for (_, rows) in columns {
        for row in rows {
            if !groups.contains(&row.group.as_str()) {
                groups.push(&row.group);
            }
        }
    }
    let mut out = String::from(
        "# Spec tests: both engines\n\n\
         Written by `cargo xtask spectest`. Each cell is passed / failed / skipped directives; the \
         skip reasons and every failure are in the per-engine reports beside this file. \
         `wasm-latest` is the core spec; the other rows are proposals.\n\n| group |",
    );
    for (label, _) in columns {
        let _ = write!(out, " {label} |");
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(columns.len()));
    out.push('\n');
    for group in groups {
        let _ = write!(out, "| {group} |");
        for (_, rows) in columns {
            match rows.iter().find(|r| r.group == group) {
                Some(r) => {
                    let _ = write!(out, " {} / {} / {} |", r.passed, r.failed, r.skipped);
                }
                None => out.push_str(" - |"),
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "# spectest x\n\n## Per group\n\n\
        | group | files | passed | failed | skipped | skip reasons |\n\
        |---|---:|---:|---:|---:|---|\n\
        | simd | 59 | 1352 | 0 | 24638 | v128 at boundary: 24128 |\n\
        | threads | 4 | 336 | 261 | 22 | text format: 22 |\n\n\
        ## Per file\n\n| file | passed | failed | skipped | skip reasons |\n\
        | simd/a.wast | 1 | 2 | 3 | |\n";

    #[test]
    fn reads_the_per_group_table_only() {
        let rows = group_rows(REPORT);
        assert_eq!(
            rows,
            [
                GroupRow {
                    group: "simd".into(),
                    passed: 1352,
                    failed: 0,
                    skipped: 24638
                },
                GroupRow {
                    group: "threads".into(),
                    passed: 336,
                    failed: 261,
                    skipped: 22
                },
            ]
        );
    }

    #[test]
    fn table_has_a_column_per_engine() {
        let a = vec![GroupRow {
            group: "simd".into(),
            passed: 1,
            failed: 2,
            skipped: 3,
        }];
        let table = summary_table(&[("wasmtime".into(), a), ("pyodide".into(), Vec::new())]);
        assert!(
            table.contains(
                "| group | wasmtime | pyodide |\n|---|---:|---:|\n| simd | 1 / 2 / 3 | - |\n"
            ),
            "{table}"
        );
    }
}
