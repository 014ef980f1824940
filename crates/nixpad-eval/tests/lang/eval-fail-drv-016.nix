# Missing name
derivation { }
