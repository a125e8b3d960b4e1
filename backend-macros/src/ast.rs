//! The WebIDL syntax tree, as written: what [`crate::parser`] produces and
//! [`crate::check`] validates. Names are kept as [`Ident`]s so that errors can
//! point at them; types are not resolved yet.
//!
//! `Display` renders each node back as WebIDL text (for doc comments).

use std::fmt;

use proc_macro2::Ident;

use crate::errors::SpanRange;

/// A whole spec: its definitions in source order.
#[derive(Debug, Default)]
pub struct Spec {
    /// The definitions that parsed (the ones that did not are reported as errors).
    pub definitions: Vec<Definition>,
}

/// One top-level definition.
#[derive(Debug)]
pub enum Definition {
    /// `interface Name { ... };`
    Interface(Container),
    /// `namespace Name { ... };`
    Namespace(Container),
    /// `dictionary Name { ... };`
    Dictionary(Dictionary),
    /// `enum Name { "a", "b" };`
    Enum(Enum),
    /// `typedef Type Name;`
    Typedef(Typedef),
}

impl Definition {
    /// The defined name.
    pub fn name(&self) -> &Ident {
        match self {
            Definition::Interface(c) | Definition::Namespace(c) => &c.name,
            Definition::Dictionary(d) => &d.name,
            Definition::Enum(e) => &e.name,
            Definition::Typedef(t) => &t.name,
        }
    }

    /// The `partial` keyword of a partial interface, namespace or dictionary.
    pub fn partial(&self) -> Option<&Ident> {
        match self {
            Definition::Interface(c) | Definition::Namespace(c) => c.partial.as_ref(),
            Definition::Dictionary(d) => d.partial.as_ref(),
            Definition::Enum(_) | Definition::Typedef(_) => None,
        }
    }

    /// The definition keyword, for messages (`interface`, `enum`, ...).
    pub fn keyword(&self) -> &'static str {
        match self {
            Definition::Interface(_) => "interface",
            Definition::Namespace(_) => "namespace",
            Definition::Dictionary(_) => "dictionary",
            Definition::Enum(_) => "enum",
            Definition::Typedef(_) => "typedef",
        }
    }
}

/// An extended attribute: `[Name]`, `[Name=Ident]`, `[Name=*]` or `[Name=(A, B)]`.
#[derive(Debug, Clone)]
pub struct ExtAttr {
    /// The attribute name.
    pub name: Ident,
    /// What follows `=`, if anything.
    pub value: ExtAttrValue,
}

/// The value of an extended attribute.
#[derive(Debug, Clone)]
pub enum ExtAttrValue {
    /// `[Name]`
    None,
    /// `[Name=Ident]`
    Ident(Ident),
    /// `[Name=*]`
    Wildcard,
    /// `[Name=(A, B)]`
    List(Vec<Ident>),
}

/// The body of an `interface` or a `namespace`.
#[derive(Debug)]
pub struct Container {
    /// Extended attributes before the keyword.
    pub attrs: Vec<ExtAttr>,
    /// The `partial` keyword, if written (merged away by [`crate::merge`]).
    pub partial: Option<Ident>,
    /// The defined name.
    pub name: Ident,
    /// The members that parsed, in source order.
    pub members: Vec<Member>,
}

/// A member of an interface or a namespace.
#[derive(Debug)]
pub enum Member {
    /// `constructor(args);`
    Constructor(Constructor),
    /// `Type name(args);`, possibly `static`.
    Operation(Operation),
    /// `readonly attribute Type name;` or `attribute Type name;`
    Attribute(Attribute),
}

/// `constructor(args);`
#[derive(Debug)]
pub struct Constructor {
    /// Extended attributes before the member.
    pub attrs: Vec<ExtAttr>,
    /// The `constructor` keyword (for spans).
    pub keyword: Ident,
    /// The arguments.
    pub args: Vec<Argument>,
}

/// `static? Type name(args);`
#[derive(Debug)]
pub struct Operation {
    /// Extended attributes before the member.
    pub attrs: Vec<ExtAttr>,
    /// Whether the operation is `static`.
    pub is_static: bool,
    /// The return type.
    pub ret: Type,
    /// The operation name.
    pub name: Ident,
    /// The arguments.
    pub args: Vec<Argument>,
}

