"""Runs the benchmarks in Pyodide (`cargo xtask bench`, which mounts the
repository at /repo) and writes the measurements to target/bench/results.json
and the report to BENCHMARKS.md (rendered by bench/report.py)."""

import json
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
    data["node"] = str(process.version)
except Exception:
    pass
with open("/repo/target/bench/results.json", "w") as out:
    json.dump(data, out)
text = report.render(data)
print(report.summary(data))
with open("/repo/target/bench/BENCHMARKS.md", "w") as out:
    out.write(text)
