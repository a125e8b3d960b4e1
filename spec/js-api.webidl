// The WebAssembly JavaScript Interface as WebIDL.
//
// Follows: WebAssembly JS API, W3C Editor's Draft as of 2025
// (https://webassembly.github.io/spec/js-api/), with exception handling
// (Tag, Exception) and memory64 (AddressType, AddressValue) merged in.
//
// Differences from upstream, all deliberate:
// - Left out: `WebAssemblyCompileOptions` (JS String Builtins) and the
//   namespace attribute `JSTag`; the backend does not use them.
// - `boolean shared = false;` in `MemoryDescriptor` comes from the threads
//   proposal's JS API.
// - CompileError, LinkError and RuntimeError are NativeError objects that
//   upstream describes in prose, not IDL. They are written as interfaces at
//   the end of this file so that the generated code offers checked downcasts.
//
// How to refresh: paste the IDL blocks of the upstream page over the matching
// definitions below (keep the three error interfaces), then run
// `cargo test -p pyodide_runtime_layer_macros` and re-bless the expansion
// snapshots with `BLESS_EXPANDED=1` if the generated code changes.
//
// This file is tokenized as Rust tokens by `pyodide_runtime_layer_macros`:
// only `//` and `/* */` comments, and nothing Rust cannot lex (no `'`
// outside comments).

dictionary WebAssemblyInstantiatedSource {
    required Module module;
    required Instance instance;
};

[Exposed=*]
namespace WebAssembly {
    boolean validate(BufferSource bytes);
    Promise<Module> compile(BufferSource bytes);

    Promise<WebAssemblyInstantiatedSource> instantiate(
        BufferSource bytes, optional object importObject);

    Promise<Instance> instantiate(
        Module moduleObject, optional object importObject);
};

enum ImportExportKind {
  "function",
  "table",
  "memory",
  "global",
  "tag"
};

enum AddressType {
  "i32",
  "i64",
};

typedef any AddressValue;

dictionary ModuleExportDescriptor {
  required USVString name;
  required ImportExportKind kind;
  // Note: Other fields such as signature may be added in the future.
};

dictionary ModuleImportDescriptor {
  required USVString module;
  required USVString name;
  required ImportExportKind kind;
};

[LegacyNamespace=WebAssembly, Exposed=*]
interface Module {
  constructor(BufferSource bytes);
  static sequence<ModuleExportDescriptor> exports(Module moduleObject);
  static sequence<ModuleImportDescriptor> imports(Module moduleObject);
  static sequence<ArrayBuffer> customSections(Module moduleObject, DOMString sectionName);
};

[LegacyNamespace=WebAssembly, Exposed=*]
interface Instance {
  constructor(Module module, optional object importObject);
  readonly attribute object exports;
};

dictionary MemoryDescriptor {
  required AddressValue initial;
  AddressValue maximum;
  boolean shared = false;
  AddressType address;
};

[LegacyNamespace=WebAssembly, Exposed=*]
interface Memory {
  constructor(MemoryDescriptor descriptor);
  AddressValue grow(AddressValue delta);
  ArrayBuffer toFixedLengthBuffer();
  ArrayBuffer toResizableBuffer();
  readonly attribute ArrayBuffer buffer;
};

enum TableKind {
  "externref",
  "anyfunc",
  // Note: More values may be added in future iterations,
  // e.g., typed function references, typed GC references
};

dictionary TableDescriptor {
  required TableKind element;
  required AddressValue initial;
  AddressValue maximum;
  AddressType address;
};

[LegacyNamespace=WebAssembly, Exposed=*]
interface Table {
  constructor(TableDescriptor descriptor, optional any value);
  AddressValue grow(AddressValue delta, optional any value);
  any get(AddressValue index);
  undefined set(AddressValue index, optional any value);
  readonly attribute AddressValue length;
};

enum ValueType {
  "i32",
  "i64",
  "f32",
  "f64",
  "v128",
  "externref",
  "anyfunc",
};

dictionary GlobalDescriptor {
  required ValueType value;
  boolean mutable = false;
};

[LegacyNamespace=WebAssembly, Exposed=*]
interface Global {
  constructor(GlobalDescriptor descriptor, optional any v);
  any valueOf();
  attribute any value;
};

dictionary TagType {
  required sequence<ValueType> parameters;
};

[LegacyNamespace=WebAssembly, Exposed=(Window,Worker,Worklet)]
interface Tag {
  constructor(TagType type);
};

dictionary ExceptionOptions {
  boolean traceStack = false;
};

[LegacyNamespace=WebAssembly, Exposed=(Window,Worker,Worklet)]
interface Exception {
  constructor(Tag exceptionTag, sequence<any> payload, optional ExceptionOptions options = {});
  any getArg(Tag exceptionTag, [EnforceRange] unsigned long index);
  boolean is(Tag exceptionTag);
  readonly attribute (DOMString or undefined) stack;
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