/// `static? readonly? attribute Type name;`
#[derive(Debug)]
pub struct Attribute {
    /// Extended attributes before the member.
    pub attrs: Vec<ExtAttr>,
    /// The `static` keyword, if written.
    pub is_static: Option<Ident>,
    /// Whether the attribute is `readonly`.
    pub readonly: bool,
    /// The attribute type.
    pub ty: Type,
    /// The attribute name.
    pub name: Ident,
}

/// One argument of an operation or constructor.
#[derive(Debug)]
pub struct Argument {
    /// Extended attributes before the argument (`[EnforceRange]`).
    pub attrs: Vec<ExtAttr>,
    /// Whether the argument is `optional`.
    pub optional: bool,
    /// The argument type.
    pub ty: Type,
    /// The argument name.
    pub name: Ident,
    /// `= value`, if written.
    pub default: Option<DefaultValue>,
}

/// `dictionary Name { members };`
#[derive(Debug)]
pub struct Dictionary {
    /// Extended attributes before the keyword.
    pub attrs: Vec<ExtAttr>,
    /// The `partial` keyword, if written (merged away by [`crate::merge`]).
    pub partial: Option<Ident>,
    /// The defined name.
    pub name: Ident,
    /// The members that parsed, in source order.
    pub members: Vec<DictionaryMember>,
}

/// `required? Type name (= default)?;`
#[derive(Debug)]
pub struct DictionaryMember {
    /// Extended attributes before the member.
    pub attrs: Vec<ExtAttr>,
    /// The `required` keyword, if written.
    pub required: Option<Ident>,
    /// The member type.
    pub ty: Type,
    /// The member name.
    pub name: Ident,
    /// `= value`, if written.
    pub default: Option<DefaultValue>,
}

/// `enum Name { "a", "b" };`
#[derive(Debug)]
pub struct Enum {
    /// Extended attributes before the keyword.
    pub attrs: Vec<ExtAttr>,
    /// The defined name.
    pub name: Ident,
    /// The values, in source order.
    pub values: Vec<syn::LitStr>,
}

/// `typedef Type Name;`
#[derive(Debug)]
pub struct Typedef {
    /// Extended attributes before the keyword.
    pub attrs: Vec<ExtAttr>,
    /// The aliased type.
    pub ty: Type,
    /// The new name.
    pub name: Ident,
}

/// A type as written.
#[derive(Debug, Clone)]
pub struct Type {
    /// What kind of type.
    pub kind: TypeKind,
    /// Whether `?` follows.
    pub nullable: bool,
    /// The tokens the type was written with.
    pub span: SpanRange,
}

/// The shape of a [`Type`].
#[derive(Debug, Clone)]
pub enum TypeKind {
    /// A single name: a builtin (`any`, `DOMString`, ...) or a definition.
    Named(Ident),
    /// `byte`, `octet`, `short`, `long`, `long long` and their `unsigned` forms.
    Integer(IntegerType),
    /// `float`, `double` and their `unrestricted` forms.
    Float(FloatType),
    /// `sequence<T>` (also `FrozenArray<T>`, which converts the same way).
    Sequence(Box<Type>),
    /// `Promise<T>`
    Promise(Box<Type>),
    /// `record<K, V>`
    Record(Box<Type>, Box<Type>),
    /// `(A or B or ...)`
    Union(Vec<Type>),
}

/// A WebIDL integer type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntegerType {
    /// `byte`
    Byte,
    /// `octet`
    Octet,
    /// `short`
    Short,
    /// `unsigned short`
    UnsignedShort,
    /// `long`
    Long,
    /// `unsigned long`
    UnsignedLong,
    /// `long long`
    LongLong,
    /// `unsigned long long`
    UnsignedLongLong,
}

/// A WebIDL floating-point type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatType {
    /// `float`
    Float,
    /// `unrestricted float`
    UnrestrictedFloat,
    /// `double`
    Double,
    /// `unrestricted double`
    UnrestrictedDouble,
}

/// A default value: `= false`, `= 0`, `= "text"`, `= {}`, `= []`, `= null`.
#[derive(Debug, Clone)]
pub struct DefaultValue {
    /// Which value.
    pub kind: DefaultKind,
    /// Where it was written.
    pub span: SpanRange,
}

