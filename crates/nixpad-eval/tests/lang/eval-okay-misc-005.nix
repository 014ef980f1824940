# addErrorContext passes values
builtins.addErrorContext "ctx" 42
