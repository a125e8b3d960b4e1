"""Renders BENCHMARKS.md from the measurements of `rtl_bench.run()`.

Each row of the measurements is one interleaved group: member 0 is ours,
member 1 the limit the target is stated against, then (portable path) the
other limit, then the sub-steps and probes that split our time. Every number
below comes from the same run; the notes on the misses are filled in from it.
The one exception is the native column (`data["native"]`, the same operations
natively on `wasmtime_runtime_layer`, timed in a separate process by
`bench/native`), against which the rows in `AGAINST_NATIVE` state their target.
"""

import posixpath
import statistics

# Where `cargo xtask bench` puts each engine's report (by RTL_BENCH_NAME),
# from the repository's root, and the engine it is for.
REPORTS = [
    ("BENCHMARKS", "BENCHMARKS.md", "Node (V8)"),
    ("bun", "bench/report/bun.md", "Bun (JavaScriptCore)"),
    ("firefox", "bench/report/firefox.md", "Firefox (SpiderMonkey)"),
]


# The rows whose target is stated against the same operation natively on
# `wasmtime_runtime_layer` (issue #11: the fast path's small copies, ≤ 2×
# native) instead of against a limit measured in the same run.
AGAINST_NATIVE = {("Memory::read 8 B", "fast"), ("Memory::write 8 B", "fast")}


def _q(values, q):
    values = sorted(values)
    return values[round(q * (len(values) - 1))]


class Row:
    def __init__(self, raw, native=None):
        """`raw`: one row of the measurements; `native`: the same operation's
        median natively in ns (None if not measured)."""
        self.native = native
        self.op = raw["op"]
        self.path = raw["path"]
        self.target = raw["target"]
        self.throughput = raw["throughput"]
        self.what = raw["what"]
        self.other_what = raw["other"]
        self.scale = raw["scale"]
        self.members = [(label, iterations, samples) for label, iterations, samples in raw["members"]]
        limit = self.members[1][2]
        self.ratios = [
            sorted(a / b for a, b in zip(samples, limit)) for _, _, samples in self.members
        ]

    def ns(self, i):
        return statistics.median(self.members[i][2]) * self.scale

    def ratio_vs(self, i, j):
        """Median per-round ratio of member i over member j."""
        return statistics.median(a / b for a, b in zip(self.members[i][2], self.members[j][2]))

    def ratio(self, i=0):
        return statistics.median(self.ratios[i])

    def spread(self, i=0):
        return _q(self.ratios[i], 0.25), _q(self.ratios[i], 0.75)

    def iterations(self, i=0):
        return round(self.members[i][1] / self.scale)

    @property
    def against_native(self):
        """Whether the target is stated against native (see `AGAINST_NATIVE`)."""
        return (self.op, self.path) in AGAINST_NATIVE

    def vs_native(self):
        """ours / native: a ratio of medians measured in separate processes
        (None without a native figure)."""
        return self.ns(0) / self.native if self.native else None

    def headline(self):
        """The ratio the target applies to: ours / native for the rows against
        native, else the median per-round ratio against the limit."""
        return self.vs_native() if self.against_native else self.ratio()

    def yardstick_ns(self):
        """ns of what the target is stated against: native or the limit."""
        return self.native if self.against_native else self.ns(1)

    @property
    def met(self):
        """Whether the target is met; None when it cannot be evaluated (a
        target against native without native figures)."""
        ratio = self.headline()
        return None if ratio is None else ratio <= self.target

    def idx(self, prefix):
        """Index of the first member whose label starts with `prefix` (None if absent)."""
        for i, (label, _, _) in enumerate(self.members):
            if label.startswith(prefix):
                return i
        return None

    def diff(self, i, j):
        """Median over the rounds of member i's time minus member j's (ns)."""
        return statistics.median(a - b for a, b in zip(self.members[i][2], self.members[j][2])) * self.scale

    def find_with(self, part):
        """ns of the first member whose label contains `part` (None if absent)."""
        for i, (label, _, _) in enumerate(self.members):
            if part in label:
                return self.ns(i)
        return None

    def find(self, prefix):
        """ns of the member whose label starts with `prefix` (None if absent)."""
        for i, (label, _, _) in enumerate(self.members):
            if label.startswith(prefix):
                return self.ns(i)
        return None

    @property
    def family(self):
        for family in ("Func::call", "host function", "Memory", "Global", "Table::get", "Table::set", "Module::new", "Instance::new"):
            if self.op.startswith(family):
                return family
        return self.op


def fmt_ns(ns):
    if ns >= 100:
        return f"{ns:,.0f}"
    return f"{ns:.1f}"


def target_text(row):
    if row.throughput:
        return f"throughput ≥ {1 / row.target:.1f}× (ratio ≤ {row.target}×)"
    if row.against_native:
        return f"≤ {row.target}× native"
    return f"≤ {row.target}×"


def met_text(row):
    """yes, **no**, or – when the target could not be evaluated."""
    return {True: "yes", False: "**no**", None: "–"}[row.met]


def native_figures(data):
    """ns per operation natively, by op name (empty without native figures)."""
    return {op["op"]: op["ns"] for op in (data.get("native") or {}).get("ops", [])}


