//! Expansion snapshots: the code generated from the real spec
//! (`spec/upstream/js-api.webidl` with `spec/additions.webidl`), one
//! pretty-printed file per definition under `tests/expanded/`, checked in so
//! that reviewers read generated code in diffs.
//!
//! Run with `BLESS_EXPANDED=1` to rewrite them after an intended change.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::codegen::Codegen;
use crate::expand::analyze_real_spec;

/// First lines of every snapshot.
const HEADER: &str = "// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by\n\
                      // pyodide_runtime_layer_macros with `support = crate::js`.\n\
                      // Do not edit: re-bless with BLESS_EXPANDED=1.\n\n";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `(file name, pretty-printed code)` for every definition of the real spec.
fn expansions() -> Vec<(String, String)> {
    let model = analyze_real_spec().unwrap();
    let support: syn::Path = syn::parse_quote!(crate::js);
    let codegen = Codegen {
        model: &model,
        support: &support,
    };
    model
        .definitions
        .iter()
        .map(|definition| {
            let tokens = codegen.generate_definition(definition);
            let file: syn::File = syn::parse2(tokens).unwrap();
            (
                format!("{}.rs", definition.idl_name()),
                format!("{HEADER}{}", prettyplease::unparse(&file)),
            )
        })
        .collect()
}

/// The first differing line, for the failure message.
fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1);
        }
    }
    format!(
        "lengths differ ({} vs {} lines)",
        expected.lines().count(),
        actual.lines().count()
    )
}

/// Compares `expansions` with the files of `dir` (one per expansion, no
/// others) and returns the problems; with `BLESS_EXPANDED` set, rewrites the
/// directory instead. Shared by every snapshot test of the crate.
pub(crate) fn check_snapshot_dir(dir: &std::path::Path, expansions: &[(String, String)]) -> Vec<String> {
    let bless = std::env::var_os("BLESS_EXPANDED").is_some();
    let mut problems = Vec::new();
    if bless {
        fs::create_dir_all(dir).unwrap();
    }
    for (name, actual) in expansions {
        let path = dir.join(name);
        let expected = fs::read_to_string(&path).unwrap_or_default();
        if expected == *actual {
            continue;
        }
        if bless {
            fs::write(&path, actual).unwrap();
        } else if expected.is_empty() {
            problems.push(format!("{name}: missing snapshot"));
        } else {
            problems.push(format!("{name}: differs, {}", first_difference(&expected, actual)));
        }
    }
    let wanted: BTreeSet<&str> = expansions.iter().map(|(name, _)| name.as_str()).collect();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_file() && !wanted.contains(name.as_str()) {
            if bless {
                fs::remove_file(&path).unwrap();
            } else {
                problems.push(format!("{name}: stale snapshot (nothing generates it)"));
            }
        }
    }
    problems
}

#[test]
fn expanded_snapshots_match() {
    let problems = check_snapshot_dir(&manifest_dir().join("tests/expanded"), &expansions());
    assert!(
        problems.is_empty(),
        "expansion snapshots out of date (re-bless with BLESS_EXPANDED=1):\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_interface_has_a_snapshot() {
    let names: Vec<String> = expansions().into_iter().map(|(name, _)| name).collect();
    for interface in [
        "WebAssembly",
        "Module",
        "Instance",
        "Memory",
        "Table",
        "Global",
        "Tag",
        "Exception",
        "CompileError",
        "LinkError",
        "RuntimeError",
        "Suspending",
    ] {
        assert!(names.contains(&format!("{interface}.rs")), "{interface}");
    }
    assert!(Path::new(&manifest_dir().join("tests/expanded")).is_dir());
}
