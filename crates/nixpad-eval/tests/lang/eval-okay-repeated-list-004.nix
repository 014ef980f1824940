# concatLists and concatMap return the one non-empty list itself
let l = [ 1 2 3 ]; in [ l (builtins.concatLists [ [ ] l [ ] ]) (builtins.concatMap (x: x) [ l ]) (builtins.concatLists [ l l ]) ]
