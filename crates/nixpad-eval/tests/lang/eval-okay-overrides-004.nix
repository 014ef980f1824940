# __overrides is ignored in plain sets and let
[ { __overrides = { a = 2; }; a = 1; } (let __overrides = { a = 2; }; a = 1; in a) ]
