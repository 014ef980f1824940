# head of a list with a throwing tail element
builtins.head [ 1 (throw "never") ]
