// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `TableKind` (JS API enum).
///
/// Crosses to JS as its string value (see [`Self::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// `"externref"`
    Externref,
    /// `"anyfunc"`
    Anyfunc,
}
impl TableKind {
    /// Every value, in WebIDL order.
    pub const VALUES: &'static [Self] = &[Self::Externref, Self::Anyfunc];
    /// The JS string of this value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Externref => "externref",
            Self::Anyfunc => "anyfunc",
        }
    }
    /// The value whose JS string is `value`, if any.
    pub fn from_js_str(value: &str) -> ::core::option::Option<Self> {
        match value {
            "externref" => ::core::option::Option::Some(Self::Externref),
            "anyfunc" => ::core::option::Option::Some(Self::Anyfunc),
            _ => ::core::option::Option::None,
        }
    }
}
impl ::core::fmt::Display for TableKind {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl crate::js::ToJs for TableKind {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        crate::js::ToJs::to_js(self.as_str(), py)
    }
}
/// A string that is not one of the values is an error.
impl<'py> crate::js::FromJs<'py> for TableKind {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        let text: ::std::string::String = crate::js::FromJs::from_js(value)?;
        Self::from_js_str(&text)
            .ok_or_else(|| crate::js::invalid_enum_value("TableKind", &text))
    }
}
impl crate::js::CloneRef for TableKind {
    fn clone_ref(&self, _py: ::pyo3::Python<'_>) -> Self {
        *self
    }
}
