# toJSON keeps non-ASCII text as UTF-8
builtins.toJSON "é日"
