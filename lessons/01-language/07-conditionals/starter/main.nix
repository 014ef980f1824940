let
  inherit (import ./input.nix) n defaults overrides;
in
{
  size = "small";
  settings = defaults;
  isValid = null;
}
