// Function types. Wasm functions carry no type reflection in the JS API, so
// the backend keeps a registry: every Wasm function it makes, exports or
// probes is recorded with its signature ("params:results", by code).

const funcSigs = new WeakMap();

// Records `f` as having signature `sig`; returns `f`.
function registerFunc(f, sig) {
  funcSigs.set(f, sig);
  return f;
}

// (module (type (func params -> results)) (import "m" "f" (func (type 0))) (export "f" (func 0)))
const reexportModules = new Map();
function reexportModule(sig) {
  let module = reexportModules.get(sig);
  if (module === undefined) {
    const [params, results] = sig.split(":");
    const type = [];
    funcType(params, results, type);
    module = wasmModule([
      [1, vector([type])],
      [2, vector([importEntry("m", "f", [0x00, 0x00])])],
      [7, vector([exportEntry("f", 0x00, 0)])],
    ]);
    reexportModules.set(sig, module);
  }
  return module;
}

// Passing `f` through an import of signature `sig` and back out of an export
// turns a JS function into a Wasm function of that type, and fails with a
// LinkError when `f` is a Wasm function of another type.
function reexport(f, sig) {
  return new WebAssembly.Instance(reexportModule(sig), { m: { f } }).exports.f;
}

// The signature of a Wasm function, from the registry or, when `candidates`
// are given, by probing those with as many parameters as `f.length`.
function probeSig(f, candidates) {
  const known = funcSigs.get(f);
  if (known !== undefined) return known;
  if (candidates === undefined) return null;
  for (const sig of candidates) {
    if (sig.indexOf(":") !== f.length) continue;
    try {
      reexport(f, sig);
    } catch (e) {
      continue;
    }
    funcSigs.set(f, sig);
    return sig;
  }
  return null;
}
