{ files, syntax, check, ... }:
let
  m = files."main.nix";
  syn = syntax."main.nix";
  foldr = op: nul: list: check.call (check.attr m "foldr") [ op nul list ];
  mapList = f: list: check.call (check.attr m "mapList") [ f list ];
  filterList = pred: list: check.call (check.attr m "filterList") [ pred list ];
  values = set: check.call (check.attr m "values") [ set ];
  avoids = name: check.syntaxCheck {
    name = "main.nix does not call ${name}";
    ok = !(check.usesBuiltin syn name);
    hint = 2;
    message = "Rebuild it from your fold instead of calling `${name}`.";
  };
in
[
  {
    name = "foldr combines from the right";
    expected = "(a (b (c z)))";
    actual = foldr (x: acc: "(${x} ${acc})") "z" [ "a" "b" "c" ];
    hint = 1;
  }
  {
    name = "foldr of [ ] is the start value";
    expected = [ 7 "(1 (2 (3 (4 start))))" ];
    actual = [ (foldr (x: acc: 0) 7 [ ]) (foldr (x: acc: "(${toString x} ${acc})") "start" [ 1 2 3 4 ]) ];
    hint = 1;
  }
  {
    name = "foldr does not evaluate the rest when op ignores it";
    expected = "first";
    actual = foldr (x: rest: x) null [ "first" (throw "the rest was evaluated") ];
    hint = 1;
  }
  {
    name = "mapList works like map";
    expected = [ [ "a!" "b!" "c!" ] [ ] [ 1 4 9 16 ] ];
    actual = [ (mapList (s: s + "!") [ "a" "b" "c" ]) (mapList (x: x) [ ]) (mapList (x: x * x) [ 1 2 3 4 ]) ];
    hint = 2;
  }
  {
    name = "filterList works like builtins.filter";
    expected = [ [ 5 9 ] [ ] [ "nix" "nixos" ] ];
    actual = [
      (filterList (x: x > 4) [ 1 5 2 9 ])
      (filterList (x: false) [ 1 2 ])
      (filterList (s: builtins.substring 0 3 s == "nix") [ "nix" "guix" "nixos" ])
    ];
    hint = 2;
  }
  {
    name = "values works like builtins.attrValues";
    expected = [ [ "first" "second" "third" ] [ ] ];
    actual = [ (values { zz = "third"; a = "first"; m = "second"; }) (values { }) ];
    hint = 3;
  }
  (avoids "map")
  (avoids "filter")
  (avoids "attrValues")
  (avoids "concatMap")
]
