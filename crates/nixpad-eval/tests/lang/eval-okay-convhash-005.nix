# base32 is accepted as a format name
builtins.convertHash { hash = "sha256-LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564="; toHashFormat = "base32"; }
