# mkRenamedOptionModule forwards definitions (with their priority) and warns;
# mkRemovedOptionModule turns a definition into a failed assertion.
let
  lib = import <nixpkgs/lib>;
  inherit (lib) mkOption types;
  config = (lib.evalModules {
    modules = [
      { options.warnings = mkOption { type = types.listOf types.str; default = [ ]; };
        options.assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; };
        options.services.web.port = mkOption { type = types.port; default = 80; }; }
      (lib.mkRenamedOptionModule [ "services" "web" "listenPort" ] [ "services" "web" "port" ])
      (lib.mkRemovedOptionModule [ "services" "web" "legacy" ] "Use services.web.port instead.")
      { _file = "machine.nix"; services.web.listenPort = lib.mkDefault 8080; services.web.legacy = true; }
    ];
  }).config;
in
{
  port = config.services.web.port;
  renamedReads = config.services.web.listenPort;
  inherit (config) warnings;
  assertions = map (a: { inherit (a) assertion message; }) config.assertions;
}