def rows_of(data):
    """The table rows of a run, each with its native figure attached."""
    native = native_figures(data)
    return [Row(r, native.get(r["op"])) for r in data["rows"]]


def count_met(rows):
    """(targets met, targets evaluated)."""
    evaluated = [r for r in rows if r.met is not None]
    return sum(r.met for r in evaluated), len(evaluated)


def short(ns):
    if ns < 0.5:
        return "≈0"
    return f"{ns / 1000:.1f} µs" if ns >= 1000 else f"{ns:.0f} ns"


def cause(r):
    """Where a miss's excess over the limit goes, in a few words (see the notes)."""
    if r.met is not False:
        return ""
    try:
        return _cause(r)
    except (TypeError, IndexError, ZeroDivisionError):
        return ""


def _cause(r):
    b, fam = r.idx("backend "), r.family
    parts = []
    if r.path == "fast":
        if fam == "host function":
            f = r.idx("floor")
            parts = [("frontend", r.diff(0, b)), ("backend dispatch", r.diff(b, f)), ("thunk protocol", r.diff(f, 1))]
        elif fam == "Module::new":
            return f"noise: control at {r.ratio(r.idx('control')):.2f}×"
        elif r.idx("probe: rtl2_mem_read/write called directly with the Rust buffer") is not None:
            same = r.idx("probe: rtl2_mem_read/write called directly with the Rust buffer")
            parts = [("backend", r.diff(0, same)), ("the copy from that buffer", r.diff(same, 1))]
        elif r.idx("accessor") is not None:
            acc = r.idx("accessor")
            parts = [("frontend", r.diff(0, b)), ("backend Rust", r.diff(b, acc)),
                     ("accessor", r.ns(acc) if r.against_native else r.diff(acc, 1))]
        else:
            js = r.idx("rtl2_")
            if b is not None:
                parts = [("frontend", r.diff(0, b)), ("backend Rust", r.diff(b, js))]
            else:
                parts = [("Rust", r.diff(0, js))]
            # Against native the whole JS side is excess (native has none);
            # against the limit, only what it adds to the limit.
            parts.append(("JS", r.ns(js) if r.against_native else r.diff(js, 1)))
    else:
        if fam in ("Func::call", "host function"):
            parts = [("frontend", r.diff(0, b)), ("backend", r.diff(b, 1))]
            it = r.idx("probe: the PyO3 call, its two results")
            if it is not None:
                parts.append(("of which reading the results", r.diff(it, 1)))
        elif fam == "Memory":
            parts = [("getBuffer + release", r.find_with("(as the backend does)"))]
        elif fam == "Table::get":
            one = r.find("probe: one more PyO3 call")
            parts = [("frontend", r.diff(0, b)), ("signature lookup", one),
                     ("backend Rust", r.diff(b, 1) - one if b is not None else None)]
        elif fam == "Instance::new":
            cross = r.idx("probe: one PyO3 call of a JS function that instantiates")
            parts = [("frontend", r.diff(0, b)), ("the crossing", r.ns(cross) if cross is not None else None),
                     ("backend Rust", r.diff(b, cross) if cross is not None else None)]
        elif fam == "Module::new":
            return f"compiling from the getBuffer view ({r.ratio(r.idx('probe: the portable Module::new')):.2f}×)"
    return " · ".join(f"{name} {short(ns)}" for name, ns in parts if ns is not None)


NATIVE_WHAT = "native wasmtime_runtime_layer (separate process: a ratio of medians)"


def results_cells(r):
    """The limit, ratio, spread and limit-measured cells of a row: against the
    limit of this run, or against native for the rows whose target is."""
    if not r.against_native:
        lo, hi = r.spread()
        return fmt_ns(r.ns(1)), f"{r.ratio():.2f}×", f"{lo:.2f}–{hi:.2f}", r.what
    if r.native is None:
        return "–", "–", "–", NATIVE_WHAT + ", not measured in this run"
    return fmt_ns(r.native), f"{r.vs_native():.2f}×", "– (separate processes)", NATIVE_WHAT


def fmt_ratio(x):
    """A ratio with two decimals, or two significant digits when far below 1."""
    return f"{x:.2f}×" if x >= 0.1 else f"{x:.2g}×"


def native_cells(r):
    """The native ns and ours / native cells (blank without a native figure)."""
    if r.native is None:
        return "", ""
    return fmt_ns(r.native), fmt_ratio(r.vs_native())


def table(rows):
    lines = [
        "| operation | path | ours (ns) | limit (ns) | ratio | spread (p25–p75) | native wasmtime_runtime_layer (ns) | ours / native | target | met | where a miss goes (see the notes) | limit measured | iterations per sample |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|:-:|---|---|---:|",
    ]
    for r in rows:
        limit, ratio, spread, what = results_cells(r)
        native, vs_native = native_cells(r)
        lines.append(
            f"| {r.op} | {r.path} | {fmt_ns(r.ns(0))} | {limit} | {ratio} | {spread} | {native} | {vs_native} "
            f"| {target_text(r)} | {met_text(r)} | {cause(r)} | {what} | {r.iterations():,} |"
        )
    return "\n".join(lines)


