//! The two pipelines: spec tokens → [`parser`] → [`check`] → [`codegen`].
//!
//! Nothing here touches `proc_macro`, so unit tests reach all of it.

use std::str::FromStr;

use proc_macro2::{Span, TokenStream};
use quote::quote;

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

/// `webidl! { support = ...; ... }`: errors carry the spans of the input tokens.
pub fn expand_inline(input: WebidlInput) -> syn::Result<TokenStream> {
    let model = analyze(input.body)?;
    Ok(Codegen {
        model: &model,
        support: &input.support,
    }
    .generate())
}

/// `bindings!(path = ..., support = ...)`: reads the spec file, reports its
/// errors with file:line:column at the path literal, and makes the including
/// crate rebuild when the file changes.
pub fn expand_file(args: BindingsArgs) -> syn::Result<TokenStream> {
    let (full_path, text) = spec_file::read(&args.path)?;
    let Some(full_path) = full_path.to_str() else {
        return Err(syn::Error::new(
            args.path.span(),
            "the spec path is not valid UTF-8",
        ));
    };
    // Emitted with errors too, so that fixing the spec triggers a rebuild.
    let track = quote! {
        const _: &str = ::core::include_str!(#full_path);
    };
    let analyzed = TokenStream::from_str(&text).ok().map(analyze);
    let generated = match analyzed {
        Some(Ok(model)) => Codegen {
            model: &model,
            support: &args.support,
        }
        .generate(),
        Some(Err(_)) | None => file_errors(&args, &text).into_compile_error(),
    };
    Ok(quote!(#track #generated))
}

/// The errors of a spec file, each rendered with its position, all at the
/// span of the path literal.
fn file_errors(args: &BindingsArgs, text: &str) -> syn::Error {
    let span: Span = args.path.span();
    let display_path = args.path.value();
    let mut errors = spec_file::diagnose(text, analyze)
        .into_iter()
        .map(|diagnostic| {
            syn::Error::new(span, spec_file::render(&display_path, text, &diagnostic))
        });
    let Some(mut first) = errors.next() else {
        return syn::Error::new(
            span,
            format_args!("{display_path}: the spec does not parse"),
        );
    };
    first.extend(errors);
    first
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let messages: Vec<String> = file.items[1..]
            .iter()
            .map(|item| {
                let syn::Item::Macro(item) = item else {
                    panic!("expected compile_error!, found {}", quote!(#item))
                };
                item.mac.parse_body::<syn::LitStr>().unwrap().value()
            })
            .collect();
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
        let text = std::fs::read_to_string(manifest_dir().join("../spec/js-api.webidl")).unwrap();
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
            match analyze(tokens) {
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
        let args: BindingsArgs =
            syn::parse_str("path = \"../spec/js-api.webidl\", support = crate::js").unwrap();
        let tokens = expand_file(args).unwrap();
        let file: syn::File = syn::parse2(tokens).unwrap();
        let syn::Item::Const(include) = &file.items[0] else {
            panic!("first item is the include_str! const")
        };
        let expected = manifest_dir().join("../spec/js-api.webidl");
        assert!(
            quote!(#include)
                .to_string()
                .contains(&expected.display().to_string())
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
