# A module: declares the options services.greeter.enable and services.greeter.name, and
# when enabled defines the file /etc/greeting ("Hello, NAME!").
{ config, lib, ... }:
let
  cfg = config.services.greeter;
in
{
  options.services.greeter = {
    enable = lib.mkEnableOption "the greeter";
    name = lib.mkOption {
      type = lib.types.str;
      default = "world";
      description = "Who /etc/greeting greets.";
    };
  };

  config = lib.mkIf cfg.enable {
    environment.etc.greeting.text = "Hello, ${cfg.name}!";
  };
}
