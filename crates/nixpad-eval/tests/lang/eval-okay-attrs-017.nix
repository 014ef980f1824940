# Keywords must be quoted after a dot, except or
let s = { "if" = 1; "then" = 2; or = 3; }; in [ s."if" s."then" s.or ]
