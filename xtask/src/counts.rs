//! Test counts read from the runners' closing lines, for the final summary.

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
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} passed, {} failed", self.passed, self.failed)
    }
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn reads_cargo_and_harness_lines() {
        let mut counts = Counts::default();
        counts.add_line("test result: ok. 63 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.88s");
        counts.add_line("test result: FAILED. 1 passed; 2 failed; 0 ignored");
        counts.add_line("134 passed, 0 failed");
        counts.add_line("running 3 tests");
        assert_eq!(counts, Counts { passed: 198, failed: 2 });
    }
}
