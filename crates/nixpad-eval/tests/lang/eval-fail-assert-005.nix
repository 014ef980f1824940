# A failing assertion with a negation
assert !true; 1
