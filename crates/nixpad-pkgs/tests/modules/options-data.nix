# What an options browser shows: lib.optionsToData lists every visible option with its type,
# default, description and the definitions that set it (with files, and lines and columns);
# optionAttrSetToDocList lists the declarations, submodules' options under <name>.
let
  lib = import <nixpkgs/lib>;
  inherit (lib) mkOption types;
  result = lib.evalModules {
    modules = [
      { _file = "options.nix";
        options.services.web = {
          enable = lib.mkEnableOption "the web server";
          hosts = mkOption {
            type = types.attrsOf (types.submodule { options.root = mkOption { type = types.str; description = "Where files are."; }; });
            default = { };
            description = "Virtual hosts.";
          };
        };
      }
      { _file = "machine.nix"; services.web.enable = true; services.web.hosts."a.org".root = "/srv"; }
    ];
  };
in
{
  data = map (o: o // { positions = map (p: p // { file = baseNameOf p.file; }) o.positions; })
    (lib.optionsToData result.options);
  doc = map (o: { inherit (o) name type; }) (lib.optionAttrSetToDocList result.options);
  # A big default prints short: 12 elements of each list or set, 3 levels deep.
  big = (builtins.head (lib.optionsToData (lib.evalModules { modules = [
    { options.big = mkOption { default = { deep.er.still.more = 1; list = lib.range 1 20; }; }; }
  ]; }).options)).default.text;
}
