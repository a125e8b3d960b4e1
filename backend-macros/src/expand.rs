//! The two pipelines: spec tokens → [`parser`] → [`check`] → [`codegen`].
//!
//! Nothing here touches `proc_macro`, so unit tests reach all of it.

use std::str::FromStr;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::LitStr;

use crate::ast::Spec;
use crate::codegen::Codegen;
use crate::errors::Ctxt;
use crate::input::{BindingsArgs, WebidlInput};
use crate::model::Model;
use crate::{check, merge, parser, spec_file};

/// Parses and checks a spec; all errors combined.
pub fn analyze(tokens: TokenStream) -> syn::Result<Model> {
    analyze_files(vec![tokens])
}

/// Parses each file of a spec on its own (so that syntax recovery stays
/// within a file), merges their partial definitions and checks the whole;
/// all errors combined.
pub fn analyze_files(files: Vec<TokenStream>) -> syn::Result<Model> {
    let cx = Ctxt::new();
    let mut spec = Spec::default();
    for tokens in files {
        spec.definitions
            .extend(parser::parse_spec(tokens, &cx).definitions);
    }
    let spec = merge::merge(spec, &cx);
    let model = check::check(&spec, &cx);
    cx.finish(model)
}

/// The spec files of this repository, relative to this crate's manifest
/// directory, in the order `backend/src/bindings.rs` passes them.
#[cfg(test)]
pub const REAL_SPEC: &[&str] = &["../spec/upstream/js-api.webidl", "../spec/additions.webidl"];

/// The texts of [`REAL_SPEC`].
#[cfg(test)]
pub fn real_spec_texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    REAL_SPEC
        .iter()
        .map(|path| std::fs::read_to_string(dir.join(path)).unwrap())
        .collect()
}

/// [`REAL_SPEC`] analyzed.
#[cfg(test)]
pub fn analyze_real_spec() -> syn::Result<Model> {
    analyze_files(
        real_spec_texts()
            .iter()
            .map(|text| TokenStream::from_str(text).unwrap())
            .collect(),
    )
}

/// `webidl! { support = ...; ... }`: errors carry the spans of the input tokens.
pub fn expand_inline(input: WebidlInput) -> syn::Result<TokenStream> {
    let model = analyze(input.body)?;
    Ok(Codegen {
        model: &model,
        support: &input.support,
    }
    .generate())
}

