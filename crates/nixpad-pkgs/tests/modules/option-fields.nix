# mkOption's fields: apply transforms the merged value; readOnly allows one definition;
# internal and visible are kept for documentation (optionsToData leaves internal ones out);
# defaultText and example are documentation only; an option with no type merges lists by
# concatenation (types.unspecified).
let
  lib = import <nixpkgs/lib>;
  inherit (lib) mkOption types;
  result = lib.evalModules {
    modules = [
      { options = {
          upper = mkOption { type = types.str; default = "x"; apply = lib.toUpper; };
          version = mkOption { type = types.str; default = "1.0"; readOnly = true; };
          secret = mkOption { type = types.str; default = "s"; internal = true; };
          hidden = mkOption { type = types.int; default = 1; visible = false;
            defaultText = lib.literalExpression "one"; example = 2; description = "Hidden."; };
          untyped = mkOption { default = [ ]; };
          ids = mkOption { type = types.unique { message = "Only one module may set ids."; } (types.listOf types.int); };
        };
      }
      { upper = "hello"; untyped = [ 1 ]; ids = [ 1 2 ]; }
      { untyped = [ 2 ]; }
    ];
  };
  o = result.options;
in
{
  inherit (result.config) upper version untyped ids;
  flags = map (n: { internal = o.${n}.internal or false; visible = o.${n}.visible or true; }) [ "secret" "hidden" ];
  hiddenDoc = { inherit (o.hidden) defaultText example description; };
  listed = map (d: d.name) (lib.optionsToData o);
}
