// Floats as bits.
//
// SpiderMonkey and JavaScriptCore canonicalize a NaN that becomes a JS
// number, losing its payload and sign. So on the portable path a NaN never
// becomes one: it crosses between Python and Wasm as its bits (an f32 as an
// i32, an f64 as an i64), and small Wasm modules reinterpret them on the Wasm
// side. Every other float is exact as a JS number, and a call of a Wasm
// function takes its float arguments and results as numbers, with a NaN
// result's bits kept aside by its adapter (`nanSafeAdapter`).

const BITS = { f: "i", F: "I" };
const asBits = (codes) => [...codes].map((c) => BITS[c] ?? c).join("");
const hasFloat = (codes) => codes.includes("f") || codes.includes("F");
const isFloat = (code) => code === "f" || code === "F";
// reinterpret opcodes, [from][to]
const REINTERPRET = { i: { f: 0xbe }, I: { F: 0xbf }, f: { i: 0xbc }, F: { I: 0xbd } };

// The body of the adapter function of `bitsAdapterModule`: reinterprets its
// arguments, calls import 0, reinterprets the results.
function bitsAdapterBody([outerParams, outerResults], [innerParams, innerResults]) {
  const convert = (from, to, out) => from !== to && out.push(REINTERPRET[from][to]);
  const body = [];
  // Several results are parked in locals (of the inner types) to convert each.
  const many = innerResults.length > 1;
  uleb(many ? innerResults.length : 0, body);
  if (many) for (const c of innerResults) body.push(0x01, TYPE_BYTES[c]);
  [...outerParams].forEach((c, i) => {
    body.push(0x20);
    uleb(i, body);
    convert(c, innerParams[i], body);
  });
  body.push(0x10, 0x00);
  if (many) {
    for (let k = innerResults.length - 1; k >= 0; k--) {
      body.push(0x21);
      uleb(outerParams.length + k, body);
    }
    [...innerResults].forEach((c, k) => {
      body.push(0x20);
      uleb(outerParams.length + k, body);
      convert(c, outerResults[k], body);
    });
  } else if (innerResults.length === 1) {
    convert(innerResults, outerResults, body);
  }
  body.push(0x0b);
  return body;
}

// A module importing "m" "f" of signature `inner` and exporting "f" of
// signature `outer` ("params:results" each), which differ only where one
// carries a float and the other its bits.
const bitsAdapterModules = new Map();
function bitsAdapterModule(outer, inner) {
  const key = `${outer}>${inner}`;
  let module = bitsAdapterModules.get(key);
  if (module === undefined) {
    const [o, i] = [outer.split(":"), inner.split(":")];
    const innerType = [];
    const outerType = [];
    funcType(i[0], i[1], innerType);
    funcType(o[0], o[1], outerType);
    module = wasmModule([
      [1, vector([innerType, outerType])],
      [2, vector([importEntry("m", "f", [0x00, 0x00])])],
      [3, vector([[0x01]])],
      [7, vector([exportEntry("f", 0x00, 1)])],
      [10, vector([functionBody(bitsAdapterBody(o, i))])],
    ]);
    bitsAdapterModules.set(key, module);
  }
  return module;
}

// `f` (of signature `inner`) behind an export of signature `outer`.
function bitsAdapter(f, outer, inner) {
  return new WebAssembly.Instance(bitsAdapterModule(outer, inner), { m: { f } }).exports.f;
}

// A float read from JS (where it already is a number) as its bits.
function numberBits(code, v) {
  const view = new DataView(new ArrayBuffer(8));
  if (code === "f") {
    view.setFloat32(0, v, true);
    return view.getInt32(0, true);
  }
  view.setFloat64(0, v, true);
  return view.getBigInt64(0, true);
}

// The float of type `code` whose bits are `bits`, as a JS number.
function bitsNumber(code, bits) {
  const view = new DataView(new ArrayBuffer(8));
  if (code === "f") {
    view.setInt32(0, bits, true);
    return view.getFloat32(0, true);
  }
  view.setBigInt64(0, bits, true);
  return view.getFloat64(0, true);
}

