# `networking.hostName`, written to /etc/hostname.
{ config, lib, ... }:
{
  options.networking.hostName = lib.mkOption {
    type = lib.types.strMatching "^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$";
    default = "nixos";
    description = "The name of the machine (letters, digits, `-` and `_`, at most 63).";
  };

  config.environment.etc.hostname.text = config.networking.hostName + "\n";
}
