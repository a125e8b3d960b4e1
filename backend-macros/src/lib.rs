//! Generates typed PyO3 wrappers for the WebAssembly JavaScript API from its
//! WebIDL (`spec/upstream/js-api.webidl` with `spec/additions.webidl`).
//!
//! Two entry points, one generator:
//!
//! - `bindings!(paths = ["../spec/upstream/js-api.webidl", "../spec/additions.webidl"],
//!   support = crate::js)` reads spec files relative to the invoking crate's
//!   `CARGO_MANIFEST_DIR` (`path = "..."` for a single file). Each file is
//!   parsed on its own, then all are checked as one spec, so a `partial`
//!   definition in one file adds to a definition in another. Every file is
//!   tracked with `include_str!`, so editing one rebuilds the crate. Errors are
//!   reported as `file:line:column: message` with the source line and a caret,
//!   at the path literal of the file they are in.
//! - `webidl! { support = crate::js; <definitions> }` takes the WebIDL inline;
//!   errors point at the tokens themselves.
//!
//! `support` is the path of the runtime module the generated code calls for
//! every JS access (`pyodide_runtime_layer::js`).
//!
//! The stages are plain modules over `proc_macro2`: [`parser`] (tokens → [`ast`]),
//! [`merge`] (partial definitions folded into their main definition),
//! [`check`] (ast → [`model`], all errors collected in an [`errors::Ctxt`]),
//! [`codegen`] (model → Rust), with every naming rule in [`names`]. The macro never
//! panics on its input: every problem becomes a spanned compile error.

mod ast;
mod boundary;
mod check;
mod codegen;
mod errors;
mod expand;
mod input;
mod merge;
mod model;
mod names;
mod parser;
#[cfg(test)]
mod snapshots;
mod spec_file;

use proc_macro::TokenStream;

/// Generates the wrappers for WebIDL spec files, read together as one spec.
///
/// ```ignore
/// pyodide_runtime_layer_macros::bindings!(
///     paths = ["../spec/upstream/js-api.webidl", "../spec/additions.webidl"],
///     support = crate::js
/// );
/// ```
///
/// `paths` (or `path = "..."` for one file) are relative to the
/// `CARGO_MANIFEST_DIR` of the crate invoking the macro; `support` is the
/// runtime support module's path.
#[proc_macro]
pub fn bindings(input: TokenStream) -> TokenStream {
    let args = syn::parse_macro_input!(input as input::BindingsArgs);
    expand::expand_file(args)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Generates the wrappers for WebIDL written inline.
///
/// ```ignore
/// pyodide_runtime_layer_macros::webidl! {
///     support = pyodide_runtime_layer::js;
///     enum ValueType { "i32", "i64" };
/// }
/// ```
#[proc_macro]
pub fn webidl(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as input::WebidlInput);
    expand::expand_inline(input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Generates the backend's own boundary: the operations of a boundary spec
/// (WebIDL namespaces, see `spec/boundary.webidl`) checked one to one against
/// their JS bodies in a directory of JS files, the script that loads them,
/// typed wrappers for the namespaces reached through Python, and the fast
/// ABI (Wasm imports, function-table entries, JS adapters).
///
/// ```ignore
/// pyodide_runtime_layer_macros::boundary!(path = "../spec/boundary.webidl", js = "src/js", support = crate::js);
/// ```
#[proc_macro]
pub fn boundary(input: TokenStream) -> TokenStream {
    let args = syn::parse_macro_input!(input as boundary::input::BoundaryArgs);
    boundary::expand(args)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
