// This crate's own additions to the WebAssembly JavaScript Interface.
//
// Read by `pyodide_runtime_layer_macros::bindings!` together with
// spec/upstream/js-api.webidl (the upstream IDL, verbatim; never edited by
// hand). Everything this crate adds or changes is here, each with its reason.
// Additions to an upstream definition are `partial` definitions, which the
// macro merges into the upstream one (see spec/README.md).
//
// This file is tokenized as Rust tokens by `pyodide_runtime_layer_macros`:
// only `//` and `/* */` comments, and nothing Rust cannot lex (no `'`
// outside comments).

// From the threads proposal's JS API (not merged upstream yet): shared memories.
partial dictionary MemoryDescriptor {
  boolean shared = false;
};

// Not upstream IDL: the JS API defines these three as NativeError objects in
// prose ("Error Objects"). Written here so the bindings get checked downcasts.

[LegacyNamespace=WebAssembly, Exposed=*]
interface CompileError {
  constructor(optional DOMString message);
  readonly attribute DOMString message;
};

[LegacyNamespace=WebAssembly, Exposed=*]
interface LinkError {
  constructor(optional DOMString message);
  readonly attribute DOMString message;
};

[LegacyNamespace=WebAssembly, Exposed=*]
interface RuntimeError {
  constructor(optional DOMString message);
  readonly attribute DOMString message;
};
