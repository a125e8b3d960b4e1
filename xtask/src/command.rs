//! Running child processes with readable failures.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use crate::counts::{Counts, PathCounts};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

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
    run_suite(program, args, dir, env, None).map(|suite| suite.counts)
}

/// What a test run printed, counted.
#[derive(Clone, Copy, Debug, Default)]
pub struct Suite {
    /// From the runners' closing lines.
    pub counts: Counts,
    /// From the Pyodide harness's per-test lines, by path.
    pub paths: PathCounts,
}

/// Runs a test runner like [`run_counted`], watched: when `idle` is given and
/// the runner prints nothing for that long, it is stopped (its whole process
/// group: a browser too) and the run fails naming the test that hung (the
/// Pyodide harness announces each with a `RUN` line, which is not echoed).
pub fn run_suite(program: &str, args: &[&str], dir: &Path, env: &[(&str, &str)], idle: Option<Duration>) -> Result<Suite> {
    println!("$ {program} {}", args.join(" "));
    let mut command = Command::new(program);
    command.args(args).current_dir(dir).envs(env.iter().copied()).stdout(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().with_context(|| format!("could not start `{program}`"))?;
    let (lines_tx, lines) = mpsc::channel();
    if let Some(stdout) = child.stdout.take() {
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines_tx.send(line).is_err() {
                    break;
                }
            }
        });
    }
    let mut suite = Suite::default();
    let mut running: Option<String> = None;
    let mut hung = None;
    loop {
        let line = match idle {
            Some(limit) => match lines.recv_timeout(limit) {
                Ok(line) => line,
                Err(RecvTimeoutError::Timeout) => {
                    hung = Some(limit);
                    stop_group(&mut child);
                    break;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            },
            None => match lines.recv() {
                Ok(line) => line,
                Err(_) => break,
            },
        };
        if let Some(test) = line.strip_prefix("RUN  ") {
            running = Some(test.to_owned());
            continue;
        }
        if line.starts_with("ok   ") || line.starts_with("FAIL ") {
            running = None;
        }
        println!("{line}");
        suite.counts.add_line(&line);
        suite.paths.add_line(&line);
    }
    let status = child.wait()?;
    if let Some(limit) = hung {
        match running {
            Some(test) => bail!("HUNG: {test} printed nothing for {} s; `{program}` was stopped", limit.as_secs()),
            None => bail!("`{program} {}` printed nothing for {} s and was stopped", args.join(" "), limit.as_secs()),
        }
    }
    if !status.success() {
        let during = running.map(|test| format!(" during {test}")).unwrap_or_default();
        bail!("`{program} {}` failed ({status}){during}; so far: {}", args.join(" "), suite.counts);
    }
    Ok(suite)
}

/// Stops a child's process group: SIGTERM (the browser runner then closes its
/// browser), SIGKILL a few seconds later.
fn stop_group(child: &mut Child) {
    let group = format!("-{}", child.id());
    let signal = |name: &str| Command::new("kill").args([name, "--", &group]).stderr(Stdio::null()).status();
    let _ = signal("-TERM");
    for _ in 0..50 {
        if matches!(child.try_wait(), Ok(Some(_))) {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = signal("-KILL");
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

#[cfg(test)]
mod tests {
    use super::run_suite;
    use std::path::Path;
    use std::time::{Duration, Instant};

    #[test]
    fn a_silent_run_is_stopped_naming_the_test_that_hung() {
        let start = Instant::now();
        let script = "echo 'ok   m::first (1 ms)'; echo 'RUN  m::stuck'; sleep 30";
        let err = run_suite("sh", &["-c", script], Path::new("."), &[], Some(Duration::from_secs(1))).unwrap_err();
        assert!(err.to_string().contains("HUNG: m::stuck"), "{err}");
        assert!(start.elapsed() < Duration::from_secs(20), "the watchdog waited for the sleep");
    }

    #[test]
    fn a_finished_run_is_counted_by_path() {
        let script = "echo 'RUN  m::test_fast__a'; echo 'ok   m::test_fast__a (1 ms)'; echo 'FAIL m::test_portable__a'; echo '1 passed, 1 failed'";
        let suite = run_suite("sh", &["-c", script], Path::new("."), &[], Some(Duration::from_secs(10))).unwrap();
        assert_eq!((suite.counts.passed, suite.counts.failed), (1, 1));
        assert_eq!((suite.paths.fast.passed, suite.paths.portable.failed), (1, 1));
    }
}
