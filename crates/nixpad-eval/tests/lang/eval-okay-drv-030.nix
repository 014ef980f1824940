# Strings with escapes
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; x = "a\"b\\c\nd\te\rf"; }
