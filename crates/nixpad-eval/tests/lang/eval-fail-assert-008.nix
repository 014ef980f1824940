# A failing assertion comparing sets with different names
assert { a = 1; } == { b = 1; }; 1
