//! Validation: [`ast::Spec`] → [`Model`].
//!
//! Resolves every type name (builtins, definitions, typedefs), checks
//! extended attributes, default values, duplicates and the Rust names that
//! [`crate::names`] derives, and records every problem in the [`Ctxt`] with
//! the span of the offending token. Nothing is generated from a spec with
//! errors, but checking goes on after an error so that all are reported.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use proc_macro2::{Ident, Span};

use crate::ast::{self, DefaultKind, ExtAttr, ExtAttrValue, TypeKind};
use crate::errors::Ctxt;
use crate::model::{
    Argument, Attribute, Definition, Dictionary, DictionaryMember, Enum, EnumValue, Float, Integer,
    Interface, InterfaceKind, Model, Operation, Type,
};
use crate::names;

/// The extended attributes this generator understands.
pub const KNOWN_EXT_ATTRS: &[&str] = &["Exposed", "LegacyNamespace", "EnforceRange", "Clamp"];

/// Builtin type names and what they resolve to.
///
/// `Function` and `VoidFunction` are the callback functions the WebIDL
/// standard itself defines (`callback Function = any (any... arguments);`).
/// Callback definitions are not supported, so a JS function stays a JS
/// object here: `Bound<PyAny>` in Rust, passed and returned as is.
fn builtin(name: &str) -> Option<Type> {
    Some(match name {
        "any" | "bigint" | "symbol" => Type::Any,
        "object" | "Function" | "VoidFunction" => Type::Object,
        "undefined" => Type::Undefined,
        "boolean" => Type::Boolean,
        "DOMString" | "USVString" | "ByteString" => Type::String,
        "ArrayBuffer"
        | "SharedArrayBuffer"
        | "DataView"
        | "ArrayBufferView"
        | "BufferSource"
        | "AllowSharedBufferSource"
        | "Int8Array"
        | "Int16Array"
        | "Int32Array"
        | "Uint8Array"
        | "Uint16Array"
        | "Uint32Array"
        | "Uint8ClampedArray"
        | "BigInt64Array"
        | "BigUint64Array"
        | "Float16Array"
        | "Float32Array"
        | "Float64Array" => Type::Buffer(name.to_owned()),
        _ => return None,
    })
}

/// Every builtin name, for "did you mean" hints.
const BUILTIN_NAMES: &[&str] = &[
    "any",
    "object",
    "Function",
    "VoidFunction",
    "undefined",
    "boolean",
    "bigint",
    "symbol",
    "DOMString",
    "USVString",
    "ByteString",
    "ArrayBuffer",
    "SharedArrayBuffer",
    "DataView",
    "ArrayBufferView",
    "BufferSource",
    "AllowSharedBufferSource",
    "Uint8Array",
    "Float32Array",
    "Float64Array",
];

/// Where an extended attribute is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Interface,
    Namespace,
    Dictionary,
    Enum,
    Typedef,
    Member,
    Argument,
    DictionaryMember,
}

impl Place {
    fn describe(self) -> &'static str {
        match self {
            Place::Interface => "an interface",
            Place::Namespace => "a namespace",
            Place::Dictionary => "a dictionary",
            Place::Enum => "an enum",
            Place::Typedef => "a typedef",
            Place::Member => "an interface member",
            Place::Argument => "an argument",
            Place::DictionaryMember => "a dictionary member",
        }
    }
}

/// Checks `spec` and builds the model. Errors go to `cx`; the returned model
/// is only meaningful when `cx` stays empty.
pub fn check(spec: &ast::Spec, cx: &Ctxt) -> Model {
    Checker::new(spec, cx).run(spec)
}

/// State shared by the checks of one spec.
struct Checker<'a> {
    cx: &'a Ctxt,
    /// The first definition of every name.
    symbols: BTreeMap<String, &'a ast::Definition>,
    /// Enum values by enum name, for checking string defaults.
    enum_values: HashMap<String, Vec<String>>,
    /// Resolved typedefs (`None`: the typedef has an error, already reported).
    typedefs: RefCell<HashMap<String, Option<Type>>>,
    /// Typedefs being resolved, to detect cycles.
    resolving: RefCell<Vec<String>>,
}

impl<'a> Checker<'a> {
    fn new(spec: &'a ast::Spec, cx: &'a Ctxt) -> Self {
        let mut symbols = BTreeMap::new();
        let mut enum_values = HashMap::new();
        for definition in &spec.definitions {
            let name = definition.name().to_string();
            if let Some(first) = symbols.get(&name) {
                let first: &&ast::Definition = first;
                cx.error(
                    definition.name().span(),
                    format_args!(
                        "duplicate definition `{name}` (already defined as {} {})",
                        article(first.keyword()),
                        first.keyword()
                    ),
                );
                continue;
            }
            if let ast::Definition::Enum(e) = definition {
                enum_values.insert(
                    names::type_name(&name),
                    e.values.iter().map(syn::LitStr::value).collect(),
                );
            }
            symbols.insert(name, definition);
        }
        Self {
            cx,
            symbols,
            enum_values,
            typedefs: RefCell::default(),
            resolving: RefCell::default(),
        }
    }

