# A failing && assertion
assert true && false; 1
