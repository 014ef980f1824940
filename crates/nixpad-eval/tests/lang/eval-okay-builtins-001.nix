# The builtins are Nix 2.26's; fetchTree and getFlake are extra in Nixpad (Nix has them with experimental features) and removed here
builtins.attrNames (removeAttrs builtins [ "fetchTree" "getFlake" ])
