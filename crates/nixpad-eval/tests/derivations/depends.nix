# A derivation depending on another, on one of another's non-default outputs, and on
# several outputs of the same derivation.
let
  lib = derivation { name = "lib"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" "man" ]; };
  tool = derivation { name = "tool"; builder = "/bin/sh"; system = "x86_64-linux"; };
in derivation {
  name = "app";
  builder = "${tool}/bin/build";
  system = "x86_64-linux";
  headers = lib.dev;
  libs = "${lib.out}/lib ${lib.man}";
  args = [ "${lib.dev}/include" ];
}
