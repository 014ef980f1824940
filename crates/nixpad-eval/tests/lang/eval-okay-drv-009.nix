# A derivation's type
(derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).type
