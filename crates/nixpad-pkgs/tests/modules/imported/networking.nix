# Declares `networking.hostName`; imported twice by cases (once is kept: the key is the path).
{ lib, ... }: {
  options.networking.hostName = lib.mkOption {
    type = lib.types.str;
    default = "nixos";
    description = "The name of the machine.";
  };
}
