# unsafeDiscardStringContext needs a string
builtins.unsafeDiscardStringContext 1