    fn run(&self, spec: &ast::Spec) -> Model {
        let mut model = Model::default();
        for definition in &spec.definitions {
            let is_first = self
                .symbols
                .get(&definition.name().to_string())
                .is_some_and(|d| std::ptr::eq(*d, definition));
            if !is_first {
                continue;
            }
            self.check_type_name(definition.name());
            match definition {
                ast::Definition::Interface(c) => {
                    self.check_ext_attrs(&c.attrs, Place::Interface, None);
                    model.definitions.push(Definition::Interface(
                        self.interface(c, InterfaceKind::Interface),
                    ));
                }
                ast::Definition::Namespace(c) => {
                    self.check_ext_attrs(&c.attrs, Place::Namespace, None);
                    model.definitions.push(Definition::Interface(
                        self.interface(c, InterfaceKind::Namespace),
                    ));
                }
                ast::Definition::Dictionary(d) => {
                    self.check_ext_attrs(&d.attrs, Place::Dictionary, None);
                    model
                        .definitions
                        .push(Definition::Dictionary(self.dictionary(d)));
                }
                ast::Definition::Enum(e) => {
                    self.check_ext_attrs(&e.attrs, Place::Enum, None);
                    model
                        .definitions
                        .push(Definition::Enum(self.enumeration(e)));
                }
                ast::Definition::Typedef(t) => {
                    self.check_ext_attrs(&t.attrs, Place::Typedef, None);
                    self.typedef(&t.name.to_string());
                }
            }
        }
        self.check_recursive_dictionaries(&model);
        compute_plain_dictionaries(&mut model);
        model
    }

    /// A definition name must make a usable Rust type name.
    fn check_type_name(&self, name: &Ident) {
        if !names::is_valid_ident(&names::type_name(&name.to_string())) {
            self.cx.error(
                name.span(),
                format_args!("`{name}` cannot be used as a Rust type name"),
            );
        }
    }

    /// Checks the names and values of extended attributes written at `place`;
    /// `ty` is the resolved type they apply to (arguments, members).
    fn check_ext_attrs(&self, attrs: &[ExtAttr], place: Place, ty: Option<&Type>) {
        let mut seen: Vec<String> = Vec::new();
        for attr in attrs {
            let name = attr.name.to_string();
            let span = attr.name.span();
            if !KNOWN_EXT_ATTRS.contains(&name.as_str()) {
                self.cx.error(
                    span,
                    format_args!(
                        "unsupported extended attribute `{name}` (supported: `{}`)",
                        KNOWN_EXT_ATTRS.join("`, `")
                    ),
                );
                continue;
            }
            if seen.contains(&name) {
                self.cx
                    .error(span, format_args!("duplicate extended attribute `{name}`"));
                continue;
            }
            seen.push(name.clone());
            let allowed: &[Place] = match name.as_str() {
                "Exposed" => &[Place::Interface, Place::Namespace, Place::Member],
                "LegacyNamespace" => &[Place::Interface],
                _ => &[Place::Argument, Place::DictionaryMember],
            };
            if !allowed.contains(&place) {
                self.cx.error(
                    span,
                    format_args!("`[{name}]` is not allowed on {}", place.describe()),
                );
                continue;
            }
            match (name.as_str(), &attr.value) {
                ("Exposed", ExtAttrValue::None) => self.cx.error(
                    span,
                    "`[Exposed]` needs a value: `[Exposed=*]`, `[Exposed=Window]` or `[Exposed=(Window,Worker)]`",
                ),
                ("Exposed", _) => {}
                ("LegacyNamespace", ExtAttrValue::Ident(namespace)) => {
                    match self.symbols.get(&namespace.to_string()) {
                        Some(ast::Definition::Namespace(_)) => {}
                        _ => self.cx.error(namespace.span(), format_args!("unknown namespace `{namespace}`")),
                    }
                }
                ("LegacyNamespace", _) => self.cx.error(span, "`[LegacyNamespace]` needs a namespace name: `[LegacyNamespace=Name]`"),
                (_, ExtAttrValue::None) => {
                    let is_integer = |ty: &Type| matches!(ty, Type::Integer(_));
                    let applies = ty.is_some_and(|ty| match ty {
                        Type::Nullable(inner) => is_integer(inner),
                        ty => is_integer(ty),
                    });
                    if ty.is_some() && !applies {
                        self.cx.error(span, format_args!("`[{name}]` applies only to integer types"));
                    }
                }
                (_, _) => self.cx.error(span, format_args!("`[{name}]` takes no value")),
            }
        }
        if seen.iter().any(|n| n == "EnforceRange") && seen.iter().any(|n| n == "Clamp") {
            self.cx.error(
                attrs[0].name.span(),
                "`[EnforceRange]` and `[Clamp]` cannot be combined",
            );
        }
    }

    /// Resolves a type written in a position other than a return type.
    fn value_type(&self, ty: &ast::Type) -> Option<Type> {
        let resolved = self.resolve(ty)?;
        if resolved == Type::Undefined {
            self.cx.push(ty.span.error(
                "`undefined` is only allowed as a return type (or inside a union or promise)",
            ));
            return None;
        }
        Some(resolved)
    }

