# A vendor's telemetry module (read-only). It has no switch to turn it off.
{
  environment.systemPackages = [ "telemetry-agent" ];
}
