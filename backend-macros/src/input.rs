//! The arguments of the two macros.

use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Ident, LitStr, Token, bracketed};

/// `bindings!(paths = ["a.webidl", "b.webidl"], support = crate::js)`, keys
/// in any order; `path = "a.webidl"` is the one-file form.
pub struct BindingsArgs {
    /// The spec files, relative to the invoking crate's `CARGO_MANIFEST_DIR`,
    /// in the order they are read (at least one).
    pub paths: Vec<LitStr>,
    /// Path of the runtime support module the generated code calls.
    pub support: syn::Path,
}

impl Parse for BindingsArgs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut paths: Option<Vec<LitStr>> = None;
        let mut support = None;
        while !input.is_empty() {
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            match key.to_string().as_str() {
                "path" | "paths" if paths.is_some() => {
                    return Err(syn::Error::new(
                        key.span(),
                        "the spec files are given twice (use either `path` or `paths`, once)",
                    ));
                }
                "path" => paths = Some(vec![input.parse::<LitStr>()?]),
                "paths" => {
                    let list;
                    let brackets = bracketed!(list in input);
                    let list = Punctuated::<LitStr, Token![,]>::parse_terminated(&list)?;
                    if list.is_empty() {
                        return Err(syn::Error::new(
                            brackets.span.join(),
                            "`paths` needs at least one spec file",
                        ));
                    }
                    paths = Some(list.into_iter().collect());
                }
                "support" if support.is_none() => support = Some(input.parse::<syn::Path>()?),
                "support" => {
                    return Err(syn::Error::new(
                        key.span(),
                        format_args!("`{key}` is given twice"),
                    ));
                }
                _ => {
                    return Err(syn::Error::new(
                        key.span(),
                        format_args!(
                            "unknown argument `{key}`, expected `paths = [\"...\", ...]`, `path = \"...\"` or `support = path::to::module`"
                        ),
                    ));
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        let missing = |what: &str| {
            syn::Error::new(Span::call_site(), format_args!("missing argument `{what}`"))
        };
        Ok(Self {
            paths: paths.ok_or_else(|| missing("paths = [\"...\", ...]"))?,
            support: support.ok_or_else(|| missing("support = path::to::module"))?,
        })
    }
}

/// `webidl! { support = crate::js; <WebIDL definitions> }`
pub struct WebidlInput {
    /// Path of the runtime support module the generated code calls.
    pub support: syn::Path,
    /// The WebIDL definitions.
    pub body: TokenStream,
}

impl Parse for WebidlInput {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let key: Ident = input.parse()?;
        if key != "support" {
            return Err(syn::Error::new(
                key.span(),
                "expected `support = path::to::module;` first",
            ));
        }
        input.parse::<Token![=]>()?;
        let support = input.parse()?;
        input.parse::<Token![;]>()?;
        Ok(Self {
            support,
            body: input.parse()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_args() {
        let values =
            |args: BindingsArgs| -> Vec<String> { args.paths.iter().map(LitStr::value).collect() };
        let args: BindingsArgs =
            syn::parse_str("support = crate::js, path = \"a.webidl\",").unwrap();
        assert_eq!(values(args), ["a.webidl"]);
        let args: BindingsArgs =
            syn::parse_str("paths = [\"a.webidl\", \"b.webidl\",], support = crate::js").unwrap();
        assert_eq!(values(args), ["a.webidl", "b.webidl"]);
        let err = |src: &str| {
            syn::parse_str::<BindingsArgs>(src)
                .err()
                .unwrap()
                .to_string()
        };
        assert_eq!(
            err("path = \"a\""),
            "missing argument `support = path::to::module`"
        );
        assert_eq!(
            err("support = crate::js"),
            "missing argument `paths = [\"...\", ...]`"
        );
        assert_eq!(
            err("path = \"a\", paths = [\"b\"]"),
            "the spec files are given twice (use either `path` or `paths`, once)"
        );
        assert_eq!(
            err("paths = [], support = crate::js"),
            "`paths` needs at least one spec file"
        );
        assert_eq!(err("paths = [1]"), "expected string literal");
        assert_eq!(err("support = a, support = b"), "`support` is given twice");
        assert_eq!(
            err("file = \"a\""),
            "unknown argument `file`, expected `paths = [\"...\", ...]`, `path = \"...\"` or `support = path::to::module`"
        );
    }

    #[test]
    fn webidl_input() {
        let input: WebidlInput = syn::parse_str("support = crate::js; enum E { \"a\" };").unwrap();
        assert_eq!(input.body.to_string(), "enum E { \"a\" } ;");
        assert!(syn::parse_str::<WebidlInput>("enum E {};").is_err());
    }
}
