//! Expansion snapshots of the real boundary (`spec/boundary.webidl` with
//! `backend/src/js/`): one pretty-printed Rust file per namespace, plus the
//! generated script with each included JS file shown as one marker line,
//! under `tests/expanded_boundary/`. Re-bless with `BLESS_EXPANDED=1`.

use std::fs;
use std::path::PathBuf;

use super::codegen_js::{self, Piece};
use super::codegen_rust::Codegen;

const HEADER: &str = "// Generated from spec/boundary.webidl and backend/src/js/ by\n\
                      // pyodide_runtime_layer_macros::boundary! with `support = crate::js`.\n\
                      // Do not edit: re-bless with BLESS_EXPANDED=1.\n\n";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `(file name, contents)` of every snapshot.
fn expansions() -> Vec<(String, String)> {
    let root = manifest_dir().join("..");
    let text = fs::read_to_string(root.join("spec/boundary.webidl")).unwrap();
    let files = super::read_js_dir(&root.join("backend/src/js"), "src/js").unwrap();
    let boundary = super::analyze(text.parse().unwrap(), &files).unwrap();
    let script = codegen_js::script(&boundary, &files);
    let support: syn::Path = syn::parse_quote!(crate::js);
    let codegen = Codegen { boundary: &boundary, files: &files, script: &script, support: &support };
    let mut out: Vec<(String, String)> = boundary
        .namespaces
        .iter()
        .map(|namespace| {
            let file: syn::File = syn::parse2(codegen.namespace(namespace)).unwrap();
            (format!("{}.rs", namespace.idl_name), format!("{HEADER}{}", prettyplease::unparse(&file)))
        })
        .collect();
    let mut js = HEADER.to_owned();
    for piece in &script {
        match piece {
            Piece::Text(text) => js.push_str(text),
            Piece::File(stem) => js.push_str(&format!("/* include: {} */", files[stem].display)),
        }
    }
    out.push(("script.js".to_owned(), js));
    out
}

#[test]
fn boundary_snapshots_match() {
    let dir = manifest_dir().join("tests/expanded_boundary");
    let problems = crate::snapshots::check_snapshot_dir(&dir, &expansions());
    assert!(problems.is_empty(), "boundary snapshots out of date (re-bless with BLESS_EXPANDED=1):\n{}", problems.join("\n"));
}
