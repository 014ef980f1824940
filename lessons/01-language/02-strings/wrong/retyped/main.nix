let
  name = "Ada";
  host = "nixos.org";
  path = "manual/nix";
  cats = 3;
in
{
  greeting = "Hello, Ada!";
  url = "https://nixos.org/manual/nix";
  summary = "${name} has ${toString cats} cats";
}
