//! `boundary!`: the backend's own JS-side operations, declared in WebIDL
//! (`spec/boundary.webidl`), with their JS bodies in a directory of JS files.
//!
//! Stages, as for the bindings: [`crate::parser`] (shared) → [`check`] (ast →
//! [`model`]) and [`js_bodies`] (declarations ↔ bodies, one to one) →
//! [`codegen_js`] (the script and the fast ABI's adapters) and
//! [`codegen_rust`] (the Rust side of both paths).

pub mod check;
pub mod codegen_js;
pub mod codegen_rust;
pub mod input;
pub mod js_bodies;
pub mod model;
#[cfg(test)]
mod snapshots;

use std::path::Path;
use std::str::FromStr;

use proc_macro2::{Span, TokenStream};
use quote::quote;

use crate::errors::Ctxt;
use crate::{parser, spec_file};
use input::BoundaryArgs;
use js_bodies::{JsFile, JsFiles};
use model::Boundary;

/// Parses and checks a boundary spec against its JS files; all errors combined.
pub fn analyze(tokens: TokenStream, files: &JsFiles) -> syn::Result<Boundary> {
    let cx = Ctxt::new();
    let spec = parser::parse_spec(tokens, &cx);
    let boundary = check::check(&spec, &cx);
    js_bodies::check(&spec, files, &cx);
    cx.finish(boundary)
}

/// Reads every `*.js` file of `dir` (shown in messages as `display/<file>`).
pub fn read_js_dir(dir: &Path, display: &str) -> std::io::Result<JsFiles> {
    let mut files = JsFiles::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("js") {
            continue;
        }
        let (Some(stem), Some(file_name), Some(full)) = (
            path.file_stem().and_then(|s| s.to_str()),
            path.file_name().and_then(|s| s.to_str()),
            path.to_str(),
        ) else {
            continue;
        };
        let text = std::fs::read_to_string(&path)?;
        files.insert(
            stem.to_owned(),
            JsFile { display: format!("{display}/{file_name}"), full: full.to_owned(), text },
        );
    }
    Ok(files)
}

/// The whole expansion of `boundary!(...)`.
pub fn expand(args: BoundaryArgs) -> syn::Result<TokenStream> {
    let (full_path, text) = spec_file::read(&args.path)?;
    let full_path = full_path
        .to_str()
        .ok_or_else(|| syn::Error::new(args.path.span(), "the spec path is not valid UTF-8"))?
        .to_owned();
    let js_dir = spec_file::resolve(&args.js)?;
    let files = read_js_dir(&js_dir, &args.js.value())
        .map_err(|e| syn::Error::new(args.js.span(), format_args!("cannot read the JS directory `{}`: {e}", js_dir.display())))?;
    // Emitted with errors too, so that fixing the spec triggers a rebuild.
    let track = quote! { const _: &str = ::core::include_str!(#full_path); };
    let analyzed = TokenStream::from_str(&text).ok().map(|tokens| analyze(tokens, &files));
    let generated = match analyzed {
        Some(Ok(boundary)) => {
            let script = codegen_js::script(&boundary, &files);
            codegen_rust::Codegen { boundary: &boundary, files: &files, script: &script, support: &args.support }.generate()
        }
        Some(Err(_)) | None => file_errors(&args, &text, &files).into_compile_error(),
    };
    Ok(quote!(#track #generated))
}

/// The errors of the spec, each rendered with file, line and column.
fn file_errors(args: &BoundaryArgs, text: &str, files: &JsFiles) -> syn::Error {
    let span: Span = args.path.span();
    let display_path = args.path.value();
    let mut errors = spec_file::diagnose(text, |tokens| analyze(tokens, files))
        .into_iter()
        .map(|diagnostic| syn::Error::new(span, spec_file::render(&display_path, text, &diagnostic)));
    let Some(mut first) = errors.next() else {
        return syn::Error::new(span, format_args!("{display_path}: the boundary spec does not parse"));
    };
    first.extend(errors);
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A spec file and a JS directory in a fresh temporary directory.
    fn fixture(name: &str, spec: &str, js: &[(&str, &str)]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("rtl-boundary-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("js")).unwrap();
        std::fs::write(dir.join("boundary.webidl"), spec).unwrap();
        for (file, text) in js {
            std::fs::write(dir.join("js").join(file), text).unwrap();
        }
        dir
    }

    fn expand_in(dir: &Path) -> String {
        let lit = |p: std::path::PathBuf| syn::LitStr::new(p.to_str().unwrap(), Span::call_site());
        let args = BoundaryArgs {
            path: lit(dir.join("boundary.webidl")),
            js: lit(dir.join("js")),
            support: syn::parse_quote!(crate::js),
        };
        expand(args).unwrap().to_string()
    }

    #[test]
    fn a_declaration_without_a_body_and_a_body_without_a_declaration_fail_the_build() {
        let dir = fixture(
            "mismatch",
            "[JsBodies=ops]\nnamespace Ops {\n  undefined declared(long x);\n};\n",
            &[("ops.js", "({\n  undeclared(x) {\n  },\n})\n")],
        );
        let out = expand_in(&dir);
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("boundary.webidl:3:13"), "the declaration's line and column: {out}");
        assert!(out.contains("`declared` has no JS body in"), "{out}");
        assert!(out.contains("ops.js:2: body `undeclared` has no declaration in namespace `Ops`"), "{out}");
        // Still tracked, so that fixing the spec rebuilds.
        assert!(out.contains("include_str"), "{out}");
    }

    #[test]
    fn a_matching_boundary_expands_to_code_that_includes_its_js() {
        let dir = fixture(
            "ok",
            "[FastAbi=t1, JsBodies=ops]\nnamespace Ops {\n  [Fallible] undefined go([In=u8] unsigned long p, [Size] unsigned long n);\n};\n",
            &[("ops.js", "(rt) => ({\n  go(p, n) {\n  },\n})\n"), ("helper.js", "function helper() {}\n")],
        );
        let out = expand_in(&dir);
        assert!(!out.contains("compile_error"), "{out}");
        for wanted in ["pub mod ops", "fn t1_go", "pub unsafe fn go", "helper.js", "ops.js", "SCRIPT"] {
            assert!(out.contains(wanted), "{wanted} missing from: {out}");
        }
    }
}
