# Several outputs.
derivation {
  name = "multi";
  builder = "/bin/sh";
  system = "x86_64-linux";
  outputs = [ "out" "dev" "lib" "doc" ];
  devRef = builtins.placeholder "dev";
}
