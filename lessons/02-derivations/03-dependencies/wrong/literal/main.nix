let
  lib = derivation {
    name = "lib";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "mkdir -p $out/bin; echo 'echo set up' > $out/bin/setup" ];
  };
  app = {
    type = "derivation";
    name = "app";
    args = [ "-c" "/nix/store/9y5n1ksqphvsm37qghggff3sdivpdgk2-lib/bin/setup > $out" ];
    drvPath = "/nix/store/3hxs5nc95sanb1d50ccy6v0d5jp55sna-app.drv";
    outPath = "/nix/store/yn0f1qi8an18i5pzr3fz13lr6g0jkbvh-app";
  };
in
{
  inherit lib app;
}

# The real solution:
# let
#   lib = derivation {
#     name = "lib";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ "-c" "mkdir -p $out/bin; echo 'echo set up' > $out/bin/setup" ];
#   };
#   app = derivation {
#     name = "app";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ "-c" "${lib}/bin/setup > $out" ];
#   };
# in
# {
#   inherit lib app;
# }