def other_table(rows):
    lines = [
        "| operation | ours (ns) | other limit (ns) | ratio | other limit |",
        "|---|---:|---:|---:|---|",
    ]
    for r in rows:
        if r.path != "portable" or not r.other_what:
            continue
        lines.append(f"| {r.op} | {fmt_ns(r.ns(0))} | {fmt_ns(r.ns(2))} | {r.ratio_vs(0, 2):.2f}× | {r.other_what} |")
    return "\n".join(lines)


def steps_table(rows):
    lines = ["| operation | path | member | ns | × limit |", "|---|---|---|---:|---:|"]
    for r in rows:
        for i, (label, _, _) in enumerate(r.members):
            name = {"ours": "**ours**", "raw": "limit: raw", "pyo3": "limit: hand-written PyO3", "python": "limit: Python callable"}.get(label, label)
            if r.path == "portable" and i == 1:
                name = "limit: " + r.what
            elif r.path == "portable" and i == 2 and r.other_what:
                name = "other limit: " + r.other_what
            lines.append(f"| {r.op} | {r.path} | {name} | {fmt_ns(r.ns(i))} | {r.ratio(i):.2f} |")
    return "\n".join(lines)


def n(x):
    """A duration for the notes; differences within noise show as such."""
    if x is None:
        return "?"
    if x < 0:
        return "≈0"
    return fmt_ns(x)


def native_intro(row):
    """The opening of a note on a row whose target is against native."""
    if row.native is None:
        return f"{n(row.ns(0))} ns; no native figure in this run, so the target (against native) is not evaluated."
    return (
        f"{n(row.ns(0))} ns against {n(row.native)} ns natively (the same `Memory` call on `wasmtime_runtime_layer`; "
        f"a ratio of medians from separate processes; the target allows {n(row.target * row.native)} ns), and "
        f"against the raw direct copy measured beside it, {n(row.ns(1))} ns ({row.ratio():.2f}×)."
    )


