// Fast-path call shims: for each numeric signature, a Wasm function
//   (func (param $handle i32) (param $args i32) (param $results i32))
// that loads the arguments from Rust memory (8-byte slots), calls the target
// through `funcTable` (where every registered Wasm function sits at its
// handle) and stores the results back, so a call never converts values in JS.

const isNumeric = (sig) => [...sig.replace(":", "")].every((c) => c in LOAD);

// The shim's body: locals for the results, loads, call_indirect, stores.
function callShimBody(params, results) {
  const body = [];
  uleb(results.length, body);
  for (const c of results) body.push(0x01, TYPE_BYTES[c]);
  [...params].forEach((c, k) => {
    body.push(0x20, 0x01, LOAD[c], 0x00);
    uleb(8 * k, body);
  });
  body.push(0x20, 0x00, 0x11, 0x00, 0x00);
  for (let k = results.length - 1; k >= 0; k--) {
    body.push(0x21);
    uleb(3 + k, body);
  }
  [...results].forEach((c, k) => {
    body.push(0x20, 0x02, 0x20);
    uleb(3 + k, body);
    body.push(STORE[c], 0x00);
    uleb(8 * k, body);
  });
  body.push(0x0b);
  return body;
}

// The shim for numeric signature `sig`, over `memory` and `funcTable`.
function callShim(sig, memory, funcTable) {
  const [params, results] = sig.split(":");
  const target = [];
  funcType(params, results, target);
  const module = wasmModule([
    [1, vector([target, [0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x00]])],
    [2, vector([importEntry("e", "m", [0x02, 0x00, 0x00]), importEntry("e", "t", [0x01, 0x70, 0x00, 0x00])])],
    [3, vector([[0x01]])],
    [7, vector([exportEntry("c", 0x00, 0)])],
    [10, vector([functionBody(callShimBody(params, results))])],
  ]);
  return new WebAssembly.Instance(module, { e: { m: memory, t: funcTable } }).exports.c;
}
