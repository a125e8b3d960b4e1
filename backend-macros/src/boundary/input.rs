//! The arguments of `boundary!`.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

/// `boundary!(path = "../spec/boundary.webidl", js = "src/js", support = crate::js)`,
/// keys in any order; paths relative to the invoking crate's `CARGO_MANIFEST_DIR`.
pub struct BoundaryArgs {
    /// The boundary spec file.
    pub path: LitStr,
    /// The directory of JS files: the bodies files and the helpers.
    pub js: LitStr,
    /// Path of the runtime support module the generated code calls.
    pub support: syn::Path,
}

impl Parse for BoundaryArgs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let (mut path, mut js, mut support) = (None, None, None);
        while !input.is_empty() {
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            let twice = || syn::Error::new(key.span(), format_args!("`{key}` is given twice"));
            match key.to_string().as_str() {
                "path" if path.is_some() => return Err(twice()),
                "js" if js.is_some() => return Err(twice()),
                "support" if support.is_some() => return Err(twice()),
                "path" => path = Some(input.parse::<LitStr>()?),
                "js" => js = Some(input.parse::<LitStr>()?),
                "support" => support = Some(input.parse::<syn::Path>()?),
                _ => {
                    return Err(syn::Error::new(
                        key.span(),
                        format_args!("unknown argument `{key}`, expected `path = \"...\"`, `js = \"...\"` or `support = path::to::module`"),
                    ));
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        let missing = |what: &str| syn::Error::new(Span::call_site(), format_args!("missing argument `{what}`"));
        Ok(Self {
            path: path.ok_or_else(|| missing("path = \"...\""))?,
            js: js.ok_or_else(|| missing("js = \"...\""))?,
            support: support.ok_or_else(|| missing("support = path::to::module"))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        let args: BoundaryArgs = syn::parse_str("js = \"src/js\", support = crate::js, path = \"b.webidl\"").unwrap();
        assert_eq!((args.path.value(), args.js.value()), ("b.webidl".to_owned(), "src/js".to_owned()));
        let err = |src: &str| syn::parse_str::<BoundaryArgs>(src).err().unwrap().to_string();
        assert_eq!(err("path = \"a\", support = x"), "missing argument `js = \"...\"`");
        assert_eq!(err("js = \"a\", js = \"b\""), "`js` is given twice");
    }
}
