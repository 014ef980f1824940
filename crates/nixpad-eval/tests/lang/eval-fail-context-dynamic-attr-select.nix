let d = derivation { name = "d"; system = "x"; builder = "/b"; }; in { a = 1; }.${d.drvPath}
