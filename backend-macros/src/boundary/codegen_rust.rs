//! The generated Rust side of a boundary: the script constant, a typed
//! wrapper per portable namespace (reached through Pyodide's FFI), and the
//! fast ABI module (Wasm imports, function-table entries, status decoding).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::codegen_js::{Piece, import_name};
use super::js_bodies::JsFiles;
use super::model::{Boundary, Namespace, Operation, Type};
use crate::names;

/// Generates everything for `boundary`; `script` from [`super::codegen_js::script`].
pub struct Codegen<'a> {
    /// The checked boundary.
    pub boundary: &'a Boundary,
    /// The JS files (for `include_str!` paths).
    pub files: &'a JsFiles,
    /// The script's pieces.
    pub script: &'a [Piece],
    /// The runtime support module's path.
    pub support: &'a syn::Path,
}

impl Codegen<'_> {
    /// All items.
    pub fn generate(&self) -> TokenStream {
        let script = self.script_items();
        let namespaces = self.boundary.namespaces.iter().map(|n| self.namespace(n));
        quote!(#script #(#namespaces)*)
    }

    /// One namespace's items.
    pub fn namespace(&self, namespace: &Namespace) -> TokenStream {
        match &namespace.fast_abi {
            Some(prefix) => fast_abi(namespace, prefix),
            None => self.portable(namespace),
        }
    }

    /// `SCRIPT` and `script_exports`.
    pub fn script_items(&self) -> TokenStream {
        let support = self.support;
        let parts = self.script.iter().map(|piece| match piece {
            Piece::Text(text) => quote!(#text),
            Piece::File(stem) => {
                let full = self.files.get(stem).map_or(String::new(), |f| f.full.clone());
                quote!(::core::include_str!(#full))
            }
        });
        quote! {
            /// The backend's JS: every file of the JS directory and the
            /// generated fast-ABI adapters, as one script that evaluates to an
            /// object holding each namespace.
            pub const SCRIPT: &str = ::core::concat!(#(#parts),*);

            /// The object [`SCRIPT`] evaluated to, made once per interpreter.
            pub fn script_exports<'py>(py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                static EXPORTS: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
                EXPORTS
                    .get_or_try_init(py, || #support::run_js(py, SCRIPT).map(::pyo3::Bound::unbind))
                    .map(|exports| exports.bind(py).clone())
            }
        }
    }

    fn portable(&self, namespace: &Namespace) -> TokenStream {
        let name = names::ident(&names::type_name(&namespace.idl_name));
        let idl_name = &namespace.idl_name;
        let doc = format!(
            " `namespace {idl_name}` of the boundary spec: each function calls its JS body (`{}`) through Pyodide's FFI; a JS exception comes back as `Err`.",
            self.files.get(&namespace.bodies).map_or(namespace.bodies.as_str(), |f| f.display.as_str())
        );
        let operations = namespace.operations.iter().map(|op| self.portable_operation(idl_name, op));
        quote! {
            #[doc = #doc]
            #[derive(Clone, Copy, Debug)]
            pub struct #name;
            impl #name {
                #(#operations)*
            }
        }
    }

    fn portable_operation(&self, namespace: &str, op: &Operation) -> TokenStream {
        let support = self.support;
        let fn_name = names::ident(&op.rust_name);
        let key = &op.idl_name;
        let doc = format!(" WebIDL: `{}`", op.idl);
        let params = op.args.iter().map(|arg| {
            let name = names::ident(&arg.rust_name);
            let ty = param_type(&arg.ty);
            if arg.optional { quote!(#name: ::core::option::Option<#ty>) } else { quote!(#name: #ty) }
        });
        let pushes = op.args.iter().map(|arg| {
            let name = names::ident(&arg.rust_name);
            if arg.optional {
                quote! { if let ::core::option::Option::Some(#name) = #name { args.push(#support::ToJs::to_js(&#name, py)?); } }
            } else {
                quote! { args.push(#support::ToJs::to_js(&#name, py)?); }
            }
        });
        let ret = owned_type(&op.ret);
        let count = op.args.len();
        quote! {
            #[doc = #doc]
            pub fn #fn_name<'py>(py: ::pyo3::Python<'py> #(, #params)*) -> ::pyo3::PyResult<#ret> {
                static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
                let function = FUNCTION.get_or_try_init(py, || {
                    let namespace = #support::get_property(&script_exports(py)?, #namespace)?;
                    #support::get_property(&namespace, #key).map(::pyo3::Bound::unbind)
                })?;
                let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(#count);
                #(#pushes)*
                let result = #support::call_positional(function.bind(py), &args)?;
                #support::FromJs::from_js(result)
            }
        }
    }
}

/// A parameter's Rust type (borrowed where it can be).
fn param_type(ty: &Type) -> TokenStream {
    match ty {
        Type::Any => quote!(&::pyo3::Bound<'py, ::pyo3::PyAny>),
        Type::String => quote!(&str),
        Type::Sequence(inner) => {
            let inner = owned_type(inner);
            quote!(&[#inner])
        }
        Type::Nullable(inner) => {
            let inner = param_type(inner);
            quote!(::core::option::Option<#inner>)
        }
        other => owned_type(other),
    }
}

/// A value's owned Rust type (results, sequence elements).
fn owned_type(ty: &Type) -> TokenStream {
    match ty {
        Type::Undefined => quote!(()),
        Type::Any => quote!(::pyo3::Bound<'py, ::pyo3::PyAny>),
        Type::Boolean => quote!(bool),
        Type::I32 => quote!(i32),
        Type::U32 => quote!(u32),
        Type::F64 => quote!(f64),
        Type::String => quote!(::std::string::String),
        Type::Sequence(inner) => {
            let inner = owned_type(inner);
            quote!(::std::vec::Vec<#inner>)
        }
        Type::Nullable(inner) => {
            let inner = owned_type(inner);
            quote!(::core::option::Option<#inner>)
        }
        Type::Size => quote!(usize),
        Type::In(p) => {
            let p = format_ident!("{}", p.rust());
            quote!(*const #p)
        }
        Type::Out(p) => {
            let p = format_ident!("{}", p.rust());
            quote!(*mut #p)
        }
    }
}

/// The raw Wasm-level result type of a fast operation.
fn raw_result(op: &Operation) -> TokenStream {
    match (&op.ret, op.fallible) {
        (Type::Undefined, false) => quote!(()),
        (Type::Undefined, true) => quote!(i32),
        (ty, _) => owned_type(ty),
    }
}

/// What a fast operation returns natively, where it is never installed.
fn native_result(op: &Operation) -> TokenStream {
    match (&op.ret, op.fallible) {
        (Type::Undefined, false) => quote!(()),
        (Type::Undefined, true) => quote!(1),
        (_, true) => quote!(-1),
        (Type::F64, false) => quote!(0.0),
        (_, false) => quote!(0),
    }
}

/// The `pub mod <name>` of a `[FastAbi]` namespace.
fn fast_abi(namespace: &Namespace, prefix: &str) -> TokenStream {
    let module = names::ident(&names::method_name(&namespace.idl_name));
    let ops = &namespace.operations;
    let count = ops.len();
    let fields: Vec<_> = ops.iter().map(|op| names::ident(&op.rust_name)).collect();
    let imports: Vec<_> = ops.iter().map(|op| format_ident!("{}", import_name(prefix, op))).collect();
    let fn_types: Vec<_> = ops
        .iter()
        .map(|op| {
            let params = op.args.iter().map(|a| owned_type(&a.ty));
            let ret = raw_result(op);
            quote!(unsafe extern "C" fn(#(#params),*) -> #ret)
        })
        .collect();
    let declarations = ops.iter().zip(&imports).map(|(op, import)| {
        let params = op.args.iter().map(|a| {
            let name = names::ident(&a.rust_name);
            let ty = owned_type(&a.ty);
            quote!(#name: #ty)
        });
        let ret = raw_result(op);
        quote!(pub fn #import(#(#params),*) -> #ret;)
    });
    let indices = 0..count;
    let functions = ops.iter().zip(&imports).map(|(op, import)| fast_function(op, import));
    let doc = format!(
        " `namespace {}` of the boundary spec: the fast path's operations. Each is a Wasm import `{prefix}_<name>` of this side module (bound through the Pyodide loader's lazy stub) and, once [`set_direct`] has run, an entry of the shared function table called through a plain function pointer. Natively they exist so that callers compile, and report failure.",
        namespace.idl_name
    );
    quote! {
        #[doc = #doc]
        pub mod #module {
            #[cfg(target_os = "emscripten")]
            mod imports {
                unsafe extern "C" {
                    #(#declarations)*
                }
            }

            /// A failed operation: its JS error is kept on the JS side, for
            /// `FastRuntime::take_error`.
            #[derive(Clone, Copy, Debug, PartialEq, Eq)]
            pub struct Failed;

            /// The operations' entries in the shared function table.
            #[derive(Clone, Copy)]
            #[cfg_attr(not(target_os = "emscripten"), allow(dead_code))]
            struct Direct {
                #(#fields: #fn_types,)*
            }

            static DIRECT: ::std::sync::OnceLock<Direct> = ::std::sync::OnceLock::new();

            /// How many operations there are: the length [`set_direct`] expects.
            pub const OPERATIONS: usize = #count;

            /// Makes every call take the function-table entries: `indices`
            /// holds one per operation, in declaration order (what the JS
            /// `register` returned). Returns `false`, changing nothing, if
            /// the count is wrong or an index is 0.
            ///
            /// # Safety
            /// Each index must be a function-table entry with its operation's
            /// signature.
            pub unsafe fn set_direct(indices: &[usize]) -> bool {
                if indices.len() != OPERATIONS || indices.contains(&0) {
                    return false;
                }
                // SAFETY: on wasm32 a function pointer is its table index; the
                // caller vouches for the signatures.
                let direct = unsafe {
                    Direct {
                        #(#fields: ::core::mem::transmute::<usize, #fn_types>(indices[#indices]),)*
                    }
                };
                let _ = DIRECT.set(direct);
                true
            }

            #(#functions)*
        }
    }
}

/// One fast operation: the call (function-table entry, else the import) and
/// the decoding of its status.
fn fast_function(op: &Operation, import: &proc_macro2::Ident) -> TokenStream {
    let name = names::ident(&op.rust_name);
    let params: Vec<_> = op
        .args
        .iter()
        .map(|a| {
            let name = names::ident(&a.rust_name);
            let ty = owned_type(&a.ty);
            quote!(#name: #ty)
        })
        .collect();
    let args: Vec<_> = op.args.iter().map(|a| names::ident(&a.rust_name)).collect();
    let raw = raw_result(op);
    let native = native_result(op);
    let (ret, decode, contract) = match (&op.ret, op.fallible) {
        (Type::Undefined, true) => (
            quote!(::core::result::Result<(), Failed>),
            quote!(if raw == 0 { Ok(()) } else { Err(Failed) }),
            "`Err(Failed)` when the body threw.",
        ),
        (_, true) => (
            quote!(::core::result::Result<u32, Failed>),
            quote!(u32::try_from(raw).map_err(|_| Failed)),
            "`Err(Failed)` when the body threw (the JS side returned -1).",
        ),
        _ => (raw.clone(), quote!(raw), "A body that throws has its error kept and returns zero."),
    };
    let doc = format!(" WebIDL: `{}`\n\n {contract}", op.idl);
    quote! {
        #[doc = #doc]
        ///
        /// # Safety
        /// Handles must be live, and every pointer valid for what the JS body
        /// reads or writes there.
        #[allow(unused_variables, clippy::unused_unit)]
        pub unsafe fn #name(#(#params),*) -> #ret {
            #[cfg(target_os = "emscripten")]
            let raw: #raw = match DIRECT.get() {
                // SAFETY: the caller upholds the operation's contract.
                ::core::option::Option::Some(direct) => unsafe { (direct.#name)(#(#args),*) },
                // SAFETY: as above; the import is the same JS adapter.
                ::core::option::Option::None => unsafe { imports::#import(#(#args),*) },
            };
            #[cfg(not(target_os = "emscripten"))]
            let raw: #raw = #native;
            #decode
        }
    }
}
