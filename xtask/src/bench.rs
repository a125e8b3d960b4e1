//! `cargo xtask bench [--host node|bun|firefox]...`: the benchmark extension
//! (`bench/`) in real Pyodide, under Node (V8), under Bun (JavaScriptCore) and
//! in headless Firefox (SpiderMonkey), or on the hosts named. `bench/run.py`
//! measures, prints the table and renders the report (`bench/report.py`) into
//! target/bench; this task then puts Node's at BENCHMARKS.md, Bun's at
//! bench/report/bun.md and Firefox's at bench/report/firefox.md (so a failed
//! run leaves the checked-in files alone).

use crate::command::{cargo, output, root};
use crate::matrix::Host;
use crate::pyodide::build_extension;
use anyhow::{Context, Result, bail};
use std::time::Duration;

/// Each host the benchmarks run on: its name for `--host`, the host, the
/// report's name (`RTL_BENCH_NAME`: target/bench/<name>.json and .md) and
/// where the report goes, from the repository's root.
const HOSTS: &[(&str, Host, &str, &str)] = &[
    ("node", Host::Node, "BENCHMARKS", "BENCHMARKS.md"),
    ("bun", Host::Bun, "bun", "bench/report/bun.md"),
    ("firefox", Host::Browser("firefox"), "firefox", "bench/report/firefox.md"),
];

/// The hosts `args` pick (`--host <name>`, repeatable; all when none).
fn pick_hosts(args: &[String]) -> Result<Vec<(&'static str, Host, &'static str, &'static str)>> {
    let names: Vec<&str> = HOSTS.iter().map(|h| h.0).collect();
    let mut picked = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg != "--host" {
            bail!("unknown argument `{arg}` (usage: cargo xtask bench [--host {}]...)", names.join("|"));
        }
        let Some(name) = args.next() else { bail!("--host needs one of: {}", names.join(", ")) };
        match HOSTS.iter().find(|h| h.0 == name) {
            Some(&host) if !picked.contains(&host) => picked.push(host),
            Some(_) => {}
            None => bail!("unknown host `{name}` (one of: {})", names.join(", ")),
        }
    }
    Ok(if picked.is_empty() { HOSTS.to_vec() } else { picked })
}

/// Builds and runs the benchmarks on each host `args` pick, then writes the reports.
pub fn run(args: &[String]) -> Result<()> {
    let hosts = pick_hosts(args)?;
    let browsers: Vec<&str> = hosts.iter().filter_map(|h| if let Host::Browser(engine) = h.1 { Some(engine) } else { None }).collect();
    // (None named: `setup::browsers` would check every engine.)
    if !browsers.is_empty() {
        crate::setup::browsers(&browsers)?;
    }
    let ext = build_extension("bench-ext", "rtl_bench")?;
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out)?;
    kernels(&out)?;
    native(&out)?;
    for (_, host, name, dest) in hosts {
        let _ = std::fs::remove_file(out.join(format!("{name}.md")));
        let mut args = vec!["--ext".to_owned(), format!("rtl_bench={}", ext.display())];
        args.extend(repo_args(host, name));
        args.extend([
            "--env".to_owned(),
            format!("RTL_BENCH_NAME={name}"),
            "--script".to_owned(),
            root().join("bench/run.py").display().to_string(),
        ]);
        // bench/run.py prints nothing until it has measured everything. A
        // browser's runner stops a script silent for 1200 s itself (and says
        // so more precisely), so its limit here is above that.
        let idle = if matches!(host, Host::Browser(_)) { 1500 } else { 600 };
        host.run_watched(&args, Duration::from_secs(idle))?;
        let report = std::fs::read_to_string(out.join(format!("{name}.md"))).context("the benchmark wrote no report")?;
        let dest = root().join(dest);
        std::fs::create_dir_all(dest.parent().unwrap_or(&root()))?;
        std::fs::write(&dest, report)?;
        println!("wrote {} (measurements: target/bench/{name}.json)", dest.display());
    }
    Ok(())
}

/// How the repository is at /repo for bench/run.py on `host`: mounted under
/// Node and Bun; in a browser, which cannot mount it, the files the script
/// reads are put there and the report's two files taken back into target/bench.
fn repo_args(host: Host, name: &str) -> Vec<String> {
    if !matches!(host, Host::Browser(_)) {
        return vec!["--mount".to_owned(), format!("{}:/repo", root().display())];
    }
    let mut args = Vec::new();
    for file in [
        "bench/report.py",
        "target/wasm32-unknown-unknown/release/rtl_kernels.wasm",
        "target/bench/kernels-native.json",
        "target/bench/native.json",
    ] {
        args.extend(["--put".to_owned(), format!("{}=/repo/{file}", root().join(file).display())]);
    }
    for ext in ["json", "md"] {
        let file = format!("target/bench/{name}.{ext}");
        args.extend(["--take".to_owned(), format!("/repo/{file}={}", root().join(&file).display())]);
    }
    args
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
