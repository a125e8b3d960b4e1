// Fast-path host thunks: a host function is Wasm too. For each numeric
// signature, a module whose function spills its arguments to scratch memory
// in Rust (a stack, for nested calls), calls the Rust trampoline directly (a
// Wasm function of the side module, from the shared function table) and
// loads the results. On failure it calls `fail`, which throws: the error
// unwinds through the guest, never through Rust frames (the trampoline has
// returned). Its frame is released on every way out, an exception passing
// through the trampoline call included (a `catch_all` that releases and
// rethrows), so the stack pointer is always back at its value when a call
// ends.
//
// Imports: e.m (memory), e.tr (the trampoline: (id, args, results) -> status),
// e.fail, e.sp (the scratch stack pointer, mutable i32), e.id (the host
// function's id, i32). Locals: the parameters, then $base.

// The body of a thunk of `params:results`, with scratch memory starting at
// `scratch` (a frame below it is an overflow: `fail`).
function hostThunkBody(params, results, scratch) {
  const np = params.length;
  const bytes = 8 * Math.max(np + results.length, 1);
  const base = np;
  const local = (op) => {
    const r = [op];
    uleb(base, r);
    return r;
  };
  const i32 = (n) => {
    const r = [0x41];
    sleb(n, r);
    return r;
  };
  // sp = $base + bytes
  const release = [...local(0x20), ...i32(bytes), 0x6a, 0x24, 0x00];
  const failed = [0x04, 0x40, ...release, 0x10, 0x01, 0x00, 0x0b];
  const body = [0x01, 0x01, 0x7f];
  // $base = sp = sp - bytes; if $base < scratch: release, fail
  body.push(0x23, 0x00, ...i32(bytes), 0x6b, ...local(0x22), 0x24, 0x00);
  body.push(...local(0x20), ...i32(scratch), 0x49, ...failed);
  [...params].forEach((c, k) => {
    body.push(...local(0x20), 0x20);
    uleb(k, body);
    body.push(STORE[c], 0x00);
    uleb(8 * k, body);
  });
  // try (result i32) (call $tr (global.get $id) $base ($base + 8np))
  // catch_all release rethrow end; if nonzero: release, fail
  body.push(0x06, 0x7f, 0x23, 0x01, ...local(0x20), ...local(0x20), ...i32(8 * np), 0x6a, 0x10, 0x00);
  body.push(0x19, ...release, 0x09, 0x00, 0x0b);
  body.push(...failed);
  [...results].forEach((c, k) => {
    body.push(...local(0x20), LOAD[c], 0x00);
    uleb(8 * (np + k), body);
  });
  body.push(...release, 0x0b);
  return body;
}

// The thunk module of numeric signature `sig` (cached per signature).
const hostThunkModules = new Map();
function hostThunkModule(sig, scratch) {
  let module = hostThunkModules.get(sig);
  if (module !== undefined) return module;
  const [params, results] = sig.split(":");
  const thunk = [];
  funcType(params, results, thunk);
  const imports = [
    importEntry("e", "m", [0x02, 0x00, 0x00]),
    importEntry("e", "tr", [0x00, 0x01]),
    importEntry("e", "fail", [0x00, 0x02]),
    importEntry("e", "sp", [0x03, 0x7f, 0x01]),
    importEntry("e", "id", [0x03, 0x7f, 0x00]),
  ];
  module = wasmModule([
    [1, vector([thunk, [0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f], [0x60, 0x00, 0x00]])],
    [2, vector(imports)],
    [3, vector([[0x00]])],
    [7, vector([exportEntry("h", 0x00, 2)])],
    [10, vector([functionBody(hostThunkBody(params, results, scratch))])],
  ]);
  hostThunkModules.set(sig, module);
  return module;
}
