//! The arguments of the two macros.

use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

/// `bindings!(path = "../spec/js-api.webidl", support = crate::js)`, keys in any order.
pub struct BindingsArgs {
    /// The spec file, relative to the invoking crate's `CARGO_MANIFEST_DIR`.
    pub path: LitStr,
    /// Path of the runtime support module the generated code calls.
    pub support: syn::Path,
}

impl Parse for BindingsArgs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut path = None;
        let mut support = None;
        while !input.is_empty() {
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            match key.to_string().as_str() {
                "path" if path.is_none() => path = Some(input.parse::<LitStr>()?),
                "support" if support.is_none() => support = Some(input.parse::<syn::Path>()?),
                "path" | "support" => {
                    return Err(syn::Error::new(
                        key.span(),
                        format_args!("`{key}` is given twice"),
                    ));
                }
                _ => {
                    return Err(syn::Error::new(
                        key.span(),
                        format_args!(
                            "unknown argument `{key}`, expected `path = \"...\"` or `support = path::to::module`"
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
            path: path.ok_or_else(|| missing("path = \"...\""))?,
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
        let args: BindingsArgs =
            syn::parse_str("support = crate::js, path = \"a.webidl\",").unwrap();
        assert_eq!(args.path.value(), "a.webidl");
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
        assert_eq!(err("path = \"a\", path = \"b\""), "`path` is given twice");
        assert_eq!(
            err("file = \"a\""),
            "unknown argument `file`, expected `path = \"...\"` or `support = path::to::module`"
        );
    }

    #[test]
    fn webidl_input() {
        let input: WebidlInput = syn::parse_str("support = crate::js; enum E { \"a\" };").unwrap();
        assert_eq!(input.body.to_string(), "enum E { \"a\" } ;");
        assert!(syn::parse_str::<WebidlInput>("enum E {};").is_err());
    }
}
