# unsafeDiscardOutputDependency needs a string
builtins.unsafeDiscardOutputDependency 1