def note(row, rows, first):
    """Why `row` misses its target, from its own sub-steps, and what would close
    it. `first` is false for later rows of a family already explained: those
    get their own numbers and a pointer to the first."""

    def other(op, path):
        for r in rows:
            if r.op == op and r.path == path:
                return r
        return None

    i32 = other("Func::call (i32,i32)->i32", row.path)
    ours, limit = row.ns(0), row.ns(1)
    budget = row.target * limit
    fam, path = row.family, row.path
    b = row.idx("backend ")
    front = row.diff(0, b) if b is not None else None
    same = " Same causes and remedies as the first row of this kind above."

    if fam == "Func::call" and path == "fast":
        js = row.idx("rtl2_call")
        conv = i32.find("probe: the frontend's argument")
        text = (
            f"{n(ours)} ns against {n(limit)} ns (the target allows {n(budget)} ns). Split (medians of per-round "
            f"differences): the `wasm_runtime_layer` frontend {n(front)} ns, the backend's Rust side "
            f"{n(row.diff(b, js))} ns, and the fast runtime's JS and Wasm {n(row.ns(js))} ns, {n(row.diff(js, 1))} ns "
            f"over the raw call. Without the frontend the backend is at {row.ratio(b):.2f}×."
        )
        if not first:
            return text + same
        over = conv is not None and conv > budget - limit
        text += (
            f" The frontend's argument and result conversions alone (SmallVecs of backend values in and out, as "
            f"`wasm_runtime_layer::Func::call` makes them) measure {n(conv)} ns, {'more' if over else 'less'} than "
            f"the {n(budget - limit)} ns the target leaves above the raw call. The backend's Rust side is the argument "
            f"count, type and store checks, the handle and shim lookups, the parked-error slot and the current-store "
            f"guard (one thread-local, set and restored), and the slot conversions; two thread-local accesses like "
            f"its own measure {n(i32.find('probe: two thread-local'))} ns of it."
        )
        frame = i32.idx("probe: the export behind one JS frame with try/catch")
        if frame is not None:
            text += (
                f" In JS, `rtl2_call` is one frame with try/catch around the Wasm shim; such a frame around the "
                f"export alone costs {n(i32.diff(frame, 1))} ns (it keeps no scratch-stack bookkeeping: the host "
                f"thunks release their frames on every way out)."
            )
        reach = (
            "the target is out of reach through `wasm_runtime_layer` 0.7's `Func::call` (its own conversions exceed "
            "the budget). In the backend: "
            if over
            else "in the backend: "
        )
        return text + (
            f" *To close it:* {reach}check a numeric call with one comparison of signature ids instead of per-value "
            "type and store checks (the values' types must still be read, one by one, from the frontend's slice)."
        )
    if fam == "host function" and path == "fast":
        floor = row.idx("floor")
        floor_ratio = row.ratio(floor)
        wrapper = front / limit
        reach = (
            f"not reachable for a type-erased host function through `wasm_runtime_layer` 0.7, whose wrapper alone "
            f"costs {wrapper:.0f}× the limit, over the {row.target:g}× target"
            if wrapper > row.target
            else f"the frontend's wrapper costs {wrapper:.1f}× the limit, within the {row.target:g}× target"
        )
        return (
            f"{n(ours)} ns per host call against {n(limit)} ns (the guest calling a Rust function directly, a plain "
            f"Wasm-to-Wasm call). The thunk protocol alone (a Wasm thunk like the backend's, spilling to scratch "
            f"memory and calling a bare Rust trampoline) costs {n(row.ns(floor))} ns, {floor_ratio:.1f}× the limit"
            f"{', already above the target' if floor_ratio > row.target else ''}. On top of it the backend's dispatch "
            f"takes {n(row.diff(b, floor))} ns (the registry lookup, `catch_unwind`, the current-store check, the "
            f"argument and result values in arrays on the stack, the call of the type-erased closure, the result "
            f"type checks) and the frontend's wrapper closure {n(front)} ns (converting the values between backend "
            f"and frontend `Val`s both ways). *To close it:* {reach}; the backend's own part is one type-erased "
            f"call, which `wasm_runtime_layer` 0.7's `Func::new` (values as slices of `Val`) cannot do without."
        )
    if fam == "Memory" and path == "fast" and row.throughput:
        js, same_buffer = row.idx("rtl2_"), row.idx("probe: rtl2_mem_read/write called directly with the Rust buffer")
        text = (
            f"{n(ours)} ns against {n(limit)} ns. The backend's own work is one call of the fast runtime's copy "
            f"(after a store check and a handle lookup; no copy of its own). That call, made directly, takes "
            f"{n(row.ns(js))} ns ({row.ratio(js):.2f}×) from the benchmark's own buffer"
        )
        if same_buffer is None:
            return text + "."
        text += (
            f" and {n(row.ns(same_buffer))} ns ({row.ratio(same_buffer):.2f}×) from the very buffer `ours` copies"
        )
        if row.ratio(same_buffer) >= row.ratio(0) - 0.05:
            return text + (
                ": the difference is that allocation's copy in the engine, not the backend's path (the same direct "
                "call from another buffer is at the limit). *To close it:* nothing in the backend."
            )
        return text + f"; the backend's path adds {n(row.diff(0, same_buffer))} ns to it."
    if fam in ("Memory", "Global") and path == "fast":
        acc = row.idx("accessor")
        versus = native_intro(row) if row.against_native else f"{n(ours)} ns against {n(limit)} ns."
        what = "a load or store of up to 8 bytes" if fam == "Memory" else "a `global.get` or `global.set`"
        checks = (
            "the store check, the range check against the memory's size as last seen (asked again only when a "
            "copy goes past it) and the cached accessor lookup"
            if fam == "Memory"
            else "the store and type checks, the cached accessor lookup and the slot conversion"
        )
        return (
            f"{versus} The backend calls Wasm accessors JS made for this {fam.lower()} and put in the function "
            f"table ({what}: `backend/src/js/accessors.js`), with no JS frame; the accessor called directly takes "
            f"{n(row.ns(acc))} ns. Split (medians of per-round differences): the `wasm_runtime_layer` frontend "
            f"{n(front)} ns (its dispatch: a boxed `BackendObject`, a `dyn Any` downcast), the backend's Rust "
            f"{n(row.diff(b, acc))} ns ({checks}). *To close it:* the frontend's share is outside this crate; the "
            f"backend's is a few checks and one indirect call."
        )
    if fam == "Table::set" and path == "fast":
        js = row.idx("rtl2_")
        return (
            f"{n(ours)} ns against {n(limit)} ns. The fast runtime's JS side called directly takes {n(row.ns(js))} ns "
            f"({row.ratio(js):.2f}× the limit); the remaining {n(row.diff(0, js))} ns are Rust: the frontend's "
            f"dispatch and the benchmark's `Ref::FuncRef(Some(add.clone()))` (`set` takes the reference by value; "
            f"the frontend's `Func` clone allocates), the backend's store and type checks and handle lookup."
        )
    if fam == "Table::get" and path == "fast":
        js = row.idx("rtl2_table_get")
        return (
            f"{n(ours)} ns against {n(limit)} ns. The fast runtime's `table_get` called directly takes "
            f"{n(row.ns(js))} ns ({row.ratio(js):.1f}× the limit). A function Rust already holds comes back as its "
            f"own handle, not counted again, and Rust answers with the `Func` it has (a weak map by handle, "
            f"`backend/src/by_handle.rs`): no allocation and no second crossing in the backend. Split (medians of "
            f"per-round differences): the frontend {n(front)} ns (its boxed `BackendObject`, an allocation per "
            f"read, and dispatch), the backend's Rust {n(row.diff(b, js))} ns (the store check, the weak-map lookup "
            f"and `Func` clone, the slot decoding); without the frontend the backend is at {row.ratio(b):.2f}×. "
            f"*To close it:* the frontend's box is outside this crate; the JS `table.get` and handle lookup are "
            f"the rest."
        )
    if fam == "Module::new":
        js = row.idx("rtl2_module_new")
        js = js if js is not None else row.idx("probe: the portable Module::new")
        control = row.idx("control")
        parse = row.find("probe: a wasmparser")
        lo, hi = row.spread()
        text = (
            f"{n(ours)} ns against {n(limit)} ns, spread {lo:.2f}–{hi:.2f}; the control (the limit measured again "
            f"as another member) lands at {row.ratio(control):.2f}×, so the method's noise on this row is a few "
            f"percent: every operation makes and drops a large module and the engine's collection of them lands on random "
            f"samples. Without the frontend the backend is at {row.ratio(b):.2f}×. The Rust side's own work, a "
            f"`wasmparser` pass over the payloads, takes {n(parse)} ns."
        )
        if path == "fast":
            return text + (
                f" The fast runtime's `module_new` called directly is at {row.ratio(js):.2f}×: it compiles from a "
                f"view of Rust memory exactly like the limit. Nothing to close in the backend; re-runs fall on "
                f"either side of the target."
            )
        return text + (
            f" The portable path's JS side replicated (a PyO3 call with a memoryview, compiled from its "
            f"`PyProxy.getBuffer` view) is at {row.ratio(js):.2f}×, so compiling from the buffer Pyodide hands out "
            f"is what costs the difference, not Rust. *To close it:* nothing in the public FFI gives JS a cheaper view "
            f"of Rust memory; the fast path (a view of the heap) is at the limit."
        )
    if fam == "Instance::new" and path == "fast":
        js = row.idx("rtl2_instantiate")
        k = int(row.op.split("(")[1].split()[0])
        per = lambda x: f" ({n(x / k)} ns per import)" if k > 1 and x is not None and x > 0 else ""
        text = (
            f"{n(ours)} ns against {n(limit)} ns. The fast runtime's `instantiate`, called directly, is at "
            f"{row.ratio(js):.2f}× the limit. The rest is Rust: the frontend {n(front)} ns{per(front)} and the "
            f"backend {n(row.diff(b, js))} ns{per(row.diff(b, js))}; without the frontend the backend is at "
            f"{row.ratio(b):.2f}×."
        )
        if not first:
            return text + same
        return text + (
            " The frontend's `Instance::new` rebuilds a backend `Imports` map on every call (two `String` clones and "
            "a hash insert per import). The backend resolves the imports in one pass over the `Imports` against a "
            "per-module index of the import names, checks each type, and keeps the export signature ids per module; "
            "what is left is a handle lookup per import and a typed `Extern` (an `Arc`, a `JsRef` and the name) per "
            "export. (The JS side reuses the import object when the same values "
            "are imported again.) *To close it (backend):* keep the resolved handles per (module, import values) as "
            "the JS side keeps the import object; the frontend's map rebuild is outside this crate."
        )
    if fam == "Func::call" and path == "portable":
        text = (
            f"{n(ours)} ns against a hand-written PyO3 call of {n(limit)} ns (the target allows {n(budget)} ns). The "
            f"frontend takes {n(front)} ns; the backend without it is at {row.ratio(b):.2f}×, {n(row.diff(b, 1))} ns "
            f"over the bare call."
        )
        it = row.idx("probe: the PyO3 call, its two results read")
        if it is not None:
            text += (
                f" With two results, the caller returns a JS array and the backend reads each result by index "
                f"(`get_item`, one crossing each): that alone, beside the bare call, is at {row.ratio(it):.2f}× the "
                f"limit, which takes the array as a whole. *To close it:* have the JS caller write the results "
                f"packed into one typed array that Python reads in one step."
            )
            return text
        if not first:
            return text + same
        closure = i32.idx("PyO3 call1 of a JS closure")
        c = i32.ratio(closure) if closure is not None else None
        conv = i32.find("probe: the frontend's argument")
        return text + (
            f" The frontend's conversions alone measure {n(conv)} ns. The "
            f"portable caller's JS frame {'is not the cost' if c is not None and c < 1.1 else 'costs some'} (a PyO3 "
            f"call of a JS closure around the export is at {c:.2f}× the bare call), so the backend's extra is its "
            f"Rust and CPython work around its one crossing: the argument objects (passed by vectorcall, no "
            f"tuple), the count, type and store checks, the parked-error slot and current-store guard, and the "
            f"result conversion. *To close it:* check a numeric call with one signature comparison; the frontend's "
            f"share is outside this crate."
        )
    if fam == "host function" and path == "portable":
        wrapped = row.idx("probe: the guest calling the same Python callable")
        return (
            f"{n(ours)} ns per host call against {n(limit)} ns for a Python callable import. The frontend's wrapper "
            f"closure takes {n(front)} ns; the backend without it is at {row.ratio(b):.2f}×. A JS wrapper around the "
            f"Python callable is at {row.ratio(wrapped):.2f}× (probe), so the backend's share is its Python side: the "
            f"`HostTrampoline` pyclass `__call__` with `*args`, the registry lookup and the value conversions each "
            f"way. *To close it:* a `PyCFunction` per numeric signature that converts its arguments directly; the "
            f"frontend's share is outside this crate."
        )
    if fam == "Memory" and path == "portable":
        gb = row.find_with("(as the backend does)")
        text = (
            f"{n(ours)} ns against {n(limit)} ns, {n(row.diff(0, 1))} ns more than the raw copy. Handing JS a "
            f"memoryview of the Rust buffer and taking and releasing its buffer (`PyProxy.getBuffer`), without any "
            f"copy, measures {n(gb)} ns (read-only and writable views alike). The hand-written PyO3 copy through "
            f"the same public FFI (`assign_to`/`assign` with a memoryview) takes {n(row.ns(2))} ns here "
            f"({row.ratio(2):.2f}× the raw copy); ours is at {row.ns(0) / row.ns(2):.2f}× of it."
        )
        if not first:
            return text + same
        return text + (
            " That fixed cost, and the copy between a Python buffer and a JS typed array, are the public FFI's "
            "only bulk path, and the hand-written copy pays both. *To close it:* nothing in Pyodide's public FFI copies into Rust memory more "
            "cheaply; only Pyodide internals (the heap's `HEAPU8`, as the fast path uses) avoid it."
        )
    if fam == "Table::get" and path == "portable":
        one = row.find("probe: one more PyO3 call")
        return (
            f"{n(ours)} ns against {n(limit)} ns, {n(row.diff(0, 1))} ns more, of which the frontend takes "
            f"{n(front)} ns (its boxed `BackendObject`, an allocation per read, and dispatch). Beyond the "
            f"`table.get` crossing, `Func::from_js` makes a second one to find the function's signature in the JS "
            f"signature registry (`backend/src/js/signatures.js`) ({n(one)} ns for such a call; the list of every "
            f"signature seen crosses only for a function the registry does not know); the remaining "
            f"{n(row.diff(b, 1) - one)} ns are the backend's Rust around the two crossings (the index and result "
            f"objects, the null check, the signature's decoding and the `Func` made for the JS function, and its "
            f"proxy's release when the benchmark drops it). *To close it:* nothing cheaper through the public FFI: the value and its "
            f"signature can only come back together in a JS array, whose proxy and two reads cost more than the "
            f"second call; the fast path gets both in one direct call."
        )
    if fam == "Instance::new" and path == "portable":
        cross = row.idx("probe: one PyO3 call of a JS function that instantiates")
        k = int(row.op.split("(")[1].split()[0])
        text = (
            f"{n(ours)} ns against {n(limit)} ns (a hand-written PyO3 `new WebAssembly.Instance` with a prebuilt "
            f"import object: {n(row.ns(2))} ns, already {row.ratio(2):.2f}× the limit). The frontend takes "
            f"{n(front)} ns. The backend makes one crossing: its per-module instantiator takes the {k} import "
            f"value{'s' if k > 1 else ''} as arguments, or none when they repeat the last instantiation's (it keeps "
            f"their import object; the benchmark repeats them), and returns the export values as one JS array "
            f"(`undefined` when there are none, as here), whose elements get a proxy each only when first used. "
            f"That crossing alone, replicated, costs {n(row.ns(cross))} ns ({row.ratio(cross):.2f}× the limit); the "
            f"rest, {n(row.diff(b, cross))} ns, is the backend's Rust side: resolving and checking the imports "
            f"({k} here) and a typed `Extern` per export."
        )
        if not first:
            return text + same
        return text + (
            " *To close it:* the frontend's share (its `Imports` rebuild, per import) is outside this crate; the "
            "backend's own share is one crossing, at what a hand-written PyO3 call of `new WebAssembly.Instance` "
            "costs, plus its Rust-side resolution of the imports."
        )
    return f"{n(ours)} ns against {n(limit)} ns."


