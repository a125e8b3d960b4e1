//! Test counts read from the runners' output, for the summaries.

use std::fmt;

/// Passed and failed tests of one or more runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Tests that passed.
    pub passed: usize,
    /// Tests that failed.
    pub failed: usize,
}

impl Counts {
    /// Adds the counts of a closing line: cargo's `test result: ok. 3 passed; 0 failed; ...`
    /// or the Pyodide harness's `3 passed, 0 failed`.
    pub fn add_line(&mut self, line: &str) {
        let line = line.trim();
        let rest = line.strip_prefix("test result: ").map(|r| r.split_once(". ").map_or(r, |(_, tail)| tail));
        let body = rest.unwrap_or(line);
        let mut numbers = body
            .split([';', ','])
            .map(str::trim)
            .filter_map(|part| part.split_once(' '))
            .filter_map(|(n, word)| Some((n.parse::<usize>().ok()?, word)));
        if let (Some((passed, "passed")), Some((failed, "failed"))) = (numbers.next(), numbers.next()) {
            self.passed += passed;
            self.failed += failed;
        }
    }

    /// Both counts added.
    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} passed, {} failed", self.passed, self.failed)
    }
}

/// The Pyodide harness's results split by the path a test ran on: the
/// conformance suite runs every case on the fast path (`test_fast__…`) and
/// on the portable one (`test_portable__…`); every other test is `other`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PathCounts {
    /// Conformance cases on the fast path.
    pub fast: Counts,
    /// Conformance cases on the portable path.
    pub portable: Counts,
    /// Everything else (bindings, backend, robustness, fast runtime, demo).
    pub other: Counts,
}

impl PathCounts {
    /// Counts one harness result line (`ok   module::test (N ms)` or `FAIL module::test`).
    pub fn add_line(&mut self, line: &str) {
        let (passed, name) = if let Some(rest) = line.strip_prefix("ok   ") {
            (true, rest)
        } else if let Some(rest) = line.strip_prefix("FAIL ") {
            (false, rest)
        } else {
            return;
        };
        let test = name.split_once("::").map_or(name, |(_, test)| test);
        let bucket = if test.starts_with("test_fast__") {
            &mut self.fast
        } else if test.starts_with("test_portable__") {
            &mut self.portable
        } else {
            &mut self.other
        };
        if passed { bucket.passed += 1 } else { bucket.failed += 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::{Counts, PathCounts};

    #[test]
    fn reads_cargo_and_harness_lines() {
        let mut counts = Counts::default();
        counts.add_line("test result: ok. 63 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.88s");
        counts.add_line("test result: FAILED. 1 passed; 2 failed; 0 ignored");
        counts.add_line("134 passed, 0 failed");
        counts.add_line("running 3 tests");
        assert_eq!(counts, Counts { passed: 198, failed: 2 });
    }

    #[test]
    fn splits_harness_results_by_path() {
        let mut counts = PathCounts::default();
        for line in [
            "RUN  test_conformance::test_fast__calls__add",
            "ok   test_conformance::test_fast__calls__add (3 ms)",
            "FAIL test_conformance::test_portable__calls__add",
            "ok   test_bindings::test_global_i32 (1 ms)",
            "    ok   indented output is not a result",
            "3 passed, 1 failed",
        ] {
            counts.add_line(line);
        }
        assert_eq!(counts.fast, Counts { passed: 1, failed: 0 });
        assert_eq!(counts.portable, Counts { passed: 0, failed: 1 });
        assert_eq!(counts.other, Counts { passed: 1, failed: 0 });
    }
}
