# The machine alpha: the base and web profiles, without the telemetry module, and its
# host name. This file is a module: the checks give it to lib.evalModules.
{
  imports = [ ./base.nix ./web.nix ];
  disabledModules = [ ./telemetry.nix ];
  networking.hostName = "alpha";
}
