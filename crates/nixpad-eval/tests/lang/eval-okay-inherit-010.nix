# inherit of builtins from the builtins set
let inherit (builtins) length head; in [ (length [ 1 2 ]) (head [ 3 ]) ]
