let d = derivation { name = "d"; system = "x"; builder = "/b"; }; in { ${d.outPath} = 1; }
