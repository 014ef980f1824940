# extendModules adds modules to an evaluation (its priorities still apply); modules also get
# it (and moduleType) as arguments.
let
  lib = import <nixpkgs/lib>;
  base = lib.evalModules {
    modules = [
      { options.greeting = lib.mkOption { type = lib.types.str; default = "hello"; };
        options.names = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; }; }
      { names = [ "a" ]; }
      ({ extendModules, moduleType, ... }: {
        names = [ (builtins.typeOf extendModules) moduleType.name ];
      })
    ];
  };
  extended = base.extendModules { modules = [ { greeting = "hi"; names = [ "b" ]; } ]; };
  twice = extended.extendModules { modules = [ { greeting = lib.mkForce "hey"; } ]; };
in
map (r: { inherit (r.config) greeting names; }) [ base extended twice ]
