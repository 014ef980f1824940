# concatStringsSep with an int element
builtins.concatStringsSep "," [ 1 ]
