// Accessors: for a guest memory or global that Rust reads and writes, a
// small module importing it, whose functions sit in the shared function table
// so that Rust calls them directly: a small copy or a global access is then a
// Wasm call or two, with no JS frame, no typed-array view and no boxing.
// Made once per handle, they leave the table when the handle is freed.
//
// A memory's small copies (Rust checks bounds against `pages` first, so they
// never trap: a trap must never unwind through Rust frames):
//   load(offset i32, len i32) -> i64         up to 8 bytes, little-endian
//   store(offset i32, len i32, value i64)    the low `len` bytes of `value`
//   pages() -> i32                           memory.size
// A numeric global's value as a slot (an i64 holding its bits, floats
// reinterpreted so NaN payloads stay):
//   get() -> i64
//   set(value i64)                           mutable globals only

// The loop `for i in 0..len` around `step` (locals: 0 offset, 1 len, 3 i).
function smallCopyLoop(step) {
  // block loop: if i >= len break; step; i += 1; continue
  return [0x02, 0x40, 0x03, 0x40, 0x20, 0x03, 0x20, 0x01, 0x4f, 0x0d, 0x01, ...step,
    0x20, 0x03, 0x41, 0x01, 0x6a, 0x21, 0x03, 0x0c, 0x00, 0x0b, 0x0b];
}

// i64 shift for byte `i`: (i64)i << 3.
const BYTE_SHIFT = [0x20, 0x03, 0xad, 0x42, 0x03, 0x86];

let smallCopyModuleCache = null;
function smallCopyModule() {
  if (smallCopyModuleCache !== null) return smallCopyModuleCache;
  const types = [[], [], []];
  funcType("ii", "I", types[0]);
  funcType("iiI", "", types[1]);
  funcType("", "i", types[2]);
  // if len == 8: the whole word at once
  const whole = (op) => [0x20, 0x01, 0x41, 0x08, 0x46, 0x04, 0x40, 0x20, 0x00, ...op, 0x0f, 0x0b];
  // locals: 2 r (i64), 3 i (i32); r |= load8_u(offset + i) << 8i
  const load = [0x02, 0x01, 0x7e, 0x01, 0x7f, ...whole([0x29, 0x00, 0x00]),
    ...smallCopyLoop([0x20, 0x02, 0x20, 0x00, 0x20, 0x03, 0x6a, 0x31, 0x00, 0x00, ...BYTE_SHIFT, 0x86, 0x84, 0x21, 0x02]),
    0x20, 0x02, 0x0b];
  // locals: 3 i (i32); store8(offset + i, value >> 8i)
  const store = [0x01, 0x01, 0x7f, ...whole([0x20, 0x02, 0x37, 0x00, 0x00]),
    ...smallCopyLoop([0x20, 0x00, 0x20, 0x03, 0x6a, 0x20, 0x02, ...BYTE_SHIFT, 0x88, 0x3c, 0x00, 0x00]),
    0x0b];
  const pages = [0x00, 0x3f, 0x00, 0x0b];
  smallCopyModuleCache = wasmModule([
    [1, vector(types)],
    [2, vector([importEntry("e", "m", [0x02, 0x00, 0x00])])],
    [3, vector([[0x00], [0x01], [0x02]])],
    [7, vector([exportEntry("load", 0x00, 0), exportEntry("store", 0x00, 1), exportEntry("pages", 0x00, 2)])],
    [10, vector([functionBody(load), functionBody(store), functionBody(pages)])],
  ]);
  return smallCopyModuleCache;
}

// A numeric global's accessor module for type code `code` (0 i32, 1 i64,
// 2 f32, 3 f64) and mutability, cached per kind.
const globalAccessModules = new Map();
function globalAccessModule(code, mutable) {
  const key = `${code}${mutable}`;
  let module = globalAccessModules.get(key);
  if (module !== undefined) return module;
  const type = TYPE_BYTES["iIfF"[code]];
  // value -> i64 slot, and back
  const toSlot = [[0xad], [], [0xbc, 0xad], [0xbd]][code];
  const fromSlot = [[0xa7], [], [0xa7, 0xbe], [0xbf]][code];
  const types = [[], []];
  funcType("", "I", types[0]);
  funcType("I", "", types[1]);
  const funcs = mutable ? [[0x00], [0x01]] : [[0x00]];
  const exports = [exportEntry("get", 0x00, 0)];
  const bodies = [functionBody([0x00, 0x23, 0x00, ...toSlot, 0x0b])];
  if (mutable) {
    exports.push(exportEntry("set", 0x00, 1));
    bodies.push(functionBody([0x00, 0x20, 0x00, ...fromSlot, 0x24, 0x00, 0x0b]));
  }
  module = wasmModule([
    [1, vector(types)],
    [2, vector([importEntry("e", "g", [0x03, type, mutable ? 0x01 : 0x00])])],
    [3, vector(funcs)],
    [7, vector(exports)],
    [10, vector(bodies)],
  ]);
  globalAccessModules.set(key, module);
  return module;
}

// The accessors of values by handle, in the shared function table through
// `Module` (`addFunction`/`removeFunction`).
function accessorsOf(Module) {
  const indices = new Map();
  // The table indices of `make()`'s functions for handle `h`, made once;
  // null when the value cannot be imported so (a LinkError: a shared or
  // 64-bit memory, a global of another type).
  function of(h, make) {
    const known = indices.get(h);
    if (known !== undefined) return known;
    let made = null;
    try {
      made = make().map((f) => (f === undefined ? 0 : Module.addFunction(f)));
    } catch (e) {
      if (!(e instanceof WebAssembly.LinkError)) throw e;
    }
    indices.set(h, made);
    return made;
  }
  return {
    // load, store, pages of memory `mem` (handle `h`).
    memory(h, mem) {
      return of(h, () => {
        const e = new WebAssembly.Instance(smallCopyModule(), { e: { m: mem } }).exports;
        return [e.load, e.store, e.pages];
      });
    },
    // get, set (0 if immutable) of global `g` (handle `h`) of type `code`.
    global(h, g, code, mutable) {
      return of(h, () => {
        const e = new WebAssembly.Instance(globalAccessModule(code, mutable), { e: { g } }).exports;
        return [e.get, e.set];
      });
    },
    // Handle `h` was freed: its functions leave the table.
    freed(h) {
      const made = indices.get(h);
      if (made === undefined) return;
      indices.delete(h);
      for (const i of made ?? []) if (i !== 0) Module.removeFunction(i);
    },
  };
}

// `count` u32 table indices at `out` (zeros when none were made).
function writeIndices(d, out, count, made) {
  for (let i = 0; i < count; i++) d.setUint32(out + 4 * i, made?.[i] ?? 0, true);
}
