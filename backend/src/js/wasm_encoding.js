// Wasm binary encoding, shared by every module the backend writes at run time
// (adapters, accessors, shims, thunks). Value types travel as one-letter
// codes: i = i32, I = i64, f = f32, F = f64, v = v128, r = funcref, x = externref.

const TYPE_BYTES = { i: 0x7f, I: 0x7e, f: 0x7d, F: 0x7c, v: 0x7b, r: 0x70, x: 0x6f };
// Load and store opcodes by code (alignment and offset follow).
const LOAD = { i: 0x28, I: 0x29, f: 0x2a, F: 0x2b };
const STORE = { i: 0x36, I: 0x37, f: 0x38, F: 0x39 };

function uleb(n, out) {
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
}

function sleb(n, out) {
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

function section(id, body, out) {
  out.push(id);
  uleb(body.length, out);
  for (const b of body) out.push(b);
}

function name(s, out) {
  const bytes = new TextEncoder().encode(s);
  uleb(bytes.length, out);
  for (const b of bytes) out.push(b);
}

// A function type (0x60, the parameter and result types by code) onto `out`.
function funcType(params, results, out) {
  out.push(0x60);
  uleb(params.length, out);
  for (const c of params) out.push(TYPE_BYTES[c]);
  uleb(results.length, out);
  for (const c of results) out.push(TYPE_BYTES[c]);
}

// A vector section body: the count, then each entry's bytes.
function vector(entries) {
  const out = [];
  uleb(entries.length, out);
  for (const entry of entries) for (const b of entry) out.push(b);
  return out;
}

// One import entry: module and field names, then the descriptor bytes.
function importEntry(module, field, desc) {
  const out = [];
  name(module, out);
  name(field, out);
  return out.concat(desc);
}

// One export entry: the name, the kind (0 func, 3 global) and the index.
function exportEntry(field, kind, index) {
  const out = [];
  name(field, out);
  out.push(kind);
  uleb(index, out);
  return out;
}

// One function body of a code section: its locals and code (ending in 0x0b).
function functionBody(body) {
  const out = [];
  uleb(body.length, out);
  return out.concat(body);
}

// A module from `[sectionId, body]` pairs in section order (empty bodies are
// left out), compiled.
function wasmModule(sections) {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  for (const [id, body] of sections) if (body.length > 0) section(id, body, out);
  return new WebAssembly.Module(new Uint8Array(out));
}
