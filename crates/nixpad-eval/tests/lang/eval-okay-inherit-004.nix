# inherit from a with-scope
with { a = 1; }; { inherit a; }
