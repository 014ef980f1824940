# Name too long
derivation { name = builtins.concatStringsSep "" (builtins.genList (x: "a") 212); builder = "b"; system = "c"; }
