# ${"lit"} and nested paths are static: overrides replace them
[ (rec { __overrides = { x = 3; a = 2; }; ${"x"} = 5; a = 1; }) (rec { a = 1; __overrides.a = 3; }) ]
