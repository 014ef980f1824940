# The set g sees as `prev` named first.
f: g: final: prev:
let
  afterF = prev // f final prev;
in
f final prev // g final afterF
