# disabledModules names a nixos-lite module relative to modulesPath (as in NixOS); a
# configuration may then declare its own version of the options.
let
  nixos = import <nixpkgs/nixos> {
    configuration = { lib, ... }: {
      disabledModules = [ "services/webserver.nix" ];
      options.services.webserver.enable = lib.mkEnableOption "my own web server";
      config.services.webserver.enable = true;
    };
  };
in
{
  webserverOptions = builtins.attrNames nixos.options.services.webserver;
  enabled = nixos.config.services.webserver.enable;
  services = builtins.attrNames nixos.config.systemd.services;
}
