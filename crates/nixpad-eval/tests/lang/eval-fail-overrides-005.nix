# an override clashes with a dynamic attribute of the same name
rec { __overrides = { x = 3; }; ${let y = "x"; in y} = 5; }
