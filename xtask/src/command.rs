//! Running child processes with readable failures.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use crate::counts::Counts;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs `program args` in `dir` with extra environment variables; fails on a non-zero exit.
pub fn run(program: &str, args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Result<()> {
    println!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .status()
        .with_context(|| format!("could not start `{program}`"))?;
    if !status.success() {
        bail!("`{program} {}` failed ({status})", args.join(" "));
    }
    Ok(())
}

/// Runs the same `cargo` that runs xtask, in the workspace root.
pub fn cargo(args: &[&str], env: &[(&str, &str)]) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(&cargo, args, &root(), env)
}

/// Like [`run`], but also echoes and counts the closing lines of test runners
/// on standard output; fails on a non-zero exit after counting.
pub fn run_counted(program: &str, args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Result<Counts> {
    println!("$ {program} {}", args.join(" "));
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start `{program}`"))?;
    let mut counts = Counts::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line?;
            println!("{line}");
            counts.add_line(&line);
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("`{program} {}` failed ({status}); so far: {counts}", args.join(" "));
    }
    Ok(counts)
}

/// Runs `program args` and returns its standard output.
pub fn output(program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .with_context(|| format!("could not start `{program}`"))?;
    if !out.status.success() {
        bail!("`{program} {}` failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
