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
    args = [ "-c" (builtins.unsafeDiscardStringContext "${lib}/bin/setup > $out") ];
  };
in
{
  inherit lib app;
}
