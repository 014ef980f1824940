# Sets the host name and imports its declaration.
{
  imports = [ ./networking.nix ];
  networking.hostName = "laptop";
}
