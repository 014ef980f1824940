# with-bound names are lazily looked up
with { a = throw "never"; b = 2; }; b
