# Deep chain of derivations
let step = prev: i: derivation { name = "s${toString i}"; builder = "/bin/sh"; system = "x"; p = prev; }; in (builtins.foldl' step "/" (builtins.genList (i: i) 100)).drvPath
