"""Runs the spec proposals V8 in Node 20 supports on this backend in Pyodide
and writes the report to target/spectest/pyodide-proposals.md."""

import rtl_spectest

print(rtl_spectest.run_proposals("/repo/target/spectest/pyodide-proposals.md"))
