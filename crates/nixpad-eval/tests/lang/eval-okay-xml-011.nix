# Context of toXML
builtins.getContext (builtins.toXML (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }))
