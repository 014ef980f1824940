# A derivation: the build recipe Nix stores as a .drv file.
# Its attributes become the builder's environment.
derivation {
  name = "hello-text";
  system = "x86_64-linux";
  builder = "/bin/sh";
  args = [ "-c" "echo hello > $out" ];
  greeting = "hello";
}
