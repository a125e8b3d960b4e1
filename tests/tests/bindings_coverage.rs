//! Every generated wrapper is exercised in real Pyodide: the functions the
//! Pyodide bindings cases call (`tests/pyodide-ext/src/bindings_covered.in`)
//! include every function of every inherent impl in the expansion snapshots
//! (`backend-macros/tests/expanded/`).

use std::collections::BTreeSet;
use std::path::Path;

const COVERED: &[&str] = include!("../pyodide-ext/src/bindings_covered.in");

/// `Type::function` for each public function of an inherent impl in a snapshot.
fn generated_functions(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if let Some(rest) = line.strip_prefix("impl ") {
            current = rest.strip_suffix(" {").filter(|ty| ty.chars().all(|c| c.is_alphanumeric() || c == '_')).map(str::to_owned);
        } else if let (Some(ty), Some(rest)) = (&current, line.trim_start().strip_prefix("pub ")) {
            let rest = rest.trim_start_matches("const ");
            if let Some(name) = rest.strip_prefix("fn ") {
                let name: String = name.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                found.push(format!("{ty}::{name}"));
            }
        }
    }
    found
}

#[test]
fn every_generated_function_is_exercised_in_pyodide() {
    let expanded = Path::new(env!("CARGO_MANIFEST_DIR")).join("../backend-macros/tests/expanded");
    let mut generated = BTreeSet::new();
    for entry in std::fs::read_dir(&expanded).expect("the expansion snapshots exist") {
        let path = entry.expect("readable directory").path();
        let source = std::fs::read_to_string(&path).expect("readable snapshot");
        generated.extend(generated_functions(&source));
    }
    assert!(generated.len() > 50, "the snapshot scan found only {} functions", generated.len());
    let covered: BTreeSet<String> = COVERED.iter().map(|s| (*s).to_owned()).collect();
    let missing: Vec<_> = generated.difference(&covered).collect();
    assert!(missing.is_empty(), "generated functions no Pyodide case calls: {missing:?}");
    let unknown: Vec<_> = covered.difference(&generated).collect();
    assert!(unknown.is_empty(), "listed as covered but not generated: {unknown:?}");
}
