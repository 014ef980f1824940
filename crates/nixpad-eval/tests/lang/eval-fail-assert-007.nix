# A failing assertion comparing an int and a string
assert 1 == "a"; 1