def kernels_table(kernels):
    """Ordinary Rust work in the side module, in a plain Wasm module and natively."""
    lines = [
        "| Rust work, per round | side module (ns) | plain Wasm module (ns) | native (ns) | side / plain | side / native |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for k in kernels:
        side, plain, native = k["side_module"], k["plain_wasm"], k.get("native")
        ratio = lambda a, b: f"{a / b:.2f}×" if a and b else "–"
        lines.append(
            f"| {k['name']} | {side:.2f} | {plain:.2f} | {native:.2f} | {ratio(side, plain)} | {ratio(side, native)} |"
            if native is not None
            else f"| {k['name']} | {side:.2f} | {plain:.2f} | – | {ratio(side, plain)} | – |"
        )
    return "\n".join(lines)


def kernels_section(data):
    kernels = data.get("kernels")
    if not kernels:
        return []
    return [
        "## Rust in the side module",
        "",
        "The same ordinary Rust code (`bench/kernels`: pieces of the work a `wasm_runtime_layer` call does), timed as "
        "a loop of rounds in three builds: inside this Pyodide side module (position-independent code, the "
        "workspace's release profile, linked by `pyodide-wheel`), as a plain Wasm module in the same engine "
        "(`wasm32-unknown-unknown`, no PIC, its own allocator) and natively on this machine. Best of several runs, "
        "ns per round.",
        "",
        kernels_table(kernels),
        "",
    ]


# The measurement behind the workspace's `[profile.release]` (and the README's
# advice to users), made once: two builds of the bench extension from the same
# commit, run one after the other under Node 20 on this machine (2026-12-03).
SETTINGS_EVIDENCE = [
    ("Func::call (i32,i32)->i32, fast", "8.01× (frontend 177 ns · backend Rust 123 ns)", "5.54× (frontend 89 ns · backend Rust 44 ns)"),
    ("Func::call (f64)->f64, fast", "5.67×", "3.95×"),
    ("Func::call ()->(i32,i64), fast", "3.66×", "2.68×"),
    ("host function called from Wasm, fast", "63.7× (backend dispatch 99 ns)", "58.6× (backend dispatch 75 ns)"),
    ("Table::get funcref, fast", "4.86×", "4.02×"),
    ("Instance::new (100 imports), fast", "3.14×", "2.56×"),
    ("Func::call (i32,i32)->i32, portable", "1.48×", "1.37×"),
    ("kernel: SmallVec round trip of two values", "51.7 ns", "36.7 ns"),
    ("kernel: Box allocation and free (8 B)", "29.5 ns", "13.0 ns"),
]


# Each setting on its own (under Node 20, 2026-12-03; the default row is the
# pair's, the other three ran one after the other): fast `Func::call (i32,i32)->i32` against the
# raw call, the backend's own Rust in it, and the fast host call's dispatch.
SETTINGS_ALONE = [
    ("default (`lto = false`, 16 codegen units)", "8.01×", "123 ns", "99 ns"),
    ("`codegen-units = 1` alone", "6.84×", "83 ns", "92 ns"),
    ("`lto = \"fat\"` alone", "6.18×", "45 ns", "78 ns"),
    ("both (adopted)", "5.47×", "48 ns", "78 ns"),
]


def settings_section():
    lines = [
        "## Build settings",
        "",
        "Why Rust ran slowly in the side module, as far as these measurements show: not mainly position-independent code (the kernels above run "
        "within a few tens of percent of the plain non-PIC module built with the same profile, and thread-locals "
        "cost the same), but the release profile's defaults: 16 codegen units and no LTO leave the frontend's and "
        "the backend's small functions (value conversions, `Arc` and `SmallVec` handling, the allocator's entry "
        "points) as calls across units that are never inlined. With `lto = \"fat\"` and `codegen-units = 1` "
        "(the workspace's `[profile.release]` since, and the README's advice to users) every hot operation got "
        "faster; `panic = \"abort\"` stays off, since host functions' panics must be caught. Measured once, "
        "under Node 20 (V8) whichever engine this report is for, two builds of the same commit run one after the other (ratios against the limit measured in the same "
        "run; kernels in ns per round in the side module):",
        "",
        "| row | default release profile | `lto = \"fat\"`, `codegen-units = 1` |",
        "|---|---|---|",
    ]
    lines += [f"| {row} | {before} | {after} |" for row, before, after in SETTINGS_EVIDENCE]
    lines += [
        "",
        "Which setting does what: fat LTO (inlining across crates: the frontend, the backend, std) takes most of "
        "the backend's own time off; one codegen unit adds a little on top. The default row is the first build "
        "of the pair above; the other three builds ran one after the other later the same day, from a commit "
        "whose call path is the same:",
        "",
        "| build | fast `Func::call (i32,i32)->i32` | its backend Rust | fast host call's dispatch |",
        "|---|---|---|---|",
    ]
    lines += [f"| {build} | {ratio} | {rust} | {dispatch} |" for build, ratio, rust, dispatch in SETTINGS_ALONE]
    return lines + [""]


def other_reports(name):
    """A sentence linking the other engines' reports, relative to where this
    one goes (a report under another name stays in target/bench)."""
    here = next((posixpath.dirname(path) for n, path, _ in REPORTS if n == name), "target/bench")
    links = [
        f"[{engine}]({posixpath.relpath(path, here or '.')})" for n, path, engine in REPORTS if n != name
    ]
    return f"The same benchmarks on the other engines: {', '.join(links)}."


def native_section(data):
    """The paragraph saying what the native column is (or that it is missing)."""
    native = data.get("native")
    if not native:
        return [
            "**Native.** No native figures in this run (target/bench/native.json was missing): the native columns "
            "are blank and the fast 8 B copies' targets, stated against native, are not evaluated.",
            "",
        ]
    return [
        f"**Native.** The column *native wasmtime_runtime_layer* is the same operation natively on "
        f"`wasmtime_runtime_layer` {native['wasmtime_runtime_layer']} (wasmtime {native['wasmtime']}, its default "
        f"engine: Cranelift), through the same public `wasm_runtime_layer` API and the same host code as ours "
        f"(`bench/native`, with this bench's modules and timing code, each operation in a group of its own), on "
        f"the same machine, run by the same `cargo xtask bench` in a separate process just before Pyodide. It is "
        f"the median ns per operation; *ours / native* is the ratio of the two medians (the two processes were "
        f"not interleaved, so it has no per-round spread and carries both runs' drift). Natively `Module::new` "
        f"is a real compile to machine code, where the JS engine compiles lazily. The fast path's 8 B copies "
        f"have their target against native (≤ 2× native `wasmtime_runtime_layer`): on those two rows the limit, "
        f"ratio and met columns are native's and ours / native; the raw copy measured beside them is in the "
        f"table of every member below.",
        "",
    ]


def render(data):
    rows = rows_of(data)
    met, evaluated = count_met(rows)
    parts = [
        "# Benchmarks",
        "",
        f"Made by `cargo xtask bench`: real Pyodide {data.get('pyodide', '?')} (Python {data['python']}) under "
        f"{data.get('host', 'Node ' + data.get('node', '?'))}, on the machine that ran it (2 noisy cores here). Each row is one group: our "
        f"operation, the limit its target is stated against, and the sub-steps and probes listed further down, "
        f"all measured in the same run in {data['rounds']} interleaved rounds (each round samples every member "
        f"once, in a freshly shuffled order) after {data['warm_up_ns'] / 1e6:.0f} ms of warm-up per member. A "
        f"sample is at least {data['sample_ns'] / 1e6:.0f} ms of repeated operations (`std::time::Instant` in "
        f"Pyodide reads `performance.now()`: smallest step seen {data['timer_step_ns']:.0f} ns, "
        f"{data['timer_cost_ns']:.0f} ns per read, so a sample is over {data['sample_ns'] // data['timer_step_ns']:,.0f} steps). ours and limit are medians of the "
        f"per-operation time; ratio is the median of the per-round ratios ours / limit (lower is better) and "
        f"spread their interquartile range. {other_reports(data.get('name'))}",
        "",
    ]
    if data.get("fast_path_unavailable"):
        parts += [
            f"**The fast path was not available in this run** ({data['fast_path_unavailable']}): the rows marked "
            f"fast measured the portable path.",
            "",
        ]
    parts += [
        "**The limits.** *Raw direct import*: the bench crate declares its own `extern \"C\"` imports and puts the "
        "guest's export itself into the Pyodide loader's import table (`bench/src/raw.js`); it is installed after the "
        "side module loaded, so every call goes through the loader's lazy stub (a JS frame with rest arguments). "
        "The backend's own runtime functions (`rtl2_*`) are installed the same way but called through their entries "
        "in the shared function table (`Module.addFunction`, a `call_indirect` with no stub), and the sub-steps "
        "\"rtl2_… called directly\" call them exactly so (`pyodide_runtime_layer::boundary::fast_abi`). "
        "`()->(i32,i64)`: Rust's C ABI cannot take two results "
        "from an import, so that limit is a JS function calling the export and storing both results in Rust memory. "
        "*Raw Rust function import*: an `extern \"C\" fn` turned into a JS function with `Module.getWasmTableEntry` "
        "and given to the guest as its import; the guest loops 1000 times calling its import, so host calls are "
        "timed inside Wasm (ns per host call). Raw copies, globals and tables: JS imports doing the bare operation "
        "(the fast 8 B copies' targets are against native instead, see below). "
        "*Portable path*: calls are measured against a hand-written PyO3 `call1` of the export's JsProxy (fetched with "
        "`js::get_property`; i64 through a JS helper doing `BigInt`), host functions against a Python callable "
        "import (`create_proxy`); for 8 B copies, globals and tables the limit is the hand-written PyO3 equivalent "
        "too (the issue's fallback bounds, tighter than the fast path's, only make sense against the public-FFI "
        "floor; the raw limits are in the second table). 1 MiB copies, `Module::new` and `Instance::new` use the same "
        "raw limits on both paths.",
        "",
    ]
    parts += native_section(data)
    parts += [
        "## Results",
        "",
        table(rows),
        "",
        f"{met} of {evaluated} targets met in this run. The machine is noisy: ratios near a target move across it "
        f"between runs (see the spread)."
        + (
            ""
            if any(r.op == "Module::new 1 MiB many functions" for r in rows)
            else " `Module::new 1 MiB many functions` is not measured here: Bun keeps each compiled module's code "
            "until a full collection, which the repetitions of a module of 100,000 functions never wait for (it was "
            "killed for lack of memory at 24 GiB)."
        ),
        "",
        "### The portable path against its other limit",
        "",
        other_table(rows),
        "",
        "## Why each miss, and what would close it",
        "",
        "Each note is filled in from the sub-steps measured beside the row in this run. \"The frontend\" is "
        "`wasm_runtime_layer` 0.7's own code around the backend (measured by calling the backend's types "
        "directly); \"rtl2_… called directly\" is the fast runtime's function, called by the bench exactly as the "
        "backend calls it (through its function-table entry).",
        "",
    ]
    seen = set()
    for r in rows:
        if r.met is False:
            first = (r.family, r.path) not in seen
            seen.add((r.family, r.path))
            try:
                text = note(r, rows, first)
            except (TypeError, IndexError, ZeroDivisionError):
                text = "(its sub-steps were not measured in this run)"
            parts.append(f"- **{r.op}, {r.path}** ({r.headline():.2f}×, target {target_text(r)}): {text}")
    parts += [""] + kernels_section(data) + settings_section()
    parts += [
        "## Where the time goes: every member of every group",
        "",
        "<details><summary>All measurements of this run (median ns per operation; × limit is the median per-round ratio)</summary>",
        "",
        steps_table(rows),
        "",
        "</details>",
        "",
    ]
    return "\n".join(parts)


def summary(data):
    rows = rows_of(data)
    met, evaluated = count_met(rows)
    return table(rows) + f"\n\n{met} of {evaluated} targets met"
