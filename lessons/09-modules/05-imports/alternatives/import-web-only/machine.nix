# web.nix imports base.nix already; importing it again would change nothing.
{
  imports = [ ./web.nix ];
  disabledModules = [ ./telemetry.nix ];
  networking.hostName = "alpha";
}
