// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `ImportExportKind` (JS API enum).
///
/// Crosses to JS as its string value (see [`Self::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportExportKind {
    /// `"function"`
    Function,
    /// `"table"`
    Table,
    /// `"memory"`
    Memory,
    /// `"global"`
    Global,
    /// `"tag"`
    Tag,
}
impl ImportExportKind {
    /// Every value, in WebIDL order.
    pub const VALUES: &'static [Self] = &[
        Self::Function,
        Self::Table,
        Self::Memory,
        Self::Global,
        Self::Tag,
    ];
    /// The JS string of this value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Function => "function",
            Self::Table => "table",
            Self::Memory => "memory",
            Self::Global => "global",
            Self::Tag => "tag",
        }
    }
    /// The value whose JS string is `value`, if any.
    pub fn from_js_str(value: &str) -> ::core::option::Option<Self> {
        match value {
            "function" => ::core::option::Option::Some(Self::Function),
            "table" => ::core::option::Option::Some(Self::Table),
            "memory" => ::core::option::Option::Some(Self::Memory),
            "global" => ::core::option::Option::Some(Self::Global),
            "tag" => ::core::option::Option::Some(Self::Tag),
            _ => ::core::option::Option::None,
        }
    }
}
impl ::core::fmt::Display for ImportExportKind {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl crate::js::ToJs for ImportExportKind {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        crate::js::ToJs::to_js(self.as_str(), py)
    }
}
/// A string that is not one of the values is an error.
impl<'py> crate::js::FromJs<'py> for ImportExportKind {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        let text: ::std::string::String = crate::js::FromJs::from_js(value)?;
        Self::from_js_str(&text)
            .ok_or_else(|| crate::js::invalid_enum_value("ImportExportKind", &text))
    }
}
impl crate::js::CloneRef for ImportExportKind {
    fn clone_ref(&self, _py: ::pyo3::Python<'_>) -> Self {
        *self
    }
}
