f: g: final: prev:
let
  fromG = g final prev;
in
fromG // f final (prev // fromG)
