# A failing string equality assertion
assert "a" == "b"; 1
