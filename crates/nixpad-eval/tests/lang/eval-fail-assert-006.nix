# An assertion on a non-Boolean
assert 1; 2
