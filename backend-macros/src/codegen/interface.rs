//! Interfaces and namespaces.
//!
//! An interface `X` becomes `pub struct X(Py<PyAny>)` holding the JS object,
//! with `constructor` (the cached JS class), `new*` (JS `new`), `cast`
//! (checked with `instanceof`), `from_js_unchecked`, `as_js`, `into_js`,
//! `clone_ref`, one method per operation and a getter (and setter unless
//! `readonly`) per attribute. A namespace becomes a unit struct whose
//! operations are associated functions.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Codegen, doc, types};
use crate::model::{Argument, Attribute, Interface, InterfaceKind, Operation, Type};
use crate::names;

/// The items for one interface or namespace.
pub fn generate(cx: &Codegen, interface: &Interface) -> TokenStream {
    match interface.kind {
        InterfaceKind::Interface => generate_interface(cx, interface),
        InterfaceKind::Namespace => generate_namespace(cx, interface),
    }
}

/// Expression (in a closure returning `PyResult`) that looks up the JS class
/// or namespace object of `interface`.
fn lookup(cx: &Codegen, interface: &Interface) -> TokenStream {
    let support = cx.support;
    let name = &interface.idl_name;
    match interface.legacy_namespace.as_deref() {
        Some("WebAssembly") => quote!(#support::global_constructor(py, #name)),
        Some(namespace) => {
            quote!(#support::get_property(&#support::global_object(py, #namespace)?, #name))
        }
        None => quote!(#support::global_object(py, #name)),
    }
}

/// A cached lookup function: `pub fn #name<'py>(py) -> PyResult<Bound<'py, PyAny>>`.
fn cached_lookup(cx: &Codegen, name: &str, docs: &[String], interface: &Interface) -> TokenStream {
    let name = names::ident(name);
    let docs = doc(docs);
    let lookup = lookup(cx, interface);
    let bound = types::bound();
    let py_any = types::py_any();
    quote! {
        #docs
        pub fn #name<'py>(py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<#bound> {
            static CACHE: ::pyo3::sync::PyOnceLock<#py_any> = ::pyo3::sync::PyOnceLock::new();
            CACHE
                .get_or_try_init(py, || #lookup.map(::pyo3::Bound::unbind))
                .map(|object| object.bind(py).clone())
        }
    }
}

fn generate_interface(cx: &Codegen, interface: &Interface) -> TokenStream {
    let support = cx.support;
    let name = names::ident(&interface.rust_name);
    let js_name = interface.js_name();
    let bound = types::bound();
    let py_any = types::py_any();
    let struct_docs = doc(&[
        format!("`{js_name}` (JS API interface)."),
        String::new(),
        "Holds the JS object (a Pyodide `JsProxy`). Every call reaches JS through the".to_owned(),
        "support module; JS exceptions come back as `Err`.".to_owned(),
    ]);
    let constructor = cached_lookup(
        cx,
        "constructor",
        &[format!(
            "The JS class `{js_name}`, looked up on first use and then cached."
        )],
        interface,
    );
    let constructors = interface
        .constructors
        .iter()
        .map(|op| constructor_fn(cx, interface, op));
    let operations = interface
        .operations
        .iter()
        .map(|op| operation_fn(cx, interface, op));
    let attributes = interface
        .attributes
        .iter()
        .map(|attr| attribute_fns(cx, interface, attr));
    let cast_docs = doc(&[
        format!(
            "Wraps `value` if it is a `{js_name}` (`value instanceof {js_name}`, checked in JS);"
        ),
        "`Ok(None)` otherwise.".to_owned(),
    ]);
    let unchecked_docs = doc(&[format!(
        "Wraps `value` without checking that it is a `{js_name}`."
    )]);
    quote! {
        #struct_docs
        #[derive(Debug)]
        pub struct #name(#py_any);

        impl #name {
            #constructor

            #(#constructors)*

            #cast_docs
            pub fn cast(value: &::pyo3::Bound<'_, ::pyo3::PyAny>) -> ::pyo3::PyResult<::core::option::Option<Self>> {
                let py = value.py();
                if #support::instance_of(value, &Self::constructor(py)?)? {
                    ::core::result::Result::Ok(::core::option::Option::Some(Self(value.clone().unbind())))
                } else {
                    ::core::result::Result::Ok(::core::option::Option::None)
                }
            }

            #unchecked_docs
            pub fn from_js_unchecked(value: #py_any) -> Self {
                Self(value)
            }

            /// The JS object.
            pub fn as_js(&self) -> &#py_any {
                &self.0
            }

            /// The JS object, consuming the wrapper.
            pub fn into_js(self) -> #py_any {
                self.0
            }

            /// Another reference to the same JS object.
            pub fn clone_ref(&self, py: ::pyo3::Python<'_>) -> Self {
                Self(self.0.clone_ref(py))
            }

            #(#operations)*

            #(#attributes)*
        }

        /// Clones the reference (attaching to the interpreter for the reference count).
        impl ::core::clone::Clone for #name {
            fn clone(&self) -> Self {
                ::pyo3::Python::attach(|py| self.clone_ref(py))
            }
        }

        impl #support::ToJs for #name {
            fn to_js<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<#bound> {
                ::core::result::Result::Ok(self.0.bind(py).clone())
            }
        }

        /// Trusts the WebIDL: the value is wrapped without a check.
        impl<'py> #support::FromJs<'py> for #name {
            fn from_js(value: #bound) -> ::pyo3::PyResult<Self> {
                ::core::result::Result::Ok(Self(value.unbind()))
            }
        }

        impl #support::CloneRef for #name {
            fn clone_ref(&self, py: ::pyo3::Python<'_>) -> Self {
                #name::clone_ref(self, py)
            }
        }
    }
}

