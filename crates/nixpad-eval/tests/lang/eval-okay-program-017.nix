# A tiny expression interpreter over attribute sets
let
  ev = e:
    if e.op == "lit" then e.v
    else if e.op == "add" then ev e.l + ev e.r
    else if e.op == "mul" then ev e.l * ev e.r
    else if e.op == "neg" then - ev e.x
    else throw "unknown op ${e.op}";
  lit = v: { op = "lit"; inherit v; };
in ev { op = "add"; l = lit 2; r = { op = "mul"; l = lit 3; r = { op = "neg"; x = lit 4; }; }; }
