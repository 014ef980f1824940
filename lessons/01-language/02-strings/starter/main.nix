let
  name = "Ada";
  host = "nixos.org";
  path = "manual/nix";
  cats = 3;
in
{
  greeting = "Hello!";
  url = "https://example.com";
  summary = "Ada has some cats";
}