/// `bindings!(paths = [...], support = ...)`: reads the spec files, reports
/// their errors with file:line:column at the literal of the file concerned,
/// and makes the including crate rebuild when any of them changes.
pub fn expand_file(args: BindingsArgs) -> syn::Result<TokenStream> {
    let mut track = TokenStream::new();
    let mut texts = Vec::new();
    for path in &args.paths {
        let (full_path, text) = spec_file::read(path)?;
        let Some(full_path) = full_path.to_str() else {
            return Err(syn::Error::new(
                path.span(),
                "the spec path is not valid UTF-8",
            ));
        };
        // Emitted with errors too, so that fixing the spec triggers a rebuild.
        track.extend(quote! {
            const _: &str = ::core::include_str!(#full_path);
        });
        texts.push(text);
    }
    let files: Option<Vec<TokenStream>> = texts
        .iter()
        .map(|text| TokenStream::from_str(text).ok())
        .collect();
    let generated = match files.map(analyze_files) {
        Some(Ok(model)) => Codegen {
            model: &model,
            support: &args.support,
        }
        .generate(),
        Some(Err(_)) | None => file_errors(&args, &texts).into_compile_error(),
    };
    Ok(quote!(#track #generated))
}

/// The errors of the spec files, each rendered with its file and position,
/// at the span of that file's path literal.
fn file_errors(args: &BindingsArgs, texts: &[String]) -> syn::Error {
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let all_paths = || {
        args.paths
            .iter()
            .map(LitStr::value)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut errors = spec_file::diagnose_files(&borrowed, analyze_files)
        .into_iter()
        .map(|diagnostic| {
            let file = diagnostic
                .file
                .and_then(|i| Some((args.paths.get(i)?, texts.get(i)?)));
            match file {
                Some((path, text)) => syn::Error::new(
                    path.span(),
                    spec_file::render(&path.value(), text, &diagnostic),
                ),
                None => syn::Error::new(
                    first_span(args),
                    format_args!("{}: {}", all_paths(), diagnostic.message),
                ),
            }
        });
    let Some(mut first) = errors.next() else {
        return syn::Error::new(
            first_span(args),
            format_args!("{}: the spec does not parse", all_paths()),
        );
    };
    first.extend(errors);
    first
}

/// The span of the first path literal (the call site if there is none).
fn first_span(args: &BindingsArgs) -> Span {
    args.paths
        .first()
        .map_or_else(Span::call_site, LitStr::span)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message of each `compile_error!` in `items`.
    fn error_messages(items: &[syn::Item]) -> Vec<String> {
        items
            .iter()
            .map(|item| {
                let syn::Item::Macro(item) = item else {
                    panic!("expected compile_error!, found {}", quote!(#item))
                };
                item.mac.parse_body::<syn::LitStr>().unwrap().value()
            })
            .collect()
    }

    fn manifest_dir() -> std::path::PathBuf {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn file_errors_name_file_line_and_column() {
        // The bad spec used by the trybuild suite as well.
        let args: BindingsArgs =
            syn::parse_str("path = \"../tests/ui/spec-typo.webidl\", support = crate::js").unwrap();
        let tokens = expand_file(args).unwrap();
        let file: syn::File = syn::parse2(tokens).unwrap();
        assert!(
            matches!(&file.items[0], syn::Item::Const(_)),
            "the spec is tracked even when it has errors"
        );
        let messages = error_messages(&file.items[1..]);
        assert_eq!(
            messages,
            [
                "../tests/ui/spec-typo.webidl:6:3: unknown type `AdressValue`; did you mean `AddressValue`?\n  |\n6 |   AdressValue grow(AddressValue delta);\n  |   ^^^^^^^^^^^",
                "../tests/ui/spec-typo.webidl:7:22: unknown type `ArrayBufer`; did you mean `ArrayBuffer`?\n  |\n7 |   readonly attribute ArrayBufer buffer;\n  |                      ^^^^^^^^^^",
            ]
        );
    }

    /// The generator must never panic: every one-line deletion and every
    /// duplicated line of the real spec either checks clean and generates
    /// parseable Rust, or yields errors.
    #[test]
    fn mutated_specs_never_panic() {
        // Mutations of the upstream file, read together with the additions.
        let texts = real_spec_texts();
        let (text, additions) = (&texts[0], &texts[1]);
        let lines: Vec<&str> = text.lines().collect();
        let support: syn::Path = syn::parse_quote!(crate::js);
        let mut variants = Vec::new();
        for i in 0..lines.len() {
            let line = lines[i].trim();
            if line.is_empty() || line.starts_with("//") {
                continue;
            }
            let mut deleted = lines.clone();
            deleted.remove(i);
            variants.push(deleted.join("\n"));
            let mut doubled = lines.clone();
            doubled.insert(i, lines[i]);
            variants.push(doubled.join("\n"));
        }
        let mut failing = 0;
        for variant in &variants {
            let Ok(tokens) = TokenStream::from_str(variant) else {
                failing += 1;
                continue;
            };
            let additions = TokenStream::from_str(additions).unwrap();
            match analyze_files(vec![tokens, additions]) {
                Ok(model) => {
                    let generated = Codegen {
                        model: &model,
                        support: &support,
                    }
                    .generate();
                    syn::parse2::<syn::File>(generated).unwrap();
                }
                Err(_) => failing += 1,
            }
        }
        assert!(
            failing > variants.len() / 2,
            "most mutations are errors ({failing} of {})",
            variants.len()
        );
    }

    #[test]
    fn missing_file() {
        let args: BindingsArgs =
            syn::parse_str("path = \"no/such.webidl\", support = crate::js").unwrap();
        let message = expand_file(args).unwrap_err().to_string();
        assert!(message.starts_with("cannot read `"), "{message}");
        assert!(message.contains("no/such.webidl"), "{message}");
    }

    #[test]
    fn real_spec_expands_with_include_str() {
        let args: BindingsArgs = syn::parse_str(&format!(
            "paths = [{:?}, {:?}], support = crate::js",
            REAL_SPEC[0], REAL_SPEC[1]
        ))
        .unwrap();
        let tokens = expand_file(args).unwrap();
        let file: syn::File = syn::parse2(tokens).unwrap();
        for (i, path) in REAL_SPEC.iter().enumerate() {
            let syn::Item::Const(include) = &file.items[i] else {
                panic!("item {i} is the include_str! const of {path}")
            };
            let expected = manifest_dir().join(path);
            assert!(
                quote!(#include)
                    .to_string()
                    .contains(&expected.display().to_string())
            );
        }
        assert!(file.items.len() > 20, "the definitions follow");
    }

    #[test]
    fn errors_point_at_the_literal_of_their_file() {
        // The typo file redefines `AddressValue` and `Memory`: those errors are
        // in the second file; nothing points into the first.
        let args: BindingsArgs = syn::parse_str(&format!(
            "paths = [{:?}, \"../tests/ui/spec-typo.webidl\"], support = crate::js",
            REAL_SPEC[0]
        ))
        .unwrap();
        let tokens = expand_file(args).unwrap();
        let file: syn::File = syn::parse2(tokens).unwrap();
        let messages = error_messages(&file.items[2..]);
        let firsts: Vec<&str> = messages
            .iter()
            .map(|m| m.lines().next().unwrap_or_default())
            .collect();
        assert_eq!(
            firsts,
            [
                "../tests/ui/spec-typo.webidl:3:13: duplicate definition `AddressValue` (already defined as a typedef)",
                "../tests/ui/spec-typo.webidl:5:11: duplicate definition `Memory` (already defined as an interface)",
            ]
        );
    }

    #[test]
    fn inline_errors_are_all_reported() {
        let input: WebidlInput = syn::parse_str(
            "support = crate::js;
             [Secure] interface I { Foo f(); readonly attribute any; };
             interfac J {};",
        )
        .unwrap();
        let messages: Vec<String> = expand_inline(input)
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            messages,
            [
                "malformed member: expected the attribute name, found `;`",
                "unknown definition keyword `interfac`, expected one of `interface`, `namespace`, `dictionary`, `enum`, `typedef`",
                "unsupported extended attribute `Secure` (supported: `Exposed`, `LegacyNamespace`, `EnforceRange`, `Clamp`)",
                "unknown type `Foo`",
            ]
        );
    }
}
