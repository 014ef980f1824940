# Outer with attributes are visible through inner with
with { a = 1; }; with { b = 2; }; a + b
