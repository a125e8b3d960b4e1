//! Which Rust type stands for a WebIDL type, in each position:
//!
//! | WebIDL                                   | argument       | return / element   | dictionary field |
//! |------------------------------------------|----------------|--------------------|------------------|
//! | `any`, `object`, `Function`, buffers, unions, `Promise<T>`, `record<K, V>` | `&Bound<'py, PyAny>` | `Bound<'py, PyAny>` | `Py<PyAny>` |
//! | `boolean`                                | `bool`         | `bool`             | `bool`           |
//! | integers, `float`, `double`              | `u32`, `f64`…  | same               | same             |
//! | `DOMString`, `USVString`, `ByteString`   | `&str`         | `String`           | `String`         |
//! | interface `X`                            | `&X`           | `X`                | `X`              |
//! | dictionary `D`                           | `&D`           | `D`                | `D`              |
//! | enum `E`                                 | `E`            | `E`                | `E`              |
//! | `sequence<T>`                            | `&[element]`   | `Vec<T>`           | `Vec<T>`         |
//! | `T?`                                     | `Option<T>`    | `Option<T>`        | `Option<T>`      |
//! | `undefined` (returns only)               |                | `()`               |                  |
//!
//! A sequence element is the argument type without its outer `&` where that
//! `&` only borrows an object (`&[Bound<'py, PyAny>]`, `&[Module]`), and the
//! argument type otherwise (`&[&str]`, `&[ValueType]`).

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Float, Integer, Type};
use crate::names;

/// `::pyo3::Bound<'py, ::pyo3::PyAny>`
pub fn bound() -> TokenStream {
    quote!(::pyo3::Bound<'py, ::pyo3::PyAny>)
}

/// `::pyo3::Py<::pyo3::PyAny>`
pub fn py_any() -> TokenStream {
    quote!(::pyo3::Py<::pyo3::PyAny>)
}

/// The Rust type of a defined type, by Rust name.
fn named(rust_name: &str) -> TokenStream {
    let ident = names::ident(rust_name);
    quote!(#ident)
}

/// Rust primitive for a WebIDL number or boolean type, if `ty` is one.
fn primitive(ty: &Type) -> Option<TokenStream> {
    Some(match ty {
        Type::Boolean => quote!(bool),
        Type::Integer(int) => match int {
            Integer::I8 => quote!(i8),
            Integer::U8 => quote!(u8),
            Integer::I16 => quote!(i16),
            Integer::U16 => quote!(u16),
            Integer::I32 => quote!(i32),
            Integer::U32 => quote!(u32),
            Integer::I64 => quote!(i64),
            Integer::U64 => quote!(u64),
        },
        Type::Float(Float::F32) => quote!(f32),
        Type::Float(Float::F64) => quote!(f64),
        _ => return None,
    })
}

/// The parameter type of an argument of type `ty` (inside a function generic over `'py`).
pub fn argument(ty: &Type) -> TokenStream {
    if ty.is_js_value() {
        let bound = bound();
        return quote!(&#bound);
    }
    if let Some(primitive) = primitive(ty) {
        return primitive;
    }
    match ty {
        Type::String => quote!(&str),
        Type::Interface(name) | Type::Dictionary(name) => {
            let name = named(name);
            quote!(&#name)
        }
        Type::Enum(name) => named(name),
        Type::Sequence(inner) => {
            let element = element(inner);
            quote!(&[#element])
        }
        Type::Nullable(inner) => {
            let inner = argument(inner);
            quote!(::core::option::Option<#inner>)
        }
        // `undefined` is rejected in argument positions by the checker.
        _ => quote!(()),
    }
}

/// The element type of a sequence argument.
pub fn element(ty: &Type) -> TokenStream {
    match ty {
        ty if ty.is_js_value() => bound(),
        Type::Interface(name) | Type::Dictionary(name) => named(name),
        Type::Nullable(inner) => {
            let inner = element(inner);
            quote!(::core::option::Option<#inner>)
        }
        ty => argument(ty),
    }
}

/// The return type of an operation or getter returning `ty` (inside `PyResult`).
pub fn ret(ty: &Type) -> TokenStream {
    if ty.is_js_value() {
        return bound();
    }
    if let Some(primitive) = primitive(ty) {
        return primitive;
    }
    match ty {
        Type::Undefined => quote!(()),
        Type::String => quote!(::std::string::String),
        Type::Interface(name) | Type::Dictionary(name) | Type::Enum(name) => named(name),
        Type::Sequence(inner) => {
            let inner = ret(inner);
            quote!(::std::vec::Vec<#inner>)
        }
        Type::Nullable(inner) => {
            let inner = ret(inner);
            quote!(::core::option::Option<#inner>)
        }
        _ => bound(),
    }
}

/// The owned type of a dictionary field of type `ty` (no lifetime).
pub fn owned(ty: &Type) -> TokenStream {
    if ty.is_js_value() {
        return py_any();
    }
    if let Some(primitive) = primitive(ty) {
        return primitive;
    }
    match ty {
        Type::String => quote!(::std::string::String),
        Type::Interface(name) | Type::Dictionary(name) | Type::Enum(name) => named(name),
        Type::Sequence(inner) => {
            let inner = owned(inner);
            quote!(::std::vec::Vec<#inner>)
        }
        Type::Nullable(inner) => {
            let inner = owned(inner);
            quote!(::core::option::Option<#inner>)
        }
        _ => py_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(tokens: TokenStream) -> String {
        tokens.to_string()
    }

    #[test]
    fn contract_examples() {
        let seq_any = Type::Sequence(Box::new(Type::Any));
        let seq_enum = Type::Sequence(Box::new(Type::Enum("ValueType".into())));
        assert_eq!(
            s(argument(&Type::Any)),
            "& :: pyo3 :: Bound < 'py , :: pyo3 :: PyAny >"
        );
        assert_eq!(
            s(argument(&seq_any)),
            "& [:: pyo3 :: Bound < 'py , :: pyo3 :: PyAny >]"
        );
        assert_eq!(s(argument(&seq_enum)), "& [ValueType]");
        assert_eq!(
            s(argument(&Type::Sequence(Box::new(Type::String)))),
            "& [& str]"
        );
        assert_eq!(s(argument(&Type::Integer(Integer::U32))), "u32");
        assert_eq!(s(argument(&Type::Interface("Tag".into()))), "& Tag");
        assert_eq!(s(argument(&Type::Enum("E".into()))), "E");
        assert_eq!(s(ret(&Type::Undefined)), "()");
        assert_eq!(
            s(ret(&Type::Sequence(Box::new(Type::Dictionary("D".into()))))),
            ":: std :: vec :: Vec < D >"
        );
        assert_eq!(s(ret(&Type::Nullable(Box::new(Type::Object)))), s(bound()));
        assert_eq!(
            s(ret(&Type::Nullable(Box::new(Type::String)))),
            ":: core :: option :: Option < :: std :: string :: String >"
        );
        assert_eq!(s(owned(&Type::Any)), s(py_any()));
        assert_eq!(s(owned(&seq_enum)), ":: std :: vec :: Vec < ValueType >");
    }
}
