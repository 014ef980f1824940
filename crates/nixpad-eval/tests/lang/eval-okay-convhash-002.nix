# SRI to nix32
builtins.convertHash { hash = "sha256-LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564="; toHashFormat = "nix32"; }
