// The limits the benchmarks compare with: raw JS<->wasm operations that Rust
// reaches as direct imports of this side module (installed into the Pyodide
// loader's import table before their first call), with nothing in between.
(Module, exports, rawLoop, modules, importObjects) => {
  const imports = Module.LDSO.loadedLibsByName.__main__.exports;
  const heap = Module.wasmMemory ?? Module.memory ?? imports.memory;
  const { mem, g, t, add } = exports;
  let view = new DataView(heap.buffer);
  const dv = () => (view.buffer.byteLength !== 0 ? view : (view = new DataView(heap.buffer)));
  const raw = {
    add: exports.add,
    add64: exports.add64,
    neg: exports.neg,
    pair: (p) => {
      const r = exports.pair();
      const d = dv();
      d.setInt32(p, r[0], true);
      d.setBigInt64(p + 8, r[1], true);
    },
    loop: rawLoop,
    read: (off, len, dst) => new Uint8Array(heap.buffer, dst, len).set(new Uint8Array(mem.buffer, off, len)),
    write: (off, len, src) => new Uint8Array(mem.buffer, off, len).set(new Uint8Array(heap.buffer, src, len)),
    compile: (ptr, len) => {
      new WebAssembly.Module(new Uint8Array(heap.buffer, ptr, len));
    },
    instantiate: (k) => {
      new WebAssembly.Instance(modules[k], importObjects[k]);
    },
    global_get: () => g.value,
    global_set: (v) => {
      g.value = v;
    },
    table_get: (i) => {
      t.get(i);
    },
    table_set: (i) => {
      t.set(i, add);
    },
  };
  for (const [name, f] of Object.entries(raw)) imports[`rtlbench_${name}`] = f;
  return true;
}
