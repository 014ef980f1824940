{
  greeting = "Hello, Ada!";
  answer = 42;
}

# The real solution:
# let
#   lib = import ./lib.nix;
# in
# {
#   greeting = import ./greeting.nix { name = "Ada"; };
#   answer = lib.double 21;
# }
