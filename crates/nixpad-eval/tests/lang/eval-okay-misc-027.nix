# functionArgs of derivation
builtins.functionArgs derivation