fn generate_namespace(cx: &Codegen, namespace: &Interface) -> TokenStream {
    let name = names::ident(&namespace.rust_name);
    let js_name = namespace.js_name();
    let struct_docs = doc(&[
        format!("`{js_name}` (JS API namespace)."),
        String::new(),
        "Its operations are associated functions; JS exceptions come back as `Err`.".to_owned(),
    ]);
    let object = cached_lookup(
        cx,
        "namespace_object",
        &[format!(
            "The JS namespace object `{js_name}`, looked up on first use and then cached."
        )],
        namespace,
    );
    let operations = namespace
        .operations
        .iter()
        .map(|op| operation_fn(cx, namespace, op));
    let attributes = namespace
        .attributes
        .iter()
        .map(|attr| attribute_fns(cx, namespace, attr));
    quote! {
        #struct_docs
        #[derive(Clone, Copy, Debug)]
        pub struct #name;

        impl #name {
            #object

            #(#operations)*

            #(#attributes)*
        }
    }
}

/// Parameters of a generated function and the JS argument expressions.
struct Params {
    /// `name: Type` for the signature.
    decls: Vec<TokenStream>,
    /// `Option<Bound>` expressions: `None` omits an optional argument.
    js_args: Vec<TokenStream>,
}

fn params(cx: &Codegen, args: &[Argument]) -> Params {
    let support = cx.support;
    let mut decls = Vec::new();
    let mut js_args = Vec::new();
    for arg in args {
        let name = names::ident(&arg.rust_name);
        let ty = types::argument(&arg.ty);
        if arg.optional {
            decls.push(quote!(#name: ::core::option::Option<#ty>));
            js_args.push(quote!(#support::to_js_optional(#name.as_ref(), py)?));
        } else {
            decls.push(quote!(#name: #ty));
            js_args.push(quote!(::core::option::Option::Some(#support::ToJs::to_js(&#name, py)?)));
        }
    }
    Params { decls, js_args }
}

/// `a, b` (IDL argument names) for docs.
fn arg_list(args: &[Argument]) -> String {
    args.iter()
        .map(|a| a.idl_name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Doc lines shared by operations and constructors.
fn op_docs(
    summary: String,
    interface: &Interface,
    op: &Operation,
    overloads: usize,
) -> TokenStream {
    let mut lines = vec![summary, String::new(), format!("WebIDL: `{}`", op.idl)];
    if overloads > 1 {
        let plain = if op.idl_name == "constructor" {
            names::CONSTRUCTOR.to_owned()
        } else {
            names::method_name(&op.idl_name)
        };
        lines.push(String::new());
        lines.push(format!(
            "One of {overloads} overloads of `{}` on `{}` (the first is `{plain}`, later ones are named after their distinct arguments).",
            op.idl_name,
            interface.js_name()
        ));
    }
    if op.args.iter().any(|a| a.optional) {
        lines.push(String::new());
        lines.push("An optional argument given as `None` is left out of the JS call.".to_owned());
    }
    doc(&lines)
}

fn constructor_fn(cx: &Codegen, interface: &Interface, op: &Operation) -> TokenStream {
    let support = cx.support;
    let name = names::ident(&op.rust_name);
    let Params { decls, js_args } = params(cx, &op.args);
    let docs = op_docs(
        format!("`new {}({})`.", interface.js_name(), arg_list(&op.args)),
        interface,
        op,
        interface.constructors.len(),
    );
    quote! {
        #docs
        pub fn #name<'py>(py: ::pyo3::Python<'py>, #(#decls),*) -> ::pyo3::PyResult<Self> {
            let object = #support::construct(&Self::constructor(py)?, &[#(#js_args),*])?;
            ::core::result::Result::Ok(Self(object.unbind()))
        }
    }
}

/// The JS object a static member is read from: the class or the namespace object.
fn static_target(interface: &Interface) -> TokenStream {
    match interface.kind {
        InterfaceKind::Interface => quote!(&Self::constructor(py)?),
        InterfaceKind::Namespace => quote!(&Self::namespace_object(py)?),
    }
}

fn operation_fn(cx: &Codegen, interface: &Interface, op: &Operation) -> TokenStream {
    let support = cx.support;
    let name = names::ident(&op.rust_name);
    let key = &op.idl_name;
    let Params { decls, js_args } = params(cx, &op.args);
    let ret = types::ret(&op.ret);
    let overloads = interface
        .operations
        .iter()
        .filter(|o| o.idl_name == op.idl_name)
        .count();
    let (receiver, target, summary) = if op.is_static {
        let kind = if interface.kind == InterfaceKind::Namespace {
            "namespace"
        } else {
            "static"
        };
        (
            quote!(),
            static_target(interface),
            format!(
                "`{}.{key}({})` ({kind} operation).",
                interface.js_name(),
                arg_list(&op.args)
            ),
        )
    } else {
        (
            quote!(&self,),
            quote!(self.0.bind(py)),
            format!(
                "`{}.prototype.{key}({})` (regular operation).",
                interface.js_name(),
                arg_list(&op.args)
            ),
        )
    };
    let docs = op_docs(summary, interface, op, overloads);
    // A promise rejects only with errors Python can raise, whatever the engine
    // rejects with.
    let call = match op.ret {
        Type::Promise(_) => quote!(call_method_returning_promise),
        _ => quote!(call_method),
    };
    quote! {
        #docs
        pub fn #name<'py>(#receiver py: ::pyo3::Python<'py>, #(#decls),*) -> ::pyo3::PyResult<#ret> {
            let result = #support::#call(#target, ::pyo3::intern!(py, #key), &[#(#js_args),*])?;
            #support::FromJs::from_js(result)
        }
    }
}

fn attribute_fns(cx: &Codegen, interface: &Interface, attr: &Attribute) -> TokenStream {
    let support = cx.support;
    let key = &attr.idl_name;
    let getter = names::ident(&attr.getter);
    let ty = types::ret(&attr.ty);
    let (receiver, target, owner) = if attr.is_static {
        (
            quote!(),
            static_target(interface),
            format!("`{}`", interface.js_name()),
        )
    } else {
        (
            quote!(&self,),
            quote!(self.0.bind(py)),
            format!("this `{}`", interface.js_name()),
        )
    };
    let getter_docs = doc(&[
        format!("Gets the `{key}` attribute of {owner}."),
        String::new(),
        format!("WebIDL: `{}`", attr.idl),
    ]);
    let mut items = quote! {
        #getter_docs
        pub fn #getter<'py>(#receiver py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<#ty> {
            let value = #support::get_property(#target, ::pyo3::intern!(py, #key))?;
            #support::FromJs::from_js(value)
        }
    };
    if let Some(setter) = &attr.setter {
        let setter = names::ident(setter);
        let value = names::ident(&names::argument_name(key));
        let arg = types::argument(&attr.ty);
        let setter_docs = doc(&[
            format!("Sets the `{key}` attribute of {owner}."),
            String::new(),
            format!("WebIDL: `{}`", attr.idl),
        ]);
        items.extend(quote! {
            #setter_docs
            pub fn #setter<'py>(#receiver py: ::pyo3::Python<'py>, #value: #arg) -> ::pyo3::PyResult<()> {
                #support::set_property(#target, ::pyo3::intern!(py, #key), &#support::ToJs::to_js(&#value, py)?)
            }
        });
    }
    items
}
