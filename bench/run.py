"""Runs the benchmarks in Pyodide (`cargo xtask bench`, which mounts the
repository at /repo) and writes the measurements to target/bench/<name>.json
and the report to target/bench/<name>.md (rendered by bench/report.py);
`RTL_BENCH_NAME` is the name (default `BENCHMARKS`)."""

import json
import os
import platform
import sys

sys.path.insert(0, "/repo/bench")

import report
import rtl_bench

data = rtl_bench.run()
data["python"] = sys.version.split()[0]
data["machine"] = platform.machine()
try:
    import pyodide
    from js import process

    data["pyodide"] = pyodide.__version__
    bun = getattr(process.versions, "bun", None)
    data["host"] = f"Bun {bun} (JavaScriptCore)" if bun else f"Node {process.version} (V8)"
except Exception:
    pass
name = os.environ.get("RTL_BENCH_NAME", "BENCHMARKS")
with open(f"/repo/target/bench/{name}.json", "w") as out:
    json.dump(data, out)
text = report.render(data)
print(report.summary(data))
with open(f"/repo/target/bench/{name}.md", "w") as out:
    out.write(text)
