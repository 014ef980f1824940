{ greeting = "Hello, Ada!"; summary = "Ada has 3 cats"; url = "https://nixos.org/manual/nix"; }

# The real solution:
# let
#   name = "Ada";
#   host = "nixos.org";
#   path = "manual/nix";
#   cats = 3;
# in
# {
#   greeting = "Hello, ${name}!";
#   url = "https://${host}/${path}";
#   summary = "${name} has ${toString cats} cats";
# }
