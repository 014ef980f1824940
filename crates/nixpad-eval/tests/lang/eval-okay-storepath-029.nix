# toPath canonicalises
builtins.toPath "/a/./b/../c"
