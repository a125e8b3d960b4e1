//! Enums.
//!
//! A WebIDL enum becomes a fieldless Rust enum (`Copy`, `Eq`, `Hash`) with
//! `as_str` (the JS string), `from_js_str`, `VALUES` (all variants in IDL
//! order) and `Display`; it crosses to JS as its string.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Codegen, doc, types};
use crate::model::Enum;
use crate::names;

/// The items for one enum.
pub fn generate(cx: &Codegen, e: &Enum) -> TokenStream {
    let support = cx.support;
    let name = names::ident(&e.rust_name);
    let idl_name = &e.idl_name;
    let bound = types::bound();
    let variants: Vec<_> = e.values.iter().map(|v| names::ident(&v.variant)).collect();
    let values: Vec<&str> = e.values.iter().map(|v| v.value.as_str()).collect();
    let variant_docs = values.iter().map(|value| doc(&[format!("`{value:?}`")]));
    let docs = doc(&[
        format!("`{idl_name}` (JS API enum)."),
        String::new(),
        "Crosses to JS as its string value (see [`Self::as_str`]).".to_owned(),
    ]);
    quote! {
        #docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#variant_docs #variants,)*
        }

        impl #name {
            /// Every value, in WebIDL order.
            pub const VALUES: &'static [Self] = &[#(Self::#variants),*];

            /// The JS string of this value.
            pub const fn as_str(self) -> &'static str {
                match self {
                    #(Self::#variants => #values,)*
                }
            }

            /// The value whose JS string is `value`, if any.
            pub fn from_js_str(value: &str) -> ::core::option::Option<Self> {
                match value {
                    #(#values => ::core::option::Option::Some(Self::#variants),)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl #support::ToJs for #name {
            fn to_js<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<#bound> {
                #support::ToJs::to_js(self.as_str(), py)
            }
        }

        /// A string that is not one of the values is an error.
        impl<'py> #support::FromJs<'py> for #name {
            fn from_js(value: #bound) -> ::pyo3::PyResult<Self> {
                let text: ::std::string::String = #support::FromJs::from_js(value)?;
                Self::from_js_str(&text).ok_or_else(|| #support::invalid_enum_value(#idl_name, &text))
            }
        }

        impl #support::CloneRef for #name {
            fn clone_ref(&self, _py: ::pyo3::Python<'_>) -> Self {
                *self
            }
        }
    }
}
