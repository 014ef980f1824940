{ config, lib, ... }:
let
  cfg = config.services.greeter;
in
{
  options.services.greeter = {
    enable = lib.mkOption { type = lib.types.bool; };
    name = lib.mkOption { type = lib.types.str; };
  };

  config = lib.mkIf cfg.enable {
    environment.etc.greeting.text = "Hello, ${cfg.name}!";
  };
}
