# `services.webserver`: a small static web server (nginx-like virtual hosts, served by
# Python's http.server), an example of a service module: options, a config file in /etc,
# one systemd service per virtual host, a user, and assertions.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  cfg = config.services.webserver;
  hostModule = { name, ... }: {
    options = {
      serverName = mkOption { type = types.str; default = name; description = "The host's name."; };
      port = mkOption { type = types.port; default = 80; description = "The port the host listens on."; };
      root = mkOption { type = types.path; example = "/var/www"; description = "The folder served."; };
    };
  };
  hosts = lib.attrValues cfg.virtualHosts;
  ports = map (h: h.port) hosts;
in
{
  options.services.webserver = {
    enable = lib.mkEnableOption "the static web server";
    package = lib.mkPackageOption pkgs "python3" { };
    user = mkOption { type = types.str; default = "webserver"; description = "The user the server runs as."; };
    virtualHosts = mkOption {
      type = types.attrsOf (types.submodule hostModule);
      default = { };
      example = { "example.org" = { root = "/var/www"; port = 8080; }; };
      description = "The sites served, by name.";
    };
  };

  config = lib.mkIf cfg.enable {
    assertions = [
      { assertion = hosts != [ ]; message = "services.webserver is enabled but has no virtualHosts."; }
      { assertion = lib.allUnique ports; message = "services.webserver: two virtual hosts listen on the same port (${lib.concatStringsSep ", " (map toString ports)})."; }
    ];
    users.users.${cfg.user} = { isSystemUser = true; group = "webserver"; };
    environment.etc."webserver/hosts.conf".text = lib.concatMapStrings (h: ''
      server {
        listen ${toString h.port};
        server_name ${h.serverName};
        root ${h.root};
      }
    '') hosts;
    systemd.services = lib.listToAttrs (map (h: lib.nameValuePair "webserver-${h.serverName}" {
      description = "Static web server for ${h.serverName}";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      serviceConfig = {
        ExecStart = "${cfg.package}/bin/python3 -m http.server ${toString h.port} --directory ${h.root}";
        User = cfg.user;
        Restart = "always";
      };
    }) hosts);
  };
}
