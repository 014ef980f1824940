# derivationStrict needs a set
builtins.derivationStrict 1
