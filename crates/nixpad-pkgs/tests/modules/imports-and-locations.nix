# imports (by path, deduplicated by key), disabledModules, _file, and where an option was set:
# files, definitions, definitionsWithLocations, declarations.
let
  lib = import <nixpkgs/lib>;
  result = lib.evalModules {
    modules = [
      ./imported/hostname.nix
      ./imported/networking.nix
      ./imported/broken.nix
      { disabledModules = [ ./imported/broken.nix ]; }
      { _file = "my-machine.nix"; networking.hostName = lib.mkForce "desktop"; }
      { key = "once"; imports = [ { networking.hostName = lib.mkForce "desktop"; } ]; }
      { key = "once"; imports = [ { networking.hostName = lib.mkForce "never"; } ]; }
    ];
  };
  opt = result.options.networking.hostName;
  base = f: baseNameOf (toString f);
in
{
  value = result.config.networking.hostName;
  files = map base opt.files;
  definitions = opt.definitions;
  withLocations = map (d: { file = base d.file; inherit (d) value; }) opt.definitionsWithLocations;
  declarations = map base opt.declarations;
  isDefined = opt.isDefined;
}
