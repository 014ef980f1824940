# match
builtins.match "([a-z]+)-([0-9]+)" "foo-12"
