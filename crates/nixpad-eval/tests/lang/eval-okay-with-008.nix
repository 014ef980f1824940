# Plain set attributes do not shadow; with does
with { x = 1; }; { x = 2; y = x; }.y
