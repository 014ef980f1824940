let
  lib = derivation {
    name = "lib";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "mkdir -p $out/bin; echo 'echo set up' > $out/bin/setup" ];
  };
  app = derivation {
    name = "app";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "/nix/store/9y5n1ksqphvsm37qghggff3sdivpdgk2-lib/bin/setup > $out" ];
  };
in
{
  inherit lib app;
}
