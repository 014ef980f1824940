# genericClosure with list keys and branching
map (x: x.key) (builtins.genericClosure { startSet = [ { key = [ 0 ]; } ]; operator = x: if builtins.length x.key < 3 then [ { key = x.key ++ [ 0 ]; } { key = x.key ++ [ 1 ]; } ] else [ ]; })
