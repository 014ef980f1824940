# A passing assertion
assert 1 + 1 == 2; "passed"
