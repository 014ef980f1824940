# A name missing from every with-scope
with { a = 1; }; b
