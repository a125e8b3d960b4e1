// Values crossing between Python and Wasm, and errors leaving Wasm.

// Our externref wrappers: frozen, prototype-less objects holding Rust's id.
const EXTERNREF = Symbol("pyodide_runtime_layer.externref");

function makeExternRef(id) {
  return Object.freeze(Object.create(null, { [EXTERNREF]: { value: id } }));
}

// The id of one of our externref wrappers, or -1 for any other JS value.
function externRefIdOf(v) {
  return v !== null && typeof v === "object" && EXTERNREF in v ? v[EXTERNREF] : -1;
}

// Python values as Pyodide hands them over -> the JS value Wasm expects.
function toWasm(code, v) {
  switch (code) {
    case "I":
    case "F":
      return BigInt(v);
    case "r":
    case "x":
      return v === undefined ? null : v;
    default:
      return v;
  }
}

// The JS API's names of the value types, by code.
const GLOBAL_TYPES = { i: "i32", I: "i64", f: "f32", F: "f64", v: "v128", r: "anyfunc", x: "externref" };

// Pyodide turns a thrown value that is not an Error into a generic Error and
// loses it, so a WebAssembly.Exception leaving Wasm is wrapped first.
class UncaughtWasmException extends Error {
  constructor(exception) {
    super("uncaught wasm exception");
    this.name = "WasmException";
    this.exception = exception;
  }
}

function wrapException(e) {
  return e instanceof WebAssembly.Exception ? new UncaughtWasmException(e) : e;
}

// The error a Wasm host thunk throws when its host function failed; the
// Rust side keeps the real error.
function hostFailure() {
  const e = new Error("pyodide_runtime_layer: host function failed");
  e.name = "HostFunctionError";
  return e;
}
