# A 30,000-attribute package set built with a hand-written fix/extends and three overlays,
# fully forced: attribute-set construction, `//`, laziness and thunk updates.
let
  fix = f: let x = f x; in x;
  extends = overlay: base: self: let super = base self; in super // overlay self super;
  n = 30000;
  names = builtins.genList (i: "pkg${toString i}") n;
  base = self: builtins.listToAttrs (map (name: {
    inherit name;
    value = { pname = name; version = 1; deps = [ ]; };
  }) names);
  overlay1 = self: super: builtins.mapAttrs (name: p: p // { version = p.version + 1; }) super;
  overlay2 = self: super: builtins.listToAttrs (builtins.genList (i: {
    name = "pkg${toString (i * 2)}";
    value = super."pkg${toString (i * 2)}" // { deps = [ self."pkg${toString (i * 2 + 1)}".pname ]; };
  }) (n / 2));
  overlay3 = self: super: { extra = builtins.length (builtins.attrNames super); };
  pkgs = fix (extends overlay3 (extends overlay2 (extends overlay1 base)));
in
  builtins.foldl' (acc: name: acc + pkgs.${name}.version + builtins.length pkgs.${name}.deps) pkgs.extra names