    /// Resolves a type; unknown names are reported (with a suggestion).
    fn resolve(&self, ty: &ast::Type) -> Option<Type> {
        let resolved = match &ty.kind {
            TypeKind::Named(name) => self.resolve_name(name)?,
            TypeKind::Integer(int) => Type::Integer(match int {
                ast::IntegerType::Byte => Integer::I8,
                ast::IntegerType::Octet => Integer::U8,
                ast::IntegerType::Short => Integer::I16,
                ast::IntegerType::UnsignedShort => Integer::U16,
                ast::IntegerType::Long => Integer::I32,
                ast::IntegerType::UnsignedLong => Integer::U32,
                ast::IntegerType::LongLong => Integer::I64,
                ast::IntegerType::UnsignedLongLong => Integer::U64,
            }),
            TypeKind::Float(float) => Type::Float(match float {
                ast::FloatType::Float | ast::FloatType::UnrestrictedFloat => Float::F32,
                ast::FloatType::Double | ast::FloatType::UnrestrictedDouble => Float::F64,
            }),
            TypeKind::Sequence(inner) => Type::Sequence(Box::new(self.value_type(inner)?)),
            TypeKind::Promise(inner) => Type::Promise(Box::new(self.resolve(inner)?)),
            TypeKind::Record(key, value) => {
                let key_type = self.resolve(key);
                if key_type.as_ref().is_some_and(|k| *k != Type::String) {
                    self.cx.push(
                        key.span
                            .error("record keys must be `DOMString`, `USVString` or `ByteString`"),
                    );
                }
                let value = self.value_type(value);
                Type::Record(Box::new(key_type?), Box::new(value?))
            }
            TypeKind::Union(members) => {
                // Resolve all members first so that every unknown name is reported.
                let members: Vec<Option<Type>> = members.iter().map(|m| self.resolve(m)).collect();
                Type::Union(members.into_iter().collect::<Option<Vec<Type>>>()?)
            }
        };
        if !ty.nullable {
            return Some(resolved);
        }
        match resolved {
            Type::Any | Type::Undefined | Type::Promise(_) | Type::Nullable(_) => {
                self.cx.push(ty.span.error(format_args!(
                    "`{}` cannot be nullable",
                    ty.to_string().trim_end_matches('?')
                )));
                None
            }
            other => Some(Type::Nullable(Box::new(other))),
        }
    }

    /// Resolves a single type name.
    fn resolve_name(&self, name: &Ident) -> Option<Type> {
        let text = name.to_string();
        if let Some(ty) = builtin(&text) {
            return Some(ty);
        }
        let rust = names::type_name(&text);
        match self.symbols.get(&text) {
            Some(ast::Definition::Interface(_)) => Some(Type::Interface(rust)),
            Some(ast::Definition::Dictionary(_)) => Some(Type::Dictionary(rust)),
            Some(ast::Definition::Enum(_)) => Some(Type::Enum(rust)),
            Some(ast::Definition::Typedef(_)) => {
                if self.resolving.borrow().contains(&text) {
                    self.cx.error(
                        name.span(),
                        format_args!("typedef `{text}` refers to itself"),
                    );
                    return None;
                }
                self.typedef(&text)
            }
            Some(ast::Definition::Namespace(_)) => {
                self.cx.error(
                    name.span(),
                    format_args!("namespace `{text}` cannot be used as a type"),
                );
                None
            }
            None => {
                let candidates = BUILTIN_NAMES
                    .iter()
                    .copied()
                    .chain(self.symbols.keys().map(String::as_str));
                let hint = match names::suggest(&text, candidates) {
                    Some(similar) => format!("; did you mean `{similar}`?"),
                    None => String::new(),
                };
                self.cx
                    .error(name.span(), format_args!("unknown type `{text}`{hint}"));
                None
            }
        }
    }

    /// Resolves the typedef `name` once; later uses share the result.
    fn typedef(&self, name: &str) -> Option<Type> {
        if let Some(done) = self.typedefs.borrow().get(name) {
            return done.clone();
        }
        let Some(ast::Definition::Typedef(typedef)) = self.symbols.get(name) else {
            return None;
        };
        self.resolving.borrow_mut().push(name.to_owned());
        let resolved = self.value_type(&typedef.ty);
        self.resolving.borrow_mut().pop();
        self.typedefs
            .borrow_mut()
            .insert(name.to_owned(), resolved.clone());
        resolved
    }

