{ count = 3; names = [ "broken" "hello" "jq" ]; working = { hello = "hello-2.12"; jq = "jq-1.7"; }; }

# The real solution:
# let
#   packages = {
#     hello = "hello-2.12";
#     broken = throw "broken: this package does not build on this system";
#     jq = "jq-1.7";
#   };
#   builds = [ packages.hello packages.broken packages.jq ];
# in
# {
#   # The names of all packages: [ "broken" "hello" "jq" ].
#   names = builtins.attrNames packages;
# 
#   # How many builds are in the list: 3.
#   count = builtins.length builds;
# 
#   # The packages without the broken one: { hello = …; jq = …; }.
#   working = builtins.removeAttrs packages [ "broken" ];
# }
