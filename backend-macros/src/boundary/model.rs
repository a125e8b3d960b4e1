//! The checked boundary: the backend's own JS-side operations, grouped by the
//! namespace that declares them, with everything codegen needs resolved.

/// Every namespace of a boundary spec, in source order.
#[derive(Debug, Default)]
pub struct Boundary {
    /// The namespaces.
    pub namespaces: Vec<Namespace>,
}

/// One `[JsBodies=file]` namespace.
#[derive(Debug)]
pub struct Namespace {
    /// The WebIDL name (`Portable`), also the Rust type name.
    pub idl_name: String,
    /// The bodies file's stem (`portable` for `js/portable.js`).
    pub bodies: String,
    /// `[FastAbi=prefix]`: called from Rust as Wasm imports, not through Python.
    pub fast_abi: Option<String>,
    /// The operations, in source order.
    pub operations: Vec<Operation>,
}

/// One operation.
#[derive(Debug)]
pub struct Operation {
    /// The WebIDL (and JS) name (`memRead`).
    pub idl_name: String,
    /// The Rust function name (`mem_read`).
    pub rust_name: String,
    /// The arguments.
    pub args: Vec<Argument>,
    /// The return type.
    pub ret: Type,
    /// `[Fallible]`: the body may throw (fast ABI only).
    pub fallible: bool,
    /// The member as written, for docs.
    pub idl: String,
}

/// One argument.
#[derive(Debug)]
pub struct Argument {
    /// The WebIDL (and JS) name.
    pub idl_name: String,
    /// The Rust parameter name.
    pub rust_name: String,
    /// The type.
    pub ty: Type,
    /// `optional`: `None` leaves it out of the JS call.
    pub optional: bool,
}

/// The types a boundary operation may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    /// `undefined` (return only).
    Undefined,
    /// `any` / `object`: a JS value, seen from Rust as a Python object.
    Any,
    /// `boolean`
    Boolean,
    /// `long`
    I32,
    /// `unsigned long`
    U32,
    /// `double`
    F64,
    /// `DOMString`
    String,
    /// `sequence<T>`
    Sequence(Box<Type>),
    /// `T?`
    Nullable(Box<Type>),
    /// Fast ABI `[Size] unsigned long`: a `usize`.
    Size,
    /// Fast ABI `[In=T] unsigned long`: a `*const T` into Rust memory.
    In(Pointee),
    /// Fast ABI `[Out=T] unsigned long`: a `*mut T` into Rust memory.
    Out(Pointee),
}

/// What a fast-ABI pointer points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointee {
    /// `u8`
    U8,
    /// `u32`
    U32,
    /// `i32`
    I32,
    /// `u64`
    U64,
    /// `f64`
    F64,
}

impl Pointee {
    /// From the attribute value (`u8`, ...).
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "u8" => Pointee::U8,
            "u32" => Pointee::U32,
            "i32" => Pointee::I32,
            "u64" => Pointee::U64,
            "f64" => Pointee::F64,
            _ => return None,
        })
    }

    /// The Rust type name.
    pub fn rust(self) -> &'static str {
        match self {
            Pointee::U8 => "u8",
            Pointee::U32 => "u32",
            Pointee::I32 => "i32",
            Pointee::U64 => "u64",
            Pointee::F64 => "f64",
        }
    }

    /// Every accepted name, for messages.
    pub const NAMES: &'static str = "`u8`, `u32`, `i32`, `u64`, `f64`";
}

impl Type {
    /// Whether the value crosses the fast ABI as an unsigned Wasm i32 (JS
    /// reads it with `>>> 0`).
    pub fn is_unsigned_word(&self) -> bool {
        matches!(self, Type::U32 | Type::Size | Type::In(_) | Type::Out(_))
    }
}
