# Strictness of if conditions does not extend to the branches
if builtins.isList [ (throw "never") ] then "list" else "other"