// A module that imports a float global ("m" "g", f32 when `f32`, else f64;
// mutable when `mutable`) and exports `get` (its bits, as i32 or i64) and,
// when mutable, `set` (from bits).
function floatGlobalAccessModule(f32, mutable) {
  const [float, int, toInt, toFloat] = f32 ? [0x7d, 0x7f, 0xbc, 0xbe] : [0x7c, 0x7e, 0xbd, 0xbf];
  const get = [0x00, 0x23, 0x00, toInt, 0x0b];
  const set = [0x00, 0x20, 0x00, toFloat, 0x24, 0x00, 0x0b];
  const exports = [exportEntry("get", 0x00, 0)];
  if (mutable) exports.push(exportEntry("set", 0x00, 1));
  return wasmModule([
    [1, vector([[0x60, 0x00, 0x01, int], [0x60, 0x01, int, 0x00]])],
    [2, vector([importEntry("m", "g", [0x03, float, mutable ? 0x01 : 0x00])])],
    [3, vector(mutable ? [[0x00], [0x01]] : [[0x00]])],
    [7, vector(exports)],
    [10, vector((mutable ? [get, set] : [get]).map(functionBody))],
  ]);
}

const floatGlobalModules = new Map();
const floatGlobalAccessors = new WeakMap();
// `{ get, set }` of a float global `g` (f32 when `f32`) by bits; `set` is
// missing for an immutable global (the JS API cannot tell which a global is,
// so the mutable import is tried first).
function floatGlobalAccess(g, f32) {
  let access = floatGlobalAccessors.get(g);
  if (access !== undefined) return access;
  for (const mutable of [true, false]) {
    const key = `${f32}:${mutable}`;
    let module = floatGlobalModules.get(key);
    if (module === undefined) {
      module = floatGlobalAccessModule(f32, mutable);
      floatGlobalModules.set(key, module);
    }
    try {
      access = new WebAssembly.Instance(module, { m: { g } }).exports;
      break;
    } catch (e) {
      if (!mutable) throw e;
    }
  }
  floatGlobalAccessors.set(g, access);
  return access;
}

// An immutable float global holding exactly `bits` (a NaN's payload
// included): (module (global (export "g") T (T.const <bits>))).
function constFloatGlobal(code, bits) {
  const view = new DataView(new ArrayBuffer(8));
  if (code === "f") view.setInt32(0, bits, true);
  else view.setBigInt64(0, bits, true);
  const width = code === "f" ? 4 : 8;
  const init = [TYPE_BYTES[code], 0x00, code === "f" ? 0x43 : 0x44, ...new Uint8Array(view.buffer, 0, width), 0x0b];
  const module = wasmModule([
    [6, vector([init])],
    [7, vector([exportEntry("g", 0x03, 0)])],
  ]);
  return new WebAssembly.Instance(module).exports.g;
}

// A module importing "m" "f" of signature `sig` and exporting "f" of the
// same signature that also keeps the bits of each NaN result in global
// "n<k>" (an i64; the number that reaches JS may have lost them).
const nanSafeModules = new Map();
function nanSafeModule(sig) {
  let module = nanSafeModules.get(sig);
  if (module !== undefined) return module;
  const [params, results] = sig.split(":");
  const type = [];
  funcType(params, results, type);
  const body = [];
  uleb(results.length, body);
  for (const c of results) body.push(0x01, TYPE_BYTES[c]);
  [...params].forEach((_, i) => {
    body.push(0x20);
    uleb(i, body);
  });
  body.push(0x10, 0x00);
  const local = (op, k) => {
    body.push(op);
    uleb(params.length + k, body);
  };
  for (let k = results.length - 1; k >= 0; k--) local(0x21, k);
  [...results].forEach((c, k) => {
    if (!isFloat(c)) return;
    // if (r != r) n<k> = bits(r)
    local(0x20, k);
    local(0x20, k);
    body.push(c === "f" ? 0x5c : 0x62, 0x04, 0x40);
    local(0x20, k);
    body.push(...(c === "f" ? [0xbc, 0xad] : [0xbd]), 0x24);
    uleb(k, body);
    body.push(0x0b);
  });
  [...results].forEach((_, k) => local(0x20, k));
  body.push(0x0b);
  const globals = [...results].map(() => [0x7e, 0x01, 0x42, 0x00, 0x0b]);
  const exports = [exportEntry("f", 0x00, 1), ...[...results].map((_, k) => exportEntry(`n${k}`, 0x03, k))];
  module = wasmModule([
    [1, vector([type])],
    [2, vector([importEntry("m", "f", [0x00, 0x00])])],
    [3, vector([[0x00]])],
    [6, vector(globals)],
    [7, vector(exports)],
    [10, vector([functionBody(body)])],
  ]);
  nanSafeModules.set(sig, module);
  return module;
}

// `f` (of signature `sig`) behind its NaN-safe adapter: `{ f, nan }`, `nan[k]`
// the global holding result k's bits when it was a NaN.
function nanSafeAdapter(f, sig) {
  const exports = new WebAssembly.Instance(nanSafeModule(sig), { m: { f } }).exports;
  const results = sig.split(":")[1];
  return { f: exports.f, nan: [...results].map((_, k) => exports[`n${k}`]) };
}
