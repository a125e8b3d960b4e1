// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `ValueType` (JS API enum).
///
/// Crosses to JS as its string value (see [`Self::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueType {
    /// `"i32"`
    I32,
    /// `"i64"`
    I64,
    /// `"f32"`
    F32,
    /// `"f64"`
    F64,
    /// `"v128"`
    V128,
    /// `"externref"`
    Externref,
    /// `"anyfunc"`
    Anyfunc,
}
impl ValueType {
    /// Every value, in WebIDL order.
    pub const VALUES: &'static [Self] = &[
        Self::I32,
        Self::I64,
        Self::F32,
        Self::F64,
        Self::V128,
        Self::Externref,
        Self::Anyfunc,
    ];
    /// The JS string of this value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::I32 => "i32",
            Self::I64 => "i64",
            Self::F32 => "f32",
            Self::F64 => "f64",
            Self::V128 => "v128",
            Self::Externref => "externref",
            Self::Anyfunc => "anyfunc",
        }
    }
    /// The value whose JS string is `value`, if any.
    pub fn from_js_str(value: &str) -> ::core::option::Option<Self> {
        match value {
            "i32" => ::core::option::Option::Some(Self::I32),
            "i64" => ::core::option::Option::Some(Self::I64),
            "f32" => ::core::option::Option::Some(Self::F32),
            "f64" => ::core::option::Option::Some(Self::F64),
            "v128" => ::core::option::Option::Some(Self::V128),
            "externref" => ::core::option::Option::Some(Self::Externref),
            "anyfunc" => ::core::option::Option::Some(Self::Anyfunc),
            _ => ::core::option::Option::None,
        }
    }
}
impl ::core::fmt::Display for ValueType {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl crate::js::ToJs for ValueType {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        crate::js::ToJs::to_js(self.as_str(), py)
    }
}
/// A string that is not one of the values is an error.
impl<'py> crate::js::FromJs<'py> for ValueType {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        let text: ::std::string::String = crate::js::FromJs::from_js(value)?;
        Self::from_js_str(&text)
            .ok_or_else(|| crate::js::invalid_enum_value("ValueType", &text))
    }
}
impl crate::js::CloneRef for ValueType {
    fn clone_ref(&self, _py: ::pyo3::Python<'_>) -> Self {
        *self
    }
}
