# floor of null
builtins.floor null