/// The kinds of [`DefaultValue`].
#[derive(Debug, Clone, PartialEq)]
pub enum DefaultKind {
    /// `true` / `false`
    Boolean(bool),
    /// An integer literal, as written (with a leading `-` if negative).
    Integer(String),
    /// A decimal literal, `Infinity`, `-Infinity` or `NaN`, as written.
    Decimal(String),
    /// A string literal's value.
    String(String),
    /// `null`
    Null,
    /// `{}`
    EmptyDictionary,
    /// `[]`
    EmptySequence,
}

impl fmt::Display for IntegerType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IntegerType::Byte => "byte",
            IntegerType::Octet => "octet",
            IntegerType::Short => "short",
            IntegerType::UnsignedShort => "unsigned short",
            IntegerType::Long => "long",
            IntegerType::UnsignedLong => "unsigned long",
            IntegerType::LongLong => "long long",
            IntegerType::UnsignedLongLong => "unsigned long long",
        })
    }
}

impl fmt::Display for FloatType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FloatType::Float => "float",
            FloatType::UnrestrictedFloat => "unrestricted float",
            FloatType::Double => "double",
            FloatType::UnrestrictedDouble => "unrestricted double",
        })
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            TypeKind::Named(name) => write!(f, "{name}")?,
            TypeKind::Integer(ty) => write!(f, "{ty}")?,
            TypeKind::Float(ty) => write!(f, "{ty}")?,
            TypeKind::Sequence(inner) => write!(f, "sequence<{inner}>")?,
            TypeKind::Promise(inner) => write!(f, "Promise<{inner}>")?,
            TypeKind::Record(key, value) => write!(f, "record<{key}, {value}>")?,
            TypeKind::Union(members) => {
                f.write_str("(")?;
                for (i, member) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" or ")?;
                    }
                    write!(f, "{member}")?;
                }
                f.write_str(")")?;
            }
        }
        if self.nullable {
            f.write_str("?")?;
        }
        Ok(())
    }
}

impl fmt::Display for ExtAttr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        match &self.value {
            ExtAttrValue::None => Ok(()),
            ExtAttrValue::Ident(value) => write!(f, "={value}"),
            ExtAttrValue::Wildcard => write!(f, "=*"),
            ExtAttrValue::List(values) => {
                let values: Vec<String> = values.iter().map(Ident::to_string).collect();
                write!(f, "=({})", values.join(","))
            }
        }
    }
}

impl fmt::Display for DefaultKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DefaultKind::Boolean(value) => write!(f, "{value}"),
            DefaultKind::Integer(value) | DefaultKind::Decimal(value) => f.write_str(value),
            DefaultKind::String(value) => write!(f, "{value:?}"),
            DefaultKind::Null => f.write_str("null"),
            DefaultKind::EmptyDictionary => f.write_str("{}"),
            DefaultKind::EmptySequence => f.write_str("[]"),
        }
    }
}

impl fmt::Display for Argument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_ext_attrs(f, &self.attrs)?;
        if self.optional {
            f.write_str("optional ")?;
        }
        write!(f, "{} {}", self.ty, self.name)?;
        if let Some(default) = &self.default {
            write!(f, " = {}", default.kind)?;
        }
        Ok(())
    }
}

/// Writes `[A, B] ` (nothing if `attrs` is empty).
fn write_ext_attrs(f: &mut fmt::Formatter<'_>, attrs: &[ExtAttr]) -> fmt::Result {
    if attrs.is_empty() {
        return Ok(());
    }
    let attrs: Vec<String> = attrs.iter().map(ExtAttr::to_string).collect();
    write!(f, "[{}] ", attrs.join(", "))
}

/// Renders `args` as a WebIDL argument list, without parentheses.
pub fn display_args(args: &[Argument]) -> String {
    args.iter()
        .map(Argument::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Constructor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "constructor({});", display_args(&self.args))
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_static {
            f.write_str("static ")?;
        }
        write!(
            f,
            "{} {}({});",
            self.ret,
            self.name,
            display_args(&self.args)
        )
    }
}

impl fmt::Display for Attribute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_static.is_some() {
            f.write_str("static ")?;
        }
        if self.readonly {
            f.write_str("readonly ")?;
        }
        write!(f, "attribute {} {};", self.ty, self.name)
    }
}

impl fmt::Display for DictionaryMember {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_ext_attrs(f, &self.attrs)?;
        if self.required.is_some() {
            f.write_str("required ")?;
        }
        write!(f, "{} {}", self.ty, self.name)?;
        if let Some(default) = &self.default {
            write!(f, " = {}", default.kind)?;
        }
        f.write_str(";")
    }
}
