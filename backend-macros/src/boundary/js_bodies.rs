//! The JS side of a boundary: the bodies files, and the check that they and
//! the declarations match one to one.
//!
//! A bodies file (`js/<name>.js`) is one JS expression: an object literal
//! `({ ... })`, or for a `[FastAbi]` namespace a factory `(rt) => ({ ... })`.
//! Its bodies are the methods written at two spaces of indentation,
//! `  name(a, b) {`, one per declared operation with the same name and
//! parameter names. No JS parser is needed: the layout is the contract.

use std::collections::BTreeMap;

use crate::ast;
use crate::errors::Ctxt;

/// One method found in a bodies file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The method name.
    pub name: String,
    /// Its parameter names.
    pub params: Vec<String>,
    /// 1-based line.
    pub line: usize,
}

/// The JS files of a boundary, by stem (`portable` for `portable.js`), in
/// name order.
pub type JsFiles = BTreeMap<String, JsFile>;

/// One JS file.
#[derive(Debug, Clone)]
pub struct JsFile {
    /// The path as shown in messages and snapshots (`src/js/portable.js`).
    pub display: String,
    /// The path `include_str!` is given (absolute).
    pub full: String,
    /// The contents.
    pub text: String,
}

/// The methods at two spaces of indentation: `  name(a, b) {`.
pub fn scan(text: &str) -> Vec<Body> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let rest = line.strip_prefix("  ")?;
            if rest.starts_with(' ') {
                return None;
            }
            let (name, rest) = rest.split_once('(')?;
            let (params, tail) = rest.split_once(')')?;
            let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !valid || tail.trim() != "{" {
                return None;
            }
            let params = params.split(',').map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect();
            Some(Body { name: name.to_owned(), params, line: i + 1 })
        })
        .collect()
}

/// Whether the file's last code line ends in `;` (a bodies file is one
/// expression, which the generated script wraps in parentheses).
fn ends_with_semicolon(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .rfind(|line| !line.is_empty() && !line.starts_with("//"))
        .is_some_and(|line| line.ends_with(';'))
}

/// Checks every `[JsBodies]` namespace of `spec` against its file: a missing
/// file, a declared operation without a body, a body without a declaration,
/// and parameters that differ are errors.
pub fn check(spec: &ast::Spec, files: &JsFiles, cx: &Ctxt) {
    for definition in &spec.definitions {
        let ast::Definition::Namespace(container) = definition else { continue };
        let Some(stem) = container.attrs.iter().find(|a| a.name == "JsBodies").and_then(|a| match &a.value {
            ast::ExtAttrValue::Ident(stem) => Some(stem),
            _ => None,
        }) else {
            continue;
        };
        let Some(file) = files.get(&stem.to_string()) else {
            let known: Vec<&str> = files.keys().map(String::as_str).collect();
            cx.error(stem.span(), format_args!("no JS file `{stem}.js` (found: {})", known.join(", ")));
            continue;
        };
        if ends_with_semicolon(&file.text) {
            cx.error(stem.span(), format_args!("{}: a bodies file is one expression; remove the trailing `;`", file.display));
        }
        let bodies = scan(&file.text);
        for member in &container.members {
            let ast::Member::Operation(op) = member else { continue };
            let name = op.name.to_string();
            let declared: Vec<String> = op.args.iter().map(|a| a.name.to_string()).collect();
            match bodies.iter().find(|b| b.name == name) {
                None => cx.error(op.name.span(), format_args!("`{name}` has no JS body in {}", file.display)),
                Some(body) if body.params != declared => cx.error(
                    op.name.span(),
                    format_args!(
                        "`{name}` is declared with ({}) but its body at {}:{} takes ({})",
                        declared.join(", "),
                        file.display,
                        body.line,
                        body.params.join(", ")
                    ),
                ),
                Some(_) => {}
            }
        }
        for body in &bodies {
            let declared = container.members.iter().any(|m| matches!(m, ast::Member::Operation(op) if op.name == body.name));
            if !declared {
                cx.error(
                    stem.span(),
                    format_args!("{}:{}: body `{}` has no declaration in namespace `{}`", file.display, body.line, body.name, container.name),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_methods_at_two_spaces() {
        let text = "// bodies\n(rt) => ({\n  call(func, sig, args) {\n    inner(x) {\n  },\n  ping() {\n    return 1;\n  },\n  notABody(x) => 1,\n})\n";
        assert_eq!(
            scan(text),
            [
                Body { name: "call".into(), params: vec!["func".into(), "sig".into(), "args".into()], line: 3 },
                Body { name: "ping".into(), params: vec![], line: 6 },
            ]
        );
        assert!(!ends_with_semicolon(text));
        assert!(ends_with_semicolon("({\n});\n// end\n"));
    }

    #[test]
    fn declarations_and_bodies_match_one_to_one() {
        let cx = Ctxt::new();
        let spec = crate::parser::parse_spec(
            "[JsBodies=ops] namespace Ops { undefined a(long x); undefined b(long x, long y); undefined c(); };
             [JsBodies=missing] namespace M { };"
                .parse()
                .unwrap(),
            &cx,
        );
        let mut files = JsFiles::new();
        files.insert(
            "ops".into(),
            JsFile { display: "js/ops.js".into(), full: "/x/js/ops.js".into(), text: "({\n  a(x) {\n  },\n  b(y, x) {\n  },\n  d() {\n  },\n});\n".into() },
        );
        check(&spec, &files, &cx);
        let errors: Vec<String> = cx.finish(()).unwrap_err().into_iter().map(|e| e.to_string()).collect();
        assert_eq!(
            errors,
            [
                "js/ops.js: a bodies file is one expression; remove the trailing `;`",
                "`b` is declared with (x, y) but its body at js/ops.js:4 takes (y, x)",
                "`c` has no JS body in js/ops.js",
                "js/ops.js:6: body `d` has no declaration in namespace `Ops`",
                "no JS file `missing.js` (found: ops)",
            ]
        );
    }
}
