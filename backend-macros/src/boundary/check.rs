//! Validation of a boundary spec: [`ast::Spec`] → [`Boundary`].
//!
//! A boundary spec declares namespaces only, each `[JsBodies=file]`, some
//! `[FastAbi=prefix]`. Every problem is recorded in the [`Ctxt`] with the
//! span of the offending token, and checking goes on so all are reported.

use proc_macro2::Ident;

use super::model::{Argument, Boundary, Namespace, Operation, Pointee, Type};
use crate::ast::{self, ExtAttr, ExtAttrValue, IntegerType, TypeKind};
use crate::errors::Ctxt;
use crate::names;

/// The extended attributes a boundary spec understands, and where.
const NAMESPACE_ATTRS: &str = "`JsBodies`, `FastAbi`";
const ARGUMENT_ATTRS: &str = "`Size`, `In`, `Out` (fast ABI only)";

/// Checks `spec`; errors go to `cx`.
pub fn check(spec: &ast::Spec, cx: &Ctxt) -> Boundary {
    let mut boundary = Boundary::default();
    for definition in &spec.definitions {
        if let Some(partial) = definition.partial() {
            cx.error(partial.span(), "a boundary spec has no `partial` definitions: each namespace is declared once, whole");
            continue;
        }
        match definition {
            ast::Definition::Namespace(container) => {
                if let Some(namespace) = namespace(container, cx) {
                    if boundary.namespaces.iter().any(|n| n.idl_name == namespace.idl_name) {
                        cx.error(container.name.span(), format_args!("namespace `{}` is declared twice", container.name));
                    }
                    boundary.namespaces.push(namespace);
                }
            }
            other => cx.error(
                other.name().span(),
                format_args!("a boundary spec declares namespaces only, found {} `{}`", other.keyword(), other.name()),
            ),
        }
    }
    let fast = boundary.namespaces.iter().filter(|n| n.fast_abi.is_some()).count();
    if fast > 1
        && let Some(second) = spec.definitions.iter().filter(|d| has_attr(d, "FastAbi")).nth(1)
    {
        cx.error(second.name().span(), "only one namespace may be `[FastAbi]`");
    }
    boundary
}

fn has_attr(definition: &ast::Definition, name: &str) -> bool {
    matches!(definition, ast::Definition::Namespace(c) if c.attrs.iter().any(|a| a.name == name))
}

/// An attribute's single identifier value, or an error naming the form.
fn ident_value<'a>(attr: &'a ExtAttr, cx: &Ctxt) -> Option<&'a Ident> {
    match &attr.value {
        ExtAttrValue::Ident(value) => Some(value),
        _ => {
            cx.error(attr.name.span(), format_args!("`[{}]` needs a name: `[{}=name]`", attr.name, attr.name));
            None
        }
    }
}

fn namespace(container: &ast::Container, cx: &Ctxt) -> Option<Namespace> {
    let mut bodies = None;
    let mut fast_abi = None;
    for attr in &container.attrs {
        match attr.name.to_string().as_str() {
            "JsBodies" => bodies = ident_value(attr, cx).map(ToString::to_string),
            "FastAbi" => fast_abi = ident_value(attr, cx).map(ToString::to_string),
            other => cx.error(
                attr.name.span(),
                format_args!("unsupported extended attribute `{other}` on a boundary namespace (supported: {NAMESPACE_ATTRS})"),
            ),
        }
    }
    let Some(bodies) = bodies else {
        cx.error(container.name.span(), format_args!("namespace `{}` needs `[JsBodies=file]`: the JS file holding its bodies", container.name));
        return None;
    };
    let fast = fast_abi.is_some();
    let mut operations: Vec<Operation> = Vec::new();
    for member in &container.members {
        let ast::Member::Operation(op) = member else {
            let span = match member {
                ast::Member::Constructor(c) => c.keyword.span(),
                ast::Member::Attribute(a) => a.name.span(),
                ast::Member::Operation(o) => o.name.span(),
            };
            cx.error(span, "a boundary namespace declares operations only");
            continue;
        };
        if operations.iter().any(|o| op.name == o.idl_name) {
            cx.error(op.name.span(), format_args!("operation `{}` is declared twice (a boundary has no overloads)", op.name));
            continue;
        }
        if let Some(operation) = operation(op, fast, cx) {
            operations.push(operation);
        }
    }
    Some(Namespace {
        idl_name: container.name.to_string(),
        bodies,
        fast_abi,
        operations,
    })
}

