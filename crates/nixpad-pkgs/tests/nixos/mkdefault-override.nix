# A configuration overrides a module's defaults; mkForce beats another module's definition;
# a disabled service adds nothing.
let
  nixos = import <nixpkgs/nixos> {
    configuration = { lib, ... }: {
      imports = [ { networking.hostName = "from-import"; } ];
      networking.hostName = lib.mkForce "forced";
      environment.defaultPackages = [ ];
      services.webserver.virtualHosts."unused.org".root = "/srv";
      users.users.root.shell = "/bin/sh";
    };
  };
in
{
  hostName = nixos.config.networking.hostName;
  files = nixos.options.networking.hostName.files;
  services = builtins.attrNames nixos.config.systemd.services;
  users = builtins.attrNames nixos.config.users.users;
  rootShell = nixos.config.users.users.root.shell;
  profile = nixos.config.system.build.path.paths;
}
