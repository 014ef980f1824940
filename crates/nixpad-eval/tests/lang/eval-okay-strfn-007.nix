# concatStringsSep coerces with __toString
builtins.concatStringsSep " " [ { outPath = "/o"; } { __toString = s: "T"; } "s" ]
