//! Results of a run: counts per script, Markdown rendering and a summary line.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::skip::SkipReason;

/// How many failures per script [`Report::to_markdown`] lists in full.
const FAILURES_LISTED_PER_FILE: usize = 5;
/// How many rows the "most common failures" table has.
const COMMON_FAILURES_LISTED: usize = 30;
/// Failure messages are cut to this many characters.
const MESSAGE_LIMIT: usize = 300;

/// The results of running a set of scripts on one target.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The target's name (`Target::name`).
    pub target: String,
    /// What was run, e.g. `core spec (wasm-latest)`.
    pub suite: String,
    /// One entry per script, in run order.
    pub files: Vec<FileReport>,
}

/// The results of one `.wast` script.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    /// The core spec directory (`wasm-latest`) or the proposal's name.
    pub group: String,
    /// The script's file name, e.g. `i32.wast`.
    pub name: String,
    /// Directives that did what the script expects.
    pub passed: usize,
    /// Directives that did not (including panics and a script that does
    /// not parse, counted as one failure).
    pub failed: usize,
    /// Directives not executed, by reason.
    pub skipped: BTreeMap<SkipReason, usize>,
    /// Every failure, in script order.
    pub failures: Vec<Failure>,
}

/// One failed directive.
#[derive(Debug, Clone)]
pub struct Failure {
    /// 1-based line of the directive in its script.
    pub line: usize,
    /// The directive's keyword, e.g. `assert_return`.
    pub directive: &'static str,
    /// What happened instead of the expected outcome.
    pub message: String,
}

impl FileReport {
    /// Directives skipped for any reason.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

impl Report {
    /// Directives passed in all scripts.
    pub fn passed(&self) -> usize {
        self.files.iter().map(|f| f.passed).sum()
    }

    /// Directives failed in all scripts.
    pub fn failed(&self) -> usize {
        self.files.iter().map(|f| f.failed).sum()
    }

    /// Directives skipped in all scripts.
    pub fn skipped(&self) -> usize {
        self.files.iter().map(FileReport::skipped_total).sum()
    }

    /// Skipped directives by reason, over all scripts.
    pub fn skipped_by_reason(&self) -> BTreeMap<SkipReason, usize> {
        let mut total = BTreeMap::new();
        for file in &self.files {
            for (reason, n) in &file.skipped {
                *total.entry(*reason).or_insert(0) += n;
            }
        }
        total
    }

    /// The one-line summary: `spectest <target>: N passed, N failed, N skipped`.
    pub fn summary(&self) -> String {
        format!(
            "spectest {}: {} passed, {} failed, {} skipped",
            self.target,
            self.passed(),
            self.failed(),
            self.skipped()
        )
    }

    /// The whole report as Markdown: totals per group (core spec directory
    /// or proposal), a table per script, the most common failure messages
    /// and the first failures of each script.
    pub fn to_markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# spectest {}: {}\n", self.target, self.suite);
        let _ = writeln!(md, "{}\n", self.summary());
        let by_reason = self.skipped_by_reason();
        let reasons = reasons_text(&by_reason);
        if !reasons.is_empty() {
            let _ = writeln!(md, "Skipped by reason: {reasons}.\n");
            md.push_str(
                "Each skip is decided before the directive runs, from the directive or its \
                 module's binary, never from an outcome:\n\n",
            );
            for reason in by_reason.keys() {
                let _ = writeln!(md, "- **{}**: {}", reason.name(), reason.description());
            }
            md.push('\n');
        }

        md.push_str("## Per group\n\n");
        md.push_str("| group | files | passed | failed | skipped | skip reasons |\n");
        md.push_str("|---|---:|---:|---:|---:|---|\n");
        let mut groups: Vec<&str> = Vec::new();
        for file in &self.files {
            if !groups.contains(&file.group.as_str()) {
                groups.push(&file.group);
            }
        }
        for group in groups {
            let files: Vec<&FileReport> = self.files.iter().filter(|f| f.group == group).collect();
            let mut skipped = BTreeMap::new();
            for file in &files {
                for (reason, n) in &file.skipped {
                    *skipped.entry(*reason).or_insert(0) += n;
                }
            }
            let _ = writeln!(
                md,
                "| {group} | {} | {} | {} | {} | {} |",
                files.len(),
                files.iter().map(|f| f.passed).sum::<usize>(),
                files.iter().map(|f| f.failed).sum::<usize>(),
                skipped.values().sum::<usize>(),
                reasons_text(&skipped)
            );
        }

