# concatLists of many small lists
builtins.length (builtins.concatLists (builtins.genList (i: [ i i ]) 1000))
