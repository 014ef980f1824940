# Definitions merge by type; the highest priority (lowest number) wins: mkForce (50) over a
# plain definition (100) over mkDefault (1000) over an option's default (mkOptionDefault, 1500).
let
  lib = import <nixpkgs/lib>;
  result = lib.evalModules {
    modules = [
      { options = {
          a = lib.mkOption { type = lib.types.int; default = 1; };
          b = lib.mkOption { type = lib.types.int; default = 1; };
          c = lib.mkOption { type = lib.types.int; default = 1; };
          d = lib.mkOption { type = lib.types.int; default = 1; };
          e = lib.mkOption { type = lib.types.int; default = 1; };
        };
      }
      { b = lib.mkDefault 2; c = lib.mkDefault 2; d = 3; e = lib.mkOverride 10 7; }
      { c = 3; d = lib.mkForce 4; e = lib.mkForce 8; }
    ];
  };
  o = result.options;
in
{
  values = { inherit (result.config) a b c d e; };
  prios = map (n: o.${n}.highestPrio) [ "a" "b" "c" "d" "e" ];
  consts = [ lib.modules.defaultOverridePriority (lib.mkDefault 0).priority
    (lib.mkOptionDefault 0).priority (lib.mkForce 0).priority (lib.mkOverride 3 0).priority ];
}
