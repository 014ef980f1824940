# concatLists with a non-list element
builtins.concatLists [ [ 1 ] 2 ]
