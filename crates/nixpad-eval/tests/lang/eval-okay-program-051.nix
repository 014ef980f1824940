# A queue-based breadth-first traversal
let
  graph = { "1" = [ "2" "3" ]; "2" = [ "4" ]; "3" = [ "4" ]; "4" = [ ]; };
  bfs = queue: seen:
    if queue == [ ] then seen
    else let n = builtins.head queue; rest = builtins.tail queue; in
      if builtins.elem n seen then bfs rest seen else bfs (rest ++ graph.${n}) (seen ++ [ n ]);
in bfs [ "1" ] [ ]
