//! The backend's modules import one another one way only: trait
//! implementations → `path` (the boundary interface) → the generated
//! boundary and bindings. This test reads `src/` and fails on any import
//! cycle among its modules, naming one.
//!
//! An edge is a `crate::module` path outside comments and `#[cfg(test)]`
//! modules (types re-exported at the crate root, such as `crate::Func`, name
//! no module). A submodule's edges count as its top-level module's.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level module a source file belongs to (`path/fast.rs` → `path`).
fn module_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_owned())
}

/// The code of a file without comments and without its test module.
fn code(text: &str) -> String {
    let without_tests = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    without_tests
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::name` in `code` (lower-case names only: modules).
fn crate_paths(code: &str) -> BTreeSet<String> {
    code.match_indices("crate::")
        .filter_map(|(at, _)| {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_').collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Module → the modules it imports.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = Vec::new();
    files(src, &mut all);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &all {
        let Some(module) = module_of(file.strip_prefix(src).expect("under src")) else { continue };
        let text = std::fs::read_to_string(file).expect("read file");
        edges.entry(module.clone()).or_default().extend(crate_paths(&code(&text)));
    }
    let modules: BTreeSet<String> = edges.keys().cloned().collect();
    for (module, targets) in edges.iter_mut() {
        targets.retain(|t| modules.contains(t) && t != module);
    }
    edges
}

/// One cycle, as the modules on it, if there is any.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|start| visit(start, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let edges: BTreeMap<String, BTreeSet<String>> = [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"]), ("d", vec!["a"])]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
        .collect();
    assert_eq!(find_cycle(&edges), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    assert_eq!(crate_paths("use crate::store::X; crate::Func; crate::path::fast"), ["path", "store"].map(String::from).into());
    assert_eq!(code("a // crate::x\n#[cfg(test)]\nmod tests { crate::y }"), "a ");
}

#[test]
fn backend_modules_have_no_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = graph(&src);
    assert!(edges.len() > 20, "found only {} modules", edges.len());
    assert!(edges["memory"].contains("path"), "the trait implementations go through `path`");
    if let Some(cycle) = find_cycle(&edges) {
        panic!("import cycle among backend modules: {}", cycle.join(" -> "));
    }
}
