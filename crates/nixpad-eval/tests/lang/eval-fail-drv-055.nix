# Structured attributes: builder must be a string
builtins.derivationStrict { name = "s"; builder = 1; system = "x"; __structuredAttrs = true; }
