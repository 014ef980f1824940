# An undefined variable inside a with
with { a = 1; }; a + b
