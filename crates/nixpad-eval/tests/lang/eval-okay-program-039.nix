# A stack machine folding over instructions
let
  step = stack: ins:
    if ins == "add" then [ (builtins.elemAt stack 0 + builtins.elemAt stack 1) ] ++ builtins.tail (builtins.tail stack)
    else if ins == "mul" then [ (builtins.elemAt stack 0 * builtins.elemAt stack 1) ] ++ builtins.tail (builtins.tail stack)
    else [ ins ] ++ stack;
in builtins.foldl' step [ ] [ 2 3 "add" 4 "mul" ]
