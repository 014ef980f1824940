# A greeter service (read-only): when enabled, a systemd service that greets from the
# machine's host name when it starts.
{ config, lib, pkgs, ... }:
let
  cfg = config.services.greeter;
in
{
  options.services.greeter = {
    enable = lib.mkEnableOption "the greeter";
    greeting = lib.mkOption {
      type = lib.types.str;
      default = "Hello";
      description = "What the greeter says.";
    };
  };

  config = lib.mkIf cfg.enable {
    systemd.services.greeter = {
      description = "Greets the world";
      wantedBy = [ "multi-user.target" ];
      script = "${pkgs.hello}/bin/hello -g ${lib.escapeShellArg "${cfg.greeting} from ${config.networking.hostName}!"}";
    };
  };
}
