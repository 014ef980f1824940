# listOf, attrsOf, lazyAttrsOf and nullOr merge their elements' definitions (with mkIf and
# priorities inside); listOf concatenates; attrsOf drops an attribute whose definitions all
# vanish, lazyAttrsOf keeps it (an error only when used).
let
  lib = import <nixpkgs/lib>;
  t = lib.types;
  config = (lib.evalModules {
    modules = [
      { options = {
          list = lib.mkOption { type = t.listOf t.int; };
          attrs = lib.mkOption { type = t.attrsOf t.int; };
          lazy = lib.mkOption { type = t.lazyAttrsOf t.int; };
          nested = lib.mkOption { type = t.attrsOf (t.listOf t.str); };
          maybe = lib.mkOption { type = t.nullOr (t.listOf t.int); default = null; };
          unset = lib.mkOption { type = t.nullOr t.int; default = null; };
        };
      }
      { list = [ 1 (lib.mkIf false 2) 3 ]; attrs = { a = 1; b = lib.mkDefault 1; gone = lib.mkIf false 0; };
        lazy = { a = 1; gone = lib.mkIf false 0; }; nested.x = [ "a" ]; maybe = [ 1 ]; }
      { list = [ 4 ]; attrs = { b = 2; c = 3; }; nested = { x = [ "b" ]; y = [ ]; }; maybe = [ 2 ]; }
    ];
  }).config;
in
{
  inherit (config) list attrs nested maybe unset;
  lazyNames = builtins.attrNames config.lazy;
  lazyA = config.lazy.a;
  lazyGone = (builtins.tryEval config.lazy.gone).success;
}
