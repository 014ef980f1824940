# A failing assertion on false
assert false; 1
