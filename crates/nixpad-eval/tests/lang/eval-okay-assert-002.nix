# Assertions can be chained
assert true; assert "a" < "b"; 3
