# A whole system: its toplevel derivation, /etc entries, unit files, the system profile.
let
  nixos = import <nixpkgs/nixos> {
    system = "x86_64-linux";
    configuration = { pkgs, ... }: {
      networking.hostName = "box";
      users.users.alice = { isNormalUser = true; extraGroups = [ "wheel" ]; };
      environment.systemPackages = [ pkgs.hello ];
      services.webserver = { enable = true; virtualHosts."a.org".root = "/srv/a"; };
      systemd.services.greeter = { script = "echo hi"; wantedBy = [ "multi-user.target" ]; path = [ pkgs.hello ]; };
    };
  };
  inherit (nixos) config;
in
{
  toplevel = nixos.system.drvPath;
  toplevelName = nixos.system.name;
  etc = config.system.build.etc.drvPath;
  units = config.system.build.units.drvPath;
  etcFiles = builtins.attrNames config.environment.etc;
  hostname = config.environment.etc.hostname.text;
  passwd = config.environment.etc.passwd.text;
  group = config.environment.etc.group.text;
  hostsConf = config.environment.etc."webserver/hosts.conf".text;
  services = builtins.attrNames config.systemd.services;
  webUnit = config.systemd.services."webserver-a.org".unitText;
  greeterUnit = config.systemd.services.greeter.unitText;
  profile = map (p: p.name) config.system.build.path.paths;
}
