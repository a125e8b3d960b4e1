//! The checked-in pass-count baseline: it may only move up.
//!
//! A baseline file holds one number, the core-spec pass count a target
//! reached when it was last recorded; lines starting with `#` are comments.
//! A run passes the check if it passes at least as many directives. When
//! the count went up, set `SPECTEST_BLESS=1` to record the new count.

use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, bail};

use crate::report::Report;

/// The environment variable that allows [`baseline_ok`] to write a higher
/// (or a missing) baseline.
pub const BLESS_ENV: &str = "SPECTEST_BLESS";

/// Checks `report` against the baseline in `baseline_file`: fails when the
/// pass count dropped below it. With `SPECTEST_BLESS=1` a higher count (or
/// a missing file) is written back; without it a higher count is only
/// mentioned on stderr. Never lowers the baseline.
pub fn baseline_ok(report: &Report, baseline_file: &Path) -> anyhow::Result<()> {
    let bless = std::env::var(BLESS_ENV).is_ok_and(|v| v == "1");
    let passed = report.passed();
    let baseline = match std::fs::read_to_string(baseline_file) {
        Ok(text) => parse_baseline(&text)
            .with_context(|| format!("reading baseline {}", baseline_file.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && bless => {
            return write_baseline(report, baseline_file);
        }
        Err(e) => {
            return Err(e).with_context(|| {
                format!(
                    "no baseline at {} (run with {BLESS_ENV}=1 to record one)",
                    baseline_file.display()
                )
            });
        }
    };
    if passed < baseline {
        bail!(
            "{}: the pass count dropped below the baseline ({passed} < {baseline}, {})",
            report.summary(),
            baseline_file.display()
        );
    }
    if passed > baseline {
        if bless {
            return write_baseline(report, baseline_file);
        }
        // Straight to stderr, past the test harness's output capture.
        let _ = writeln!(
            std::io::stderr(),
            "spectest: {passed} passed, above the baseline of {baseline} in {}; \
             run with {BLESS_ENV}=1 to record it",
            baseline_file.display()
        );
    }
    Ok(())
}

/// Writes the report's pass count as the new baseline.
pub fn write_baseline(report: &Report, baseline_file: &Path) -> anyhow::Result<()> {
    let text = format!(
        "# spectest baseline: passed directives of `{}` on {}; only moves up \
         ({BLESS_ENV}=1 records a higher count).\n# last recorded: {}\n{}\n",
        report.suite,
        report.target,
        report.summary(),
        report.passed()
    );
    if let Some(dir) = baseline_file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(baseline_file, text)
        .with_context(|| format!("writing baseline {}", baseline_file.display()))
}

/// The pass count in a baseline file's text.
fn parse_baseline(text: &str) -> anyhow::Result<usize> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .context("the baseline file holds no count")?;
    line.parse()
        .with_context(|| format!("the baseline count \"{line}\" is not a number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_count_after_comments() {
        assert_eq!(parse_baseline("# c\n# d\n 42 \n").unwrap(), 42);
        assert!(parse_baseline("# only a comment\n").is_err());
    }
}
