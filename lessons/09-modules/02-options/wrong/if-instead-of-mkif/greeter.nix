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

  config = if cfg.enable then {
    environment.etc.greeting.text = "Hello, ${cfg.name}!";
  } else { };
}
