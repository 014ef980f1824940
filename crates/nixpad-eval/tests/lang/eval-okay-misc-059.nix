# A position in derivation's own file names it as Nix does, not as it prints in traces
(builtins.unsafeGetAttrPos "all" (derivation { name = "x"; builder = "b"; system = "s"; })).file
