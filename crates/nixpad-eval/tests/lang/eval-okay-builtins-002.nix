# Number of builtins without the two extras
builtins.length (builtins.attrNames (removeAttrs builtins [ "fetchTree" "getFlake" ]))
