"""Behaviour only the JS engine has (typed JS errors, Wasm exceptions that
escape to the host), checked in Rust by the test extension."""

import rtl_tests


def _case(name):
    def test():
        rtl_tests.run_backend_case(name)

    return test


for _name in rtl_tests.backend_cases():
    globals()["test_" + _name] = _case(_name)
