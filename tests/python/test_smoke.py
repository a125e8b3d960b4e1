import rtl_tests


def test_extension_loads_and_calls():
    assert rtl_tests.add(2, 40) == 42
