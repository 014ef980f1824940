# The innermost with wins among nested withs
with { a = 1; }; with { a = 2; }; a
