let d = derivation { name = "d"; system = "x"; builder = "/b"; }; in
{ ${builtins.unsafeDiscardStringContext d.outPath} = 1; } ? ${builtins.unsafeDiscardStringContext "${d}"}
