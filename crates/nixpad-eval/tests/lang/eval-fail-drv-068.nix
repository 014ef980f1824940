# derivation needs a set
derivation 1