    /// Checks an interface or namespace and builds its model.
    fn interface(&self, container: &ast::Container, kind: InterfaceKind) -> Interface {
        let idl_name = container.name.to_string();
        let rust_name = names::type_name(&idl_name);
        let legacy_namespace = container.attrs.iter().find_map(|attr| {
            match (&attr.value, attr.name == "LegacyNamespace") {
                (ExtAttrValue::Ident(namespace), true) => Some(namespace.to_string()),
                _ => None,
            }
        });

        let mut constructors: Vec<(&ast::Constructor, Vec<Argument>)> = Vec::new();
        // Operations grouped by IDL name, in order of first appearance.
        let mut operations: Vec<(String, Overloads)> = Vec::new();
        let mut attributes = Vec::new();
        // IDL member names seen, with what they were (for duplicate errors).
        let mut members_seen: HashMap<String, &'static str> = HashMap::new();

        for member in &container.members {
            match member {
                ast::Member::Constructor(ctor) => {
                    self.check_ext_attrs(&ctor.attrs, Place::Member, None);
                    if kind == InterfaceKind::Namespace {
                        self.cx
                            .error(ctor.keyword.span(), "a namespace cannot have a constructor");
                    }
                    if constructors
                        .iter()
                        .any(|(other, _)| same_argument_types(&other.args, &ctor.args))
                    {
                        self.cx.error(
                            ctor.keyword.span(),
                            "this constructor has the same argument types as an earlier one",
                        );
                    }
                    constructors.push((ctor, self.arguments(&ctor.args)));
                }
                ast::Member::Operation(op) => {
                    self.check_ext_attrs(&op.attrs, Place::Member, None);
                    let name = op.name.to_string();
                    if kind == InterfaceKind::Namespace && op.is_static {
                        self.cx.error(
                            op.name.span(),
                            "namespace operations cannot be `static` (they all are)",
                        );
                    }
                    match members_seen.get(&name) {
                        Some(&"attribute") => {
                            self.cx
                                .error(op.name.span(), format_args!("duplicate member `{name}`"));
                            continue;
                        }
                        _ => {
                            members_seen.insert(name.clone(), "operation");
                        }
                    }
                    let ret = self.resolve(&op.ret).unwrap_or(Type::Any);
                    let args = self.arguments(&op.args);
                    match operations.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, overloads)) => {
                            if overloads[0].0.is_static != op.is_static {
                                self.cx.error(
                                    op.name.span(),
                                    format_args!("overloads of `{name}` must be all static or all regular operations"),
                                );
                            } else if overloads
                                .iter()
                                .any(|(other, _, _)| same_argument_types(&other.args, &op.args))
                            {
                                self.cx.error(
                                    op.name.span(),
                                    format_args!("this overload of `{name}` has the same argument types as an earlier one"),
                                );
                            }
                            overloads.push((op, args, ret));
                        }
                        None => operations.push((name, vec![(op, args, ret)])),
                    }
                }
                ast::Member::Attribute(attr) => {
                    self.check_ext_attrs(&attr.attrs, Place::Member, None);
                    let name = attr.name.to_string();
                    if members_seen.insert(name.clone(), "attribute").is_some() {
                        self.cx
                            .error(attr.name.span(), format_args!("duplicate member `{name}`"));
                        continue;
                    }
                    if kind == InterfaceKind::Namespace
                        && (!attr.readonly || attr.is_static.is_some())
                    {
                        self.cx.error(
                            attr.name.span(),
                            "namespace attributes must be `readonly` and not `static`",
                        );
                    }
                    let ty = self.value_type(&attr.ty).unwrap_or(Type::Any);
                    attributes.push((attr, ty));
                }
            }
        }

        // Rust names, checked for clashes with each other and with the wrapper's own functions.
        let reserved = match kind {
            InterfaceKind::Interface => names::INTERFACE_RESERVED,
            InterfaceKind::Namespace => names::NAMESPACE_RESERVED,
        };
        let mut rust_names: HashMap<String, Span> = HashMap::new();
        let mut claim = |rust: &str, span: Span| {
            if !names::is_valid_ident(rust) {
                self.cx.error(
                    span,
                    format_args!("this member's Rust name `{rust}` is not a valid identifier"),
                );
            } else if reserved.contains(&rust) {
                self.cx.error(span, format_args!("the Rust name `{rust}` of this member is reserved for the generated wrapper"));
            } else if rust_names.insert(rust.to_owned(), span).is_some() {
                self.cx.error(
                    span,
                    format_args!(
                        "the Rust name `{rust}` of this member clashes with another member"
                    ),
                );
            }
        };

        let constructor_names = names::overload_names(
            names::CONSTRUCTOR,
            &constructors
                .iter()
                .map(|(c, _)| arg_names(&c.args))
                .collect::<Vec<_>>(),
        );
        let constructors = constructors
            .into_iter()
            .zip(constructor_names)
            .map(|((ctor, args), rust_name)| {
                claim(&rust_name, ctor.keyword.span());
                Operation {
                    idl_name: "constructor".to_owned(),
                    rust_name,
                    is_static: true,
                    args,
                    ret: Type::Undefined,
                    idl: ctor.to_string(),
                }
            })
            .collect();

        let mut model_operations = Vec::new();
        for (name, overloads) in operations {
            let base = names::method_name(&name);
            let rust_names = names::overload_names(
                &base,
                &overloads
                    .iter()
                    .map(|(op, _, _)| arg_names(&op.args))
                    .collect::<Vec<_>>(),
            );
            for ((op, args, ret), rust_name) in overloads.into_iter().zip(rust_names) {
                claim(&rust_name, op.name.span());
                model_operations.push(Operation {
                    idl_name: name.clone(),
                    rust_name,
                    is_static: op.is_static || kind == InterfaceKind::Namespace,
                    args,
                    ret,
                    idl: op.to_string(),
                });
            }
        }

        let attributes = attributes
            .into_iter()
            .map(|(attr, ty)| {
                let idl_name = attr.name.to_string();
                let getter = names::method_name(&idl_name);
                claim(&getter, attr.name.span());
                let setter = (!attr.readonly).then(|| names::setter_name(&idl_name));
                if let Some(setter) = &setter {
                    claim(setter, attr.name.span());
                }
                Attribute {
                    idl_name,
                    getter,
                    setter,
                    is_static: attr.is_static.is_some() || kind == InterfaceKind::Namespace,
                    ty,
                    idl: attr.to_string(),
                }
            })
            .collect();

        Interface {
            kind,
            idl_name,
            rust_name,
            legacy_namespace,
            constructors,
            operations: model_operations,
            attributes,
        }
    }

    /// Checks an argument list and builds its model.
    fn arguments(&self, args: &[ast::Argument]) -> Vec<Argument> {
        let mut seen: HashMap<String, Span> = HashMap::new();
        let mut rust_seen: HashMap<String, Span> = HashMap::new();
        let mut out = Vec::new();
        for arg in args {
            let idl_name = arg.name.to_string();
            let rust_name = names::argument_name(&idl_name);
            if seen.insert(idl_name.clone(), arg.name.span()).is_some() {
                self.cx.error(
                    arg.name.span(),
                    format_args!("duplicate argument `{idl_name}`"),
                );
            } else if !names::is_valid_ident(&rust_name) {
                self.cx.error(
                    arg.name.span(),
                    format_args!(
                        "this argument's Rust name `{rust_name}` is not a valid identifier"
                    ),
                );
            } else if rust_seen
                .insert(rust_name.clone(), arg.name.span())
                .is_some()
            {
                self.cx.error(
                    arg.name.span(),
                    format_args!(
                        "the Rust name `{rust_name}` of this argument clashes with another argument"
                    ),
                );
            } else if let Some(ast::Definition::Interface(_)) = self.symbols.get(&idl_name)
                && names::type_name(&idl_name) == rust_name
            {
                // A parameter cannot shadow the tuple struct generated for the interface.
                self.cx.error(
                    arg.name.span(),
                    format_args!("argument `{idl_name}` has the name of an interface"),
                );
            }
            let ty = self.value_type(&arg.ty);
            self.check_ext_attrs(&arg.attrs, Place::Argument, ty.as_ref());
            if let Some(default) = &arg.default {
                if !arg.optional {
                    self.cx.push(
                        default
                            .span
                            .error("only `optional` arguments can have a default value"),
                    );
                } else if let Some(ty) = &ty {
                    self.check_default(default, ty, &arg.ty);
                }
            }
            out.push(Argument {
                idl_name,
                rust_name,
                ty: ty.unwrap_or(Type::Any),
                optional: arg.optional,
            });
        }
        out
    }

    /// Reports a default value that does not fit its type.
    fn check_default(&self, default: &ast::DefaultValue, ty: &Type, written: &ast::Type) {
        if !self.default_fits(&default.kind, ty) {
            self.cx.push(default.span.error(format_args!(
                "default value `{}` does not fit type `{written}`",
                default.kind
            )));
        }
    }

    fn default_fits(&self, kind: &DefaultKind, ty: &Type) -> bool {
        match (kind, ty) {
            (DefaultKind::Null, Type::Nullable(_) | Type::Any) => true,
            (kind, Type::Nullable(inner)) => self.default_fits(kind, inner),
            (kind, Type::Union(members)) => members.iter().any(|m| self.default_fits(kind, m)),
            (DefaultKind::EmptyDictionary | DefaultKind::EmptySequence, Type::Any) => false,
            (_, Type::Any) => true,
            (DefaultKind::Boolean(_), Type::Boolean) => true,
            (DefaultKind::Integer(_), Type::Integer(_) | Type::Float(_)) => true,
            (DefaultKind::Decimal(_), Type::Float(_)) => true,
            (DefaultKind::String(_), Type::String) => true,
            (DefaultKind::String(value), Type::Enum(name)) => self
                .enum_values
                .get(name)
                .is_some_and(|values| values.contains(value)),
            (DefaultKind::EmptyDictionary, Type::Dictionary(_)) => true,
            (DefaultKind::EmptySequence, Type::Sequence(_)) => true,
            _ => false,
        }
    }

    /// Checks a dictionary and builds its model.
    fn dictionary(&self, dictionary: &ast::Dictionary) -> Dictionary {
        let idl_name = dictionary.name.to_string();
        let mut seen: HashMap<String, ()> = HashMap::new();
        let mut rust_seen: HashMap<String, ()> = HashMap::new();
        let mut members = Vec::new();
        for member in &dictionary.members {
            let name = member.name.to_string();
            let rust_name = names::field_name(&name);
            if seen.insert(name.clone(), ()).is_some() {
                self.cx.error(
                    member.name.span(),
                    format_args!("duplicate member `{name}`"),
                );
                continue;
            }
            if rust_seen.insert(rust_name.clone(), ()).is_some() {
                self.cx.error(
                    member.name.span(),
                    format_args!(
                        "the Rust name `{rust_name}` of this member clashes with another member"
                    ),
                );
                continue;
            }
            if !names::is_valid_ident(&rust_name) {
                self.cx.error(
                    member.name.span(),
                    format_args!("this member's Rust name `{rust_name}` is not a valid identifier"),
                );
                continue;
            }
            let ty = self.value_type(&member.ty);
            self.check_ext_attrs(&member.attrs, Place::DictionaryMember, ty.as_ref());
            if let Some(default) = &member.default {
                if member.required.is_some() {
                    self.cx.push(
                        default
                            .span
                            .error("a `required` member cannot have a default value"),
                    );
                } else if let Some(ty) = &ty {
                    self.check_default(default, ty, &member.ty);
                }
            }
            members.push(DictionaryMember {
                idl_name: name,
                rust_name,
                ty: ty.unwrap_or(Type::Any),
                required: member.required.is_some(),
                default: member.default.as_ref().map(|d| d.kind.to_string()),
                idl: member.to_string(),
            });
        }
        Dictionary {
            rust_name: names::type_name(&idl_name),
            idl_name,
            members,
            plain: true,
        }
    }

    /// Checks an enum and builds its model.
    fn enumeration(&self, e: &ast::Enum) -> Enum {
        let idl_name = e.name.to_string();
        if e.values.is_empty() {
            self.cx.error(
                e.name.span(),
                format_args!("enum `{idl_name}` needs at least one value"),
            );
        }
        let mut values: Vec<EnumValue> = Vec::new();
        for lit in &e.values {
            let value = lit.value();
            let variant = names::variant_name(&value);
            if values.iter().any(|v| v.value == value) {
                self.cx
                    .error(lit.span(), format_args!("duplicate enum value {value:?}"));
            } else if let Some(other) = values.iter().find(|v| v.variant == variant) {
                self.cx.error(
                    lit.span(),
                    format_args!(
                        "enum values {:?} and {value:?} both become the Rust variant `{variant}`",
                        other.value
                    ),
                );
            } else if !names::is_valid_ident(&variant) {
                self.cx.error(
                    lit.span(),
                    format_args!("enum value {value:?} does not make a Rust variant name"),
                );
            } else {
                values.push(EnumValue { value, variant });
            }
        }
        Enum {
            rust_name: names::type_name(&idl_name),
            idl_name,
            values,
        }
    }

    /// A dictionary that contains itself (other than through a sequence)
    /// would be a Rust struct of infinite size.
    fn check_recursive_dictionaries(&self, model: &Model) {
        fn reaches(model: &Model, ty: &Type, target: &str, visited: &mut Vec<String>) -> bool {
            match ty {
                Type::Nullable(inner) => reaches(model, inner, target, visited),
                Type::Dictionary(name) => {
                    if name == target {
                        return true;
                    }
                    if visited.contains(name) {
                        return false;
                    }
                    visited.push(name.clone());
                    model.dictionary(name).is_some_and(|d| {
                        d.members
                            .iter()
                            .any(|m| reaches(model, &m.ty, target, visited))
                    })
                }
                _ => false,
            }
        }
        for definition in &model.definitions {
            if let Definition::Dictionary(d) = definition
                && d.members
                    .iter()
                    .any(|m| reaches(model, &m.ty, &d.rust_name, &mut Vec::new()))
                && let Some(ast::Definition::Dictionary(ast)) = self.symbols.get(&d.idl_name)
            {
                self.cx.error(
                    ast.name.span(),
                    format_args!(
                        "dictionary `{}` contains itself; recursive dictionaries are not supported",
                        d.idl_name
                    ),
                );
            }
        }
    }
}