fn operation(op: &ast::Operation, fast: bool, cx: &Ctxt) -> Option<Operation> {
    let mut fallible = false;
    for attr in &op.attrs {
        match (attr.name.to_string().as_str(), &attr.value, fast) {
            ("Fallible", ExtAttrValue::None, true) => fallible = true,
            ("Fallible", _, true) => cx.error(attr.name.span(), "`[Fallible]` takes no value"),
            ("Fallible", _, false) => cx.error(attr.name.span(), "`[Fallible]` applies to fast-ABI operations only (portable ones throw into Python)"),
            (other, _, _) => cx.error(attr.name.span(), format_args!("unsupported extended attribute `{other}` on an operation (supported: `Fallible`)")),
        }
    }
    if op.is_static {
        cx.error(op.name.span(), "boundary operations are not `static` (a namespace's operations already are)");
    }
    let ret = return_type(&op.ret, fast, fallible, cx);
    let args = op.args.iter().map(|arg| argument(arg, fast, cx)).collect::<Vec<_>>();
    Some(Operation {
        idl_name: op.name.to_string(),
        rust_name: names::method_name(&op.name.to_string()),
        args: args.into_iter().collect::<Option<Vec<_>>>()?,
        ret: ret?,
        fallible,
        idl: op.to_string(),
    })
}

fn return_type(ty: &ast::Type, fast: bool, fallible: bool, cx: &Ctxt) -> Option<Type> {
    let resolved = resolve(ty, cx)?;
    let ok = if fast {
        matches!(resolved, Type::Undefined | Type::I32) || (!fallible && matches!(resolved, Type::U32 | Type::F64))
    } else {
        true
    };
    if !ok {
        let message = if fallible {
            "a `[Fallible]` fast-ABI operation returns `undefined` (a status) or `long` (-1 on failure)"
        } else {
            "a fast-ABI operation returns `undefined`, `long`, `unsigned long` or `double`"
        };
        cx.push(ty.span.error(message));
        return None;
    }
    Some(resolved)
}

fn argument(arg: &ast::Argument, fast: bool, cx: &Ctxt) -> Option<Argument> {
    if arg.default.is_some() {
        cx.push(arg.ty.span.error("boundary arguments have no defaults"));
    }
    if arg.optional && fast {
        cx.error(arg.name.span(), "fast-ABI arguments cannot be `optional`");
    }
    let mut ty = resolve(&arg.ty, cx)?;
    if ty == Type::Undefined {
        cx.push(arg.ty.span.error("`undefined` is only allowed as a return type"));
        return None;
    }
    for attr in &arg.attrs {
        let name = attr.name.to_string();
        if !fast || !matches!(name.as_str(), "Size" | "In" | "Out") {
            cx.error(attr.name.span(), format_args!("unsupported extended attribute `{name}` here (supported: {ARGUMENT_ATTRS})"));
            continue;
        }
        if ty != Type::U32 {
            cx.error(attr.name.span(), format_args!("`[{name}]` applies to `unsigned long` only (a Wasm i32 read unsigned)"));
            continue;
        }
        ty = match (name.as_str(), &attr.value) {
            ("Size", ExtAttrValue::None) => Type::Size,
            ("Size", _) => {
                cx.error(attr.name.span(), "`[Size]` takes no value");
                continue;
            }
            (_, ExtAttrValue::Ident(pointee)) => match Pointee::from_name(&pointee.to_string()) {
                Some(p) if name == "In" => Type::In(p),
                Some(p) => Type::Out(p),
                None => {
                    cx.error(pointee.span(), format_args!("unknown pointee `{pointee}` (expected one of {})", Pointee::NAMES));
                    continue;
                }
            },
            _ => {
                cx.error(attr.name.span(), format_args!("`[{name}]` needs the pointee type: `[{name}=u64]`"));
                continue;
            }
        };
    }
    if fast && !matches!(ty, Type::I32 | Type::U32 | Type::F64 | Type::Size | Type::In(_) | Type::Out(_)) {
        cx.push(arg.ty.span.error("fast-ABI arguments are numbers: `long`, `unsigned long` (maybe `[Size]`, `[In=T]`, `[Out=T]`) or `double`"));
        return None;
    }
    Some(Argument {
        idl_name: arg.name.to_string(),
        rust_name: names::argument_name(&arg.name.to_string()),
        ty,
        optional: arg.optional,
    })
}

/// Resolves a written type to one a boundary may use.
fn resolve(ty: &ast::Type, cx: &Ctxt) -> Option<Type> {
    let resolved = match &ty.kind {
        TypeKind::Named(name) => match name.to_string().as_str() {
            "undefined" => Type::Undefined,
            "any" | "object" => Type::Any,
            "boolean" => Type::Boolean,
            "DOMString" => Type::String,
            _ => return unsupported(ty, cx),
        },
        TypeKind::Integer(IntegerType::Long) => Type::I32,
        TypeKind::Integer(IntegerType::UnsignedLong) => Type::U32,
        TypeKind::Float(_) => Type::F64,
        TypeKind::Sequence(inner) => Type::Sequence(Box::new(resolve(inner, cx)?)),
        _ => return unsupported(ty, cx),
    };
    Some(if ty.nullable { Type::Nullable(Box::new(resolved)) } else { resolved })
}

