let
  name = "Ada";
  host = "nixos.org";
  path = "manual/nix";
  cats = 3;
in
{
  greeting = "Hello, ${name}!";
  url = "https://${host}" + "/${path}";
  summary = "${name} has ${toString cats} cats";
}