        md.push_str("\n## Per file\n\n");
        md.push_str("| file | passed | failed | skipped | skip reasons |\n");
        md.push_str("|---|---:|---:|---:|---|\n");
        for file in &self.files {
            let _ = writeln!(
                md,
                "| {}/{} | {} | {} | {} | {} |",
                file.group,
                file.name,
                file.passed,
                file.failed,
                file.skipped_total(),
                reasons_text(&file.skipped)
            );
        }

        let common = self.common_failures();
        if !common.is_empty() {
            md.push_str("\n## Most common failures\n\n");
            md.push_str("Messages with numbers elided (`N`), by count.\n\n");
            md.push_str("| count | directive: message |\n|---:|---|\n");
            for (key, n) in common.into_iter().take(COMMON_FAILURES_LISTED) {
                let _ = writeln!(md, "| {n} | {} |", cell(&key));
            }
        }

        if self.failed() > 0 {
            let _ = writeln!(
                md,
                "\n## Failures\n\nThe first {FAILURES_LISTED_PER_FILE} of each script.\n"
            );
            for file in self.files.iter().filter(|f| f.failed > 0) {
                let _ = writeln!(
                    md,
                    "### {}/{} ({} failed)\n",
                    file.group, file.name, file.failed
                );
                for failure in file.failures.iter().take(FAILURES_LISTED_PER_FILE) {
                    let _ = writeln!(
                        md,
                        "- line {}, `{}`: {}",
                        failure.line,
                        failure.directive,
                        cell(&failure.message)
                    );
                }
                md.push('\n');
            }
        }
        md
    }

    /// Failure messages with numbers elided, with their counts, most common first.
    fn common_failures(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for failure in self.files.iter().flat_map(|f| &f.failures) {
            let key = format!("{}: {}", failure.directive, elide_numbers(&failure.message));
            *counts.entry(key).or_insert(0) += 1;
        }
        let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }
}

/// `reason: n, reason: n` for a set of skip counts.
fn reasons_text(skipped: &BTreeMap<SkipReason, usize>) -> String {
    let parts: Vec<String> = skipped
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(reason, n)| format!("{reason}: {n}"))
        .collect();
    parts.join(", ")
}

/// Replaces runs of digits that are not part of a word (so `i32` stays) by
/// `N`, and cuts the text, so that similar failures group together.
fn elide_numbers(message: &str) -> String {
    let mut out = String::new();
    let mut prev_word = false;
    let mut in_number = false;
    for c in message.chars().take(160) {
        if c.is_ascii_digit() && (in_number || !prev_word) {
            if !in_number {
                out.push('N');
                in_number = true;
            }
            continue;
        }
        if in_number && (c.is_ascii_hexdigit() || c == 'x') {
            continue;
        }
        in_number = false;
        prev_word = c.is_alphanumeric() || c == '_';
        out.push(c);
    }
    out
}

/// Makes a message fit in one Markdown table cell or list item.
fn cell(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(MESSAGE_LIMIT)
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if text.chars().count() > MESSAGE_LIMIT {
        out.push('…');
    }
    out.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elides_numbers_but_not_type_names() {
        assert_eq!(
            elide_numbers("result 0: expected i32 5, got i32 0x1f"),
            "result N: expected i32 N, got i32 N"
        );
    }

    #[test]
    fn summary_format() {
        let report = Report {
            target: "t".into(),
            suite: "s".into(),
            files: vec![FileReport {
                passed: 2,
                failed: 1,
                skipped: [(SkipReason::TextFormat, 3)].into_iter().collect(),
                ..FileReport::default()
            }],
        };
        assert_eq!(
            report.summary(),
            "spectest t: 2 passed, 1 failed, 3 skipped"
        );
        assert!(report.to_markdown().contains("text format: 3"));
    }
}
