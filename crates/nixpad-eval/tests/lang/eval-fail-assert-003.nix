# A failing equality assertion explains the difference
assert 1 == 2; 3
