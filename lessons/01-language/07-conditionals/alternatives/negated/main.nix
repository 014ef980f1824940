let
  inherit (import ./input.nix) n defaults overrides;
  settings = defaults // overrides;
in
{
  size = if n < 10 then "small" else if n < 100 then "medium" else "large";
  settings = settings;
  isValid = !(settings.port < 1 || settings.port > 65535);
}