/// The overloads of one operation: the syntax, checked arguments and return type.
type Overloads<'a> = Vec<(&'a ast::Operation, Vec<Argument>, Type)>;

/// Whether two argument lists have the same types, as written (a simple
/// stand-in for WebIDL's overload distinguishability).
fn same_argument_types(a: &[ast::Argument], b: &[ast::Argument]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(a, b)| a.ty.to_string() == b.ty.to_string())
}

/// The IDL argument names of an argument list.
fn arg_names(args: &[ast::Argument]) -> Vec<String> {
    args.iter().map(|a| a.name.to_string()).collect()
}

/// "a" or "an" before `word`.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Marks the dictionaries that hold Python objects (directly or nested) as
/// not plain, until nothing changes.
fn compute_plain_dictionaries(model: &mut Model) {
    fn plain(model: &Model, ty: &Type) -> bool {
        match ty {
            Type::Boolean
            | Type::Integer(_)
            | Type::Float(_)
            | Type::String
            | Type::Enum(_)
            | Type::Undefined => true,
            Type::Sequence(inner) | Type::Nullable(inner) => plain(model, inner),
            Type::Dictionary(name) => model.dictionary(name).is_none_or(|d| d.plain),
            _ => false,
        }
    }
    loop {
        let newly_not_plain: Vec<usize> = model
            .definitions
            .iter()
            .enumerate()
            .filter_map(|(i, d)| match d {
                Definition::Dictionary(d)
                    if d.plain && !d.members.iter().all(|m| plain(model, &m.ty)) =>
                {
                    Some(i)
                }
                _ => None,
            })
            .collect();
        if newly_not_plain.is_empty() {
            return;
        }
        for i in newly_not_plain {
            if let Definition::Dictionary(d) = &mut model.definitions[i] {
                d.plain = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse_spec;

    /// Parses and checks `src`; returns the model and all error messages.
    fn run(src: &str) -> (Model, Vec<String>) {
        let cx = Ctxt::new();
        let spec = parse_spec(src.parse().unwrap(), &cx);
        let model = check(&spec, &cx);
        let errors = match cx.finish(()) {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        };
        (model, errors)
    }

    fn ok(src: &str) -> Model {
        let (model, errors) = run(src);
        assert!(errors.is_empty(), "unexpected errors: {errors:?}");
        model
    }

    fn errors(src: &str) -> Vec<String> {
        run(src).1
    }

    fn interface<'m>(model: &'m Model, name: &str) -> &'m Interface {
        model
            .definitions
            .iter()
            .find_map(|d| match d {
                Definition::Interface(i) if i.idl_name == name => Some(i),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn resolves_types_and_typedefs() {
        let model = ok("typedef any AddressValue;
             typedef sequence<AddressValue> Values;
             enum E { \"a\" };
             dictionary D { required E e; };
             [Exposed=*] interface I {
               AddressValue f(Values v, D d, E e, I i, unsigned long n, (DOMString or undefined) u, DOMString? s);
             };");
        let op = &interface(&model, "I").operations[0];
        let types: Vec<&Type> = op.args.iter().map(|a| &a.ty).collect();
        assert_eq!(
            types,
            [
                &Type::Sequence(Box::new(Type::Any)),
                &Type::Dictionary("D".into()),
                &Type::Enum("E".into()),
                &Type::Interface("I".into()),
                &Type::Integer(Integer::U32),
                &Type::Union(vec![Type::String, Type::Undefined]),
                &Type::Nullable(Box::new(Type::String)),
            ]
        );
        assert_eq!(op.ret, Type::Any);
        assert_eq!(
            op.idl,
            "AddressValue f(Values v, D d, E e, I i, unsigned long n, (DOMString or undefined) u, DOMString? s);"
        );
    }

    #[test]
    fn rust_names_and_overloads() {
        let model = ok("[Exposed=*] namespace WebAssembly {
               Promise<any> instantiate(BufferSource bytes, optional object importObject);
               Promise<any> instantiate(Instance moduleObject, optional object importObject);
             };
             [LegacyNamespace=WebAssembly, Exposed=*] interface Instance {
               constructor(Instance module, optional object importObject);
               any getArg(Instance exceptionTag);
               attribute any value;
             };
             interface Tag { constructor(any type); };");
        let ns = interface(&model, "WebAssembly");
        let names: Vec<&str> = ns.operations.iter().map(|o| o.rust_name.as_str()).collect();
        assert_eq!(names, ["instantiate", "instantiate_with_module_object"]);
        assert!(ns.operations.iter().all(|o| o.is_static));
        let instance = interface(&model, "Instance");
        assert_eq!(instance.js_name(), "WebAssembly.Instance");
        assert_eq!(instance.constructors[0].rust_name, "new");
        assert_eq!(instance.constructors[0].args[1].rust_name, "import_object");
        assert_eq!(instance.operations[0].rust_name, "get_arg");
        assert_eq!(instance.attributes[0].setter.as_deref(), Some("set_value"));
        assert_eq!(
            interface(&model, "Tag").constructors[0].args[0].rust_name,
            "r#type"
        );
        assert_eq!(interface(&model, "Tag").js_name(), "Tag");
    }

    #[test]
    fn unknown_types_with_hints() {
        assert_eq!(
            errors("interface I { DOMStrin f(Foo a, sequence<Bar> b); };"),
            [
                "unknown type `DOMStrin`; did you mean `DOMString`?",
                "unknown type `Foo`",
                "unknown type `Bar`"
            ]
        );
        assert_eq!(
            errors("namespace N {}; interface I { N f(); };"),
            ["namespace `N` cannot be used as a type"]
        );
    }

    #[test]
    fn typedef_cycles_are_reported_once() {
        assert_eq!(
            errors("typedef B A; typedef A B; interface I { A f(); };"),
            ["typedef `A` refers to itself"]
        );
    }

    #[test]
    fn duplicates() {
        assert_eq!(
            errors("enum E { \"a\", \"a\" }; interface E {};
                    interface I { any f(); readonly attribute any f; attribute any g; attribute any g; };
                    dictionary D { any x; any x; };
                    interface J { any f(any a, any a); };
                    interface t { undefined g(t t); };
                    interface O { constructor(any a); constructor(any b); any h(long x); any h(long y); };"),
            [
                "duplicate definition `E` (already defined as an enum)",
                "duplicate enum value \"a\"",
                "duplicate member `f`",
                "duplicate member `g`",
                "duplicate member `x`",
                "duplicate argument `a`",
                "argument `t` has the name of an interface",
                "this constructor has the same argument types as an earlier one",
                "this overload of `h` has the same argument types as an earlier one",
            ]
        );
    }

    #[test]
    fn rust_name_clashes() {
        assert_eq!(
            errors("interface I { any fooBar(); any foo_bar(); any cast(); attribute any x; any setX(); };
                    enum E { \"a-b\", \"a_b\", \"\u{b2}\" };"),
            [
                "the Rust name `foo_bar` of this member clashes with another member",
                "the Rust name `cast` of this member is reserved for the generated wrapper",
                "the Rust name `set_x` of this member clashes with another member",
                "enum values \"a-b\" and \"a_b\" both become the Rust variant `AB`",
                "enum value \"\u{b2}\" does not make a Rust variant name",
            ]
        );
    }

    #[test]
    fn extended_attributes() {
        assert_eq!(
            errors("[Exposed=*, SecureContext] interface I { any f([EnforceRange] DOMString s, [Clamp] long n); };
                    [LegacyNamespace=Nope] interface J {};
                    [EnforceRange] dictionary D { [EnforceRange, Clamp] long n; };
                    [Exposed] interface K {};"),
            [
                "unsupported extended attribute `SecureContext` (supported: `Exposed`, `LegacyNamespace`, `EnforceRange`, `Clamp`)",
                "`[EnforceRange]` applies only to integer types",
                "unknown namespace `Nope`",
                "`[EnforceRange]` is not allowed on a dictionary",
                "`[EnforceRange]` and `[Clamp]` cannot be combined",
                "`[Exposed]` needs a value: `[Exposed=*]`, `[Exposed=Window]` or `[Exposed=(Window,Worker)]`",
            ]
        );
    }

    #[test]
    fn defaults() {
        ok("enum E { \"a\" }; dictionary O { boolean b = false; };
            dictionary D { boolean b = false; long n = -1; double d = 0.5; E e = \"a\"; O o = {}; sequence<any> s = [];
                           DOMString? t = null; };
            interface I { undefined f(optional O options = {}); };");
        assert_eq!(
            errors(
                "enum E { \"a\" };
                    dictionary D { required boolean b = true; long n = \"x\"; E e = \"b\"; };
                    interface I { undefined f(boolean b = true); };"
            ),
            [
                "a `required` member cannot have a default value",
                "default value `\"x\"` does not fit type `long`",
                "default value `\"b\"` does not fit type `E`",
                "only `optional` arguments can have a default value",
            ]
        );
    }

    #[test]
    fn misplaced_undefined_and_nullables() {
        assert_eq!(
            errors(
                "interface I { undefined f(undefined u); attribute any? a; };
                    dictionary D { undefined u; };"
            ),
            [
                "`undefined` is only allowed as a return type (or inside a union or promise)",
                "`any` cannot be nullable",
                "`undefined` is only allowed as a return type (or inside a union or promise)",
            ]
        );
    }

    #[test]
    fn namespace_rules() {
        assert_eq!(
            errors("namespace N { constructor(); static any f(); attribute any a; };"),
            [
                "a namespace cannot have a constructor",
                "namespace operations cannot be `static` (they all are)",
                "namespace attributes must be `readonly` and not `static`",
            ]
        );
    }

    #[test]
    fn dictionaries_plain_and_recursive() {
        let model = ok("enum E { \"a\" }; interface I {};
            dictionary P { required E e; boolean b; sequence<DOMString> s; };
            dictionary Q { required P p; };
            dictionary R { required any a; };
            dictionary S { sequence<R> r; };
            dictionary T { sequence<T> children; };");
        let plain: Vec<(String, bool)> = model
            .definitions
            .iter()
            .filter_map(|d| match d {
                Definition::Dictionary(d) => Some((d.idl_name.clone(), d.plain)),
                _ => None,
            })
            .collect();
        assert_eq!(
            plain,
            [
                ("P".into(), true),
                ("Q".into(), true),
                ("R".into(), false),
                ("S".into(), false),
                ("T".into(), true)
            ]
        );
        assert_eq!(
            errors("dictionary A { B b; }; dictionary B { A? a; };"),
            [
                "dictionary `A` contains itself; recursive dictionaries are not supported",
                "dictionary `B` contains itself; recursive dictionaries are not supported",
            ]
        );
    }

    #[test]
    fn the_real_spec_checks_clean() {
        let model = match crate::expand::analyze_real_spec() {
            Ok(model) => model,
            Err(e) => panic!(
                "{:?}",
                e.into_iter().map(|e| e.to_string()).collect::<Vec<_>>()
            ),
        };
        assert_eq!(model.definitions.len(), 25);
    }
}
