//! The checked, resolved spec that [`crate::codegen`] turns into Rust:
//! typedefs are expanded, every type is resolved, every Rust name is chosen
//! (see [`crate::names`]) and known not to clash.
//!
//! The model holds no tokens or spans, only plain data, so it can be built
//! from any token source.

/// A checked spec.
#[derive(Debug, Default)]
pub struct Model {
    /// Definitions in source order (typedefs are resolved away).
    pub definitions: Vec<Definition>,
}

/// One definition that produces Rust items.
#[derive(Debug)]
pub enum Definition {
    /// An interface or a namespace.
    Interface(Interface),
    /// A dictionary.
    Dictionary(Dictionary),
    /// An enum.
    Enum(Enum),
}

impl Definition {
    /// The WebIDL name.
    #[cfg(test)]
    pub fn idl_name(&self) -> &str {
        match self {
            Definition::Interface(i) => &i.idl_name,
            Definition::Dictionary(d) => &d.idl_name,
            Definition::Enum(e) => &e.idl_name,
        }
    }
}

/// Whether an [`Interface`] is an `interface` or a `namespace`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterfaceKind {
    /// `interface`: a JS class, wrapped by a struct holding the JS object.
    Interface,
    /// `namespace`: a JS object with functions, wrapped by a unit struct.
    Namespace,
}

/// An interface or namespace.
#[derive(Debug)]
pub struct Interface {
    /// `interface` or `namespace`.
    pub kind: InterfaceKind,
    /// The WebIDL name (`Memory`).
    pub idl_name: String,
    /// The Rust type name.
    pub rust_name: String,
    /// `[LegacyNamespace=WebAssembly]`: the namespace object that holds the
    /// class (otherwise the class is a global).
    pub legacy_namespace: Option<String>,
    /// `constructor(...)` overloads.
    pub constructors: Vec<Operation>,
    /// Operations, static and regular (a namespace's are all static).
    pub operations: Vec<Operation>,
    /// Attributes.
    pub attributes: Vec<Attribute>,
}

impl Interface {
    /// `WebAssembly.Memory`: the JS expression naming the interface.
    pub fn js_name(&self) -> String {
        match &self.legacy_namespace {
            Some(namespace) => format!("{namespace}.{}", self.idl_name),
            None => self.idl_name.clone(),
        }
    }
}

/// An operation or constructor.
#[derive(Debug)]
pub struct Operation {
    /// The WebIDL name (`constructor` for constructors).
    pub idl_name: String,
    /// The Rust function name.
    pub rust_name: String,
    /// Called on the interface object rather than on an instance.
    pub is_static: bool,
    /// The arguments.
    pub args: Vec<Argument>,
    /// The return type (`undefined` for constructors, which return `Self`).
    pub ret: Type,
    /// The member as written in WebIDL, for docs.
    pub idl: String,
}

/// One argument.
#[derive(Debug)]
pub struct Argument {
    /// The WebIDL name.
    pub idl_name: String,
    /// The Rust parameter name.
    pub rust_name: String,
    /// The type.
    pub ty: Type,
    /// `optional`: the Rust parameter is an `Option` and `None` omits it.
    pub optional: bool,
}

/// An attribute.
#[derive(Debug)]
pub struct Attribute {
    /// The WebIDL name.
    pub idl_name: String,
    /// The getter's Rust name.
    pub getter: String,
    /// The setter's Rust name, unless the attribute is `readonly`.
    pub setter: Option<String>,
    /// `static`: read from the interface object.
    pub is_static: bool,
    /// The type.
    pub ty: Type,
    /// The member as written in WebIDL, for docs.
    pub idl: String,
}

/// A dictionary.
#[derive(Debug)]
pub struct Dictionary {
    /// The WebIDL name.
    pub idl_name: String,
    /// The Rust struct name.
    pub rust_name: String,
    /// The members, in source order.
    pub members: Vec<DictionaryMember>,
    /// No member holds a Python object (directly or nested): the struct can
    /// derive `Clone` and `PartialEq`.
    pub plain: bool,
}

/// A dictionary member.
#[derive(Debug)]
pub struct DictionaryMember {
    /// The WebIDL name, also the JS property key.
    pub idl_name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// The type.
    pub ty: Type,
    /// `required`: the field is not an `Option`.
    pub required: bool,
    /// The default value as WebIDL text, for docs.
    pub default: Option<String>,
    /// The member as written in WebIDL, for docs.
    pub idl: String,
}

/// An enum.
#[derive(Debug)]
pub struct Enum {
    /// The WebIDL name.
    pub idl_name: String,
    /// The Rust enum name.
    pub rust_name: String,
    /// The values, in source order.
    pub values: Vec<EnumValue>,
}

/// One enum value.
#[derive(Debug)]
pub struct EnumValue {
    /// The JS string.
    pub value: String,
    /// The Rust variant name.
    pub variant: String,
}

/// A resolved type.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    /// `any` (and typedefs of it, such as `AddressValue`).
    Any,
    /// `object`
    Object,
    /// `undefined` (return types only).
    Undefined,
    /// `boolean`
    Boolean,
    /// An integer type.
    Integer(Integer),
    /// `float`/`double` (restricted or not).
    Float(Float),
    /// `DOMString`, `USVString`, `ByteString`.
    String,
    /// A buffer type (`BufferSource`, `ArrayBuffer`, ...), by name.
    Buffer(String),
    /// `sequence<T>` / `FrozenArray<T>`.
    Sequence(Box<Type>),
    /// `Promise<T>`.
    Promise(Box<Type>),
    /// `record<K, V>`.
    Record(Box<Type>, Box<Type>),
    /// `(A or B)`.
    Union(Vec<Type>),
    /// `T?`.
    Nullable(Box<Type>),
    /// An interface, by Rust name.
    Interface(String),
    /// A dictionary, by Rust name.
    Dictionary(String),
    /// An enum, by Rust name.
    Enum(String),
}

/// Integer types with their Rust counterparts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Integer {
    /// `byte`
    I8,
    /// `octet`
    U8,
    /// `short`
    I16,
    /// `unsigned short`
    U16,
    /// `long`
    I32,
    /// `unsigned long`
    U32,
    /// `long long`
    I64,
    /// `unsigned long long`
    U64,
}

/// Floating-point types with their Rust counterparts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Float {
    /// `float`, `unrestricted float`
    F32,
    /// `double`, `unrestricted double`
    F64,
}

impl Type {
    /// Whether Rust sees this type as an untyped JS value (a `Bound<PyAny>`):
    /// `any`, `object`, buffers, promises, records, unions, and nullable ones.
    pub fn is_js_value(&self) -> bool {
        match self {
            Type::Any
            | Type::Object
            | Type::Buffer(_)
            | Type::Promise(_)
            | Type::Record(..)
            | Type::Union(_) => true,
            Type::Nullable(inner) => inner.is_js_value(),
            _ => false,
        }
    }
}

impl Model {
    /// The dictionary with Rust name `rust_name`.
    pub fn dictionary(&self, rust_name: &str) -> Option<&Dictionary> {
        self.definitions.iter().find_map(|d| match d {
            Definition::Dictionary(d) if d.rust_name == rust_name => Some(d),
            _ => None,
        })
    }
}
