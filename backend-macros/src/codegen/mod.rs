//! [`Model`] → Rust items: one `generate_*` function per kind of definition
//! (`interface.rs`, `dictionary.rs`, `enumeration.rs`), the type mapping in
//! `types.rs`.
//!
//! Generated code names pyo3 as `::pyo3`, std items by full path, and the
//! runtime support module (the `support = path` argument) by the given path;
//! all JS access goes through that module. Every generated item is `pub` and
//! documented from the WebIDL it comes from.

mod dictionary;
mod enumeration;
mod interface;
pub mod types;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Definition, Model};

/// What every generator needs.
pub struct Codegen<'a> {
    /// The checked spec.
    pub model: &'a Model,
    /// Path of the runtime support module, e.g. `crate::js`.
    pub support: &'a syn::Path,
}

impl Codegen<'_> {
    /// The items for the whole model, in source order.
    pub fn generate(&self) -> TokenStream {
        self.model
            .definitions
            .iter()
            .map(|d| self.generate_definition(d))
            .collect()
    }

    /// The items for one definition.
    pub fn generate_definition(&self, definition: &Definition) -> TokenStream {
        match definition {
            Definition::Interface(i) => interface::generate(self, i),
            Definition::Dictionary(d) => dictionary::generate(self, d),
            Definition::Enum(e) => enumeration::generate(self, e),
        }
    }
}

/// `#[doc = "..."]` attributes, one per line (a leading space is added so the
/// text reads like a `///` comment).
pub fn doc<S: AsRef<str>>(lines: &[S]) -> TokenStream {
    lines
        .iter()
        .map(|line| {
            let line = line.as_ref();
            let text = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            quote!(#[doc = #text])
        })
        .collect()
}
