# mkEnableOption written out, and the definition as a nested set.
{ config, lib, ... }:
{
  options.services.greeter.enable = lib.mkOption {
    type = lib.types.bool;
    default = false;
    description = "Whether to enable the greeter.";
  };
  options.services.greeter.name = lib.mkOption {
    type = lib.types.str;
    default = "world";
    description = "Who /etc/greeting greets.";
  };

  config = lib.mkIf config.services.greeter.enable {
    environment = {
      etc = {
        greeting = {
          text = "Hello, ${config.services.greeter.name}!";
        };
      };
    };
  };
}
