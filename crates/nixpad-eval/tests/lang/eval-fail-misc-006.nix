# addErrorContext with an error
builtins.addErrorContext "ctx" (throw "inner")
