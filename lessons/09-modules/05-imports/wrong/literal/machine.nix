# The configuration the solution gives, written out as one module:
# {
#   imports = [ ./base.nix ./web.nix ];
#   disabledModules = [ ./telemetry.nix ];
#   networking.hostName = "alpha";
# }
{
  imports = [ ./os.nix ];
  networking.hostName = "alpha";
  environment.systemPackages = [ "git" "nginx" "vim" ];
}
