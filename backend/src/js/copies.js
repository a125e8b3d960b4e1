// Copies between guest memories and Rust memory.

// Portable path: bulk copies straight between a Python buffer (a memoryview
// over Rust memory, reached through PyProxy.getBuffer without copying it)
// and JS.
function withBuffer(proxy, f) {
  const buffer = proxy.getBuffer("u8");
  try {
    return f(buffer.data);
  } finally {
    buffer.release();
  }
}

// Fast path: copies between guest memories and the Rust heap (`memory`),
// through byte views made once and renewed only when a copy reaches past one
// (its memory grew: a grown buffer is detached, length 0, or a shared one is
// longer than the view); a small copy is a byte loop. So a small copy
// allocates nothing. A copy out of bounds throws a RangeError.
function byteCopies(memory) {
  let heapView = new Uint8Array(memory.buffer);
  const heap = (end) => (end <= heapView.length ? heapView : (heapView = new Uint8Array(memory.buffer)));
  const guestViews = new WeakMap();
  function guest(mem, end) {
    let view = guestViews.get(mem);
    if (view === undefined || end > view.length) {
      view = new Uint8Array(mem.buffer);
      guestViews.set(mem, view);
    }
    return view;
  }
  function copy(from, at, to, into, len) {
    if (at + len > from.length || into + len > to.length) throw new RangeError("out of bounds memory access");
    if (len <= 16) {
      for (let i = 0; i < len; i++) to[into + i] = from[at + i];
    } else {
      to.set(from.subarray(at, at + len), into);
    }
  }
  return {
    read(mem, offset, len, dst) {
      copy(guest(mem, offset + len), offset, heap(dst + len), dst, len);
    },
    write(mem, offset, len, src) {
      copy(heap(src + len), src, guest(mem, offset + len), offset, len);
    },
  };
}
