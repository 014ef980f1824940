# Where each module defines an option (file, line, column) -- through nested sets, mkIf,
# mkMerge and mkForce -- for underlining a definition (an attribute made by listToAttrs is
# placed at its `value`, as Nix does).
let
  lib = import <nixpkgs/lib>;
  result = lib.evalModules {
    modules = [
      { options.a.b = lib.mkOption { type = lib.types.int; default = 0; };
        options.c = lib.mkOption { type = lib.types.int; default = 0; }; }
      { a.b = 1; }
      { a = { b = lib.mkForce 2; }; }
      ({ config, ... }: { config = lib.mkIf true { c = 3; }; })
      ({ config, ... }: { config = lib.mkMerge [ { c = lib.mkForce 4; } ]; })
      { config = builtins.listToAttrs [ { name = "c"; value = lib.mkForce 4; } ]; }
    ];
  };
  show = p: if p == null then null else p // { file = baseNameOf p.file; };
in
{
  b = map show result.options.a.b.definitionPositions;
  c = map show result.options.c.definitionPositions;
  value = result.config.a.b + result.config.c;
}
