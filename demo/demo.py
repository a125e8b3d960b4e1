"""Runs the demo extension's bundled Wasm program and prints what it computes."""

import demo

for line in demo.run():
    print(line)
