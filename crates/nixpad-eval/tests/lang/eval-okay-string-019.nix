# Strings concatenated from many pieces
builtins.concatStringsSep "" (builtins.genList (i: toString i) 20)
