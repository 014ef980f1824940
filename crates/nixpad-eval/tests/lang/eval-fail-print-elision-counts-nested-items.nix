# In an error message a value is printed with at most ten list items and ten attributes
# in all: the items and attributes of nested values count towards the same limit.
let
  inner = { a = [ 1 2 3 4 5 6 7 8 9 10 ]; c = 1; };
  outer = [ 1 2 3 inner inner.a ];
in
builtins.seq inner.a (builtins.seq inner (builtins.hashString "md5" outer))