fn unsupported(ty: &ast::Type, cx: &Ctxt) -> Option<Type> {
    cx.push(ty.span.error(format_args!(
        "`{ty}` is not a boundary type (supported: `undefined`, `any`, `object`, `boolean`, `long`, `unsigned long`, `double`, `DOMString`, `sequence<T>`, `T?`)"
    )));
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str) -> (Boundary, Vec<String>) {
        let cx = Ctxt::new();
        let spec = crate::parser::parse_spec(src.parse().unwrap(), &cx);
        let boundary = check(&spec, &cx);
        let errors = match cx.finish(()) {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        };
        (boundary, errors)
    }

    #[test]
    fn resolves_a_fast_and_a_portable_namespace() {
        let (boundary, errors) = run(
            "[JsBodies=portable] namespace Portable { sequence<any> describeError(any error); DOMString? funcSig(any f, optional sequence<DOMString> candidates); };
             [FastAbi=rtl2, JsBodies=fast_abi] namespace FastAbi {
               [Fallible] undefined memRead(unsigned long memory, [Size] unsigned long offset, [Out=u8] unsigned long dst);
               [Fallible] long memGrow(unsigned long memory, unsigned long delta);
               long ping(long x);
             };",
        );
        assert_eq!(errors, Vec::<String>::new());
        let fast = &boundary.namespaces[1];
        assert_eq!(fast.fast_abi.as_deref(), Some("rtl2"));
        let read = &fast.operations[0];
        assert_eq!(read.rust_name, "mem_read");
        assert!(read.fallible);
        assert_eq!(read.args.iter().map(|a| a.ty.clone()).collect::<Vec<_>>(), [Type::U32, Type::Size, Type::Out(Pointee::U8)]);
        let sig = &boundary.namespaces[0].operations[1];
        assert_eq!(sig.ret, Type::Nullable(Box::new(Type::String)));
        assert!(sig.args[1].optional);
    }

    #[test]
    fn partial_definitions_are_refused() {
        let cx = Ctxt::new();
        let spec = crate::parser::parse_spec("[JsBodies=a] namespace A { }; partial namespace A { undefined f(); };".parse().unwrap(), &cx);
        let _ = check(&spec, &cx);
        let errors: Vec<String> = cx.finish(()).unwrap_err().into_iter().map(|e| e.to_string()).collect();
        assert_eq!(errors, ["a boundary spec has no `partial` definitions: each namespace is declared once, whole"]);
    }

    #[test]
    fn reports_every_misuse() {
        let (_, errors) = run(
            "namespace NoBodies { undefined f(); };
             [JsBodies=p, Secure] namespace P { [Fallible] undefined f([Size] unsigned long n); Foo g(); undefined f(); readonly attribute any x; };
             [JsBodies=f, FastAbi=x] namespace F { [Fallible] double f([In=u16] unsigned long p, [Out=u8] long q, optional long r); undefined g(DOMString s); };
             interface I {};",
        );
        assert_eq!(
            errors,
            [
                "namespace `NoBodies` needs `[JsBodies=file]`: the JS file holding its bodies",
                "unsupported extended attribute `Secure` on a boundary namespace (supported: `JsBodies`, `FastAbi`)",
                "`[Fallible]` applies to fast-ABI operations only (portable ones throw into Python)",
                "unsupported extended attribute `Size` here (supported: `Size`, `In`, `Out` (fast ABI only))",
                "`Foo` is not a boundary type (supported: `undefined`, `any`, `object`, `boolean`, `long`, `unsigned long`, `double`, `DOMString`, `sequence<T>`, `T?`)",
                "operation `f` is declared twice (a boundary has no overloads)",
                "a boundary namespace declares operations only",
                "a `[Fallible]` fast-ABI operation returns `undefined` (a status) or `long` (-1 on failure)",
                "unknown pointee `u16` (expected one of `u8`, `u32`, `i32`, `u64`, `f64`)",
                "`[Out]` applies to `unsigned long` only (a Wasm i32 read unsigned)",
                "fast-ABI arguments cannot be `optional`",
                "fast-ABI arguments are numbers: `long`, `unsigned long` (maybe `[Size]`, `[In=T]`, `[Out=T]`) or `double`",
                "a boundary spec declares namespaces only, found interface `I`",
            ]
        );
    }
}
