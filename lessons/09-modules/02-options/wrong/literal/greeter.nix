# config = lib.mkIf cfg.enable { environment.etc.greeting.text = "Hello, ${cfg.name}!"; };
{ lib, ... }:
{
  options.services.greeter = {
    enable = lib.mkEnableOption "the greeter";
    name = lib.mkOption {
      type = lib.types.str;
      default = "world";
      description = "Who /etc/greeting greets.";
    };
  };

  config.environment.etc.greeting.text = "Hello, world!";
}
