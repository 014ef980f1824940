# The base profile (read-only): it imports the options and a vendor's telemetry module.
{
  imports = [ ./os.nix ./telemetry.nix ];
  environment.systemPackages = [ "git" "vim" ];
}
