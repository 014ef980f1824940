# A let binding captured before an inner with keeps its value
with { a = 1; }; let b = a; in with { a = 3; }; b
