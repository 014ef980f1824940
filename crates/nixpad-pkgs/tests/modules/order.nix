# mkBefore/mkAfter/mkOrder place definitions in lists and lines; equal orders keep module order.
let
  lib = import <nixpkgs/lib>;
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.list = mkOption { type = types.listOf types.str; };
      options.text = mkOption { type = types.lines; };
      options.csv = mkOption { type = types.commas; }; }
    { list = [ "middle" ]; text = "b"; csv = "2"; }
    { list = lib.mkAfter [ "last" ]; text = lib.mkBefore "a"; csv = lib.mkOrder 2000 "3"; }
    { list = lib.mkBefore [ "first" ]; text = lib.mkOrder 600 "a2"; csv = lib.mkOrder 10 "1"; }
    { list = [ "middle2" ]; }
  ];
}).config
// { _module = null; }
