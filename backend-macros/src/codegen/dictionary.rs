//! Dictionaries.
//!
//! A dictionary `D` becomes a struct with one public field per member:
//! `required` members have their owned type (see [`super::types::owned`]),
//! every other member is an `Option` where `None` leaves the key out (so JS
//! applies the member's default). `to_js` builds a fresh JS object with the
//! present members, `from_js` reads them back by key.
//!
//! Derives: `Debug` always; `Default` when no member is required; `Clone` and
//! `PartialEq` when no member holds a Python object (otherwise `Clone` is
//! implemented by attaching to the interpreter and cloning the references).

use proc_macro2::TokenStream;
use quote::quote;

use super::{Codegen, doc, types};
use crate::model::{Dictionary, DictionaryMember};
use crate::names;

/// The items for one dictionary.
pub fn generate(cx: &Codegen, dictionary: &Dictionary) -> TokenStream {
    let support = cx.support;
    let name = names::ident(&dictionary.rust_name);
    let idl_name = &dictionary.idl_name;
    let bound = types::bound();

    let mut derives = vec![quote!(Debug)];
    if dictionary.plain {
        derives.extend([quote!(Clone), quote!(PartialEq)]);
    }
    if dictionary.members.iter().all(|m| !m.required) {
        derives.push(quote!(Default));
    }

    let fields = dictionary.members.iter().map(field);
    let to_js = dictionary.members.iter().map(|member| {
        let field = names::ident(&member.rust_name);
        let key = &member.idl_name;
        if member.required {
            quote! {
                #support::set_property(&object, ::pyo3::intern!(py, #key), &#support::ToJs::to_js(&self.#field, py)?)?;
            }
        } else {
            quote! {
                if let ::core::option::Option::Some(value) = &self.#field {
                    #support::set_property(&object, ::pyo3::intern!(py, #key), &#support::ToJs::to_js(value, py)?)?;
                }
            }
        }
    });
    let from_js = dictionary.members.iter().map(|member| {
        let field = names::ident(&member.rust_name);
        let key = &member.idl_name;
        if member.required {
            quote!(#field: #support::required_member(value, ::pyo3::intern!(py, #key), #idl_name)?)
        } else {
            quote!(#field: #support::optional_member(value, ::pyo3::intern!(py, #key))?)
        }
    });
    let field_names: Vec<_> = dictionary
        .members
        .iter()
        .map(|m| names::ident(&m.rust_name))
        .collect();

    let (clone_impl, clone_ref_body) = if dictionary.plain {
        (quote!(), quote!(::core::clone::Clone::clone(self)))
    } else {
        let body = quote! {
            Self { #(#field_names: #support::CloneRef::clone_ref(&self.#field_names, py)),* }
        };
        let clone_impl = quote! {
            /// Clones every member (attaching to the interpreter for the reference counts).
            impl ::core::clone::Clone for #name {
                fn clone(&self) -> Self {
                    ::pyo3::Python::attach(|py| #support::CloneRef::clone_ref(self, py))
                }
            }
        };
        (clone_impl, body)
    };
    let unused_py = if dictionary.plain {
        quote!(_py)
    } else {
        quote!(py)
    };
    let bind_py = if dictionary.members.is_empty() {
        quote!(let _ = value;)
    } else {
        quote!(let py = value.py();)
    };

    let docs = doc(&[
        format!("`{idl_name}` (JS API dictionary)."),
        String::new(),
        "Required members are plain fields; the others are `Option`s, where `None`".to_owned(),
        "leaves the key out of the JS object so that JS applies its default.".to_owned(),
    ]);
    let to_js_docs = doc(&[format!(
        "A fresh JS object with the present members of this `{idl_name}` as properties."
    )]);
    let from_js_docs = doc(&[
        format!("Reads a `{idl_name}` from the JS object `value`, by key on the JS side."),
        String::new(),
        "A missing (`undefined`) required member is an error.".to_owned(),
    ]);
    quote! {
        #docs
        #[derive(#(#derives),*)]
        pub struct #name {
            #(#fields)*
        }

        impl #name {
            #to_js_docs
            pub fn to_js<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<#bound> {
                let object = #support::new_object(py)?;
                #(#to_js)*
                ::core::result::Result::Ok(object)
            }

            #from_js_docs
            pub fn from_js<'py>(value: &#bound) -> ::pyo3::PyResult<Self> {
                #bind_py
                ::core::result::Result::Ok(Self {
                    #(#from_js,)*
                })
            }
        }

        #clone_impl

        impl #support::ToJs for #name {
            fn to_js<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<#bound> {
                #name::to_js(self, py)
            }
        }

        impl<'py> #support::FromJs<'py> for #name {
            fn from_js(value: #bound) -> ::pyo3::PyResult<Self> {
                #name::from_js(&value)
            }
        }

        impl #support::CloneRef for #name {
            fn clone_ref(&self, #unused_py: ::pyo3::Python<'_>) -> Self {
                #clone_ref_body
            }
        }
    }
}

/// One struct field with its docs.
fn field(member: &DictionaryMember) -> TokenStream {
    let name = names::ident(&member.rust_name);
    let ty = types::owned(&member.ty);
    let mut lines = vec![format!("WebIDL: `{}`", member.idl)];
    if !member.required {
        lines.push(String::new());
        match &member.default {
            Some(default) => lines.push(format!(
                "`None` leaves the key out, so JS uses the default, `{default}`."
            )),
            None => lines.push("`None` leaves the key out.".to_owned()),
        }
    }
    let docs = doc(&lines);
    if member.required {
        quote!(#docs pub #name: #ty,)
    } else {
        quote!(#docs pub #name: ::core::option::Option<#ty>,)
    }
}
