# match without groups returns an empty list
builtins.match "[a-z]+" "abc"
