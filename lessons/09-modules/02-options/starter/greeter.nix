# A module: declares the options services.greeter.enable and services.greeter.name, and
# when enabled defines the file /etc/greeting ("Hello, NAME!").
{ config, lib, ... }:
let
  cfg = config.services.greeter;
in
{
  options.services.greeter = {
  };

  config = {
  };
}
