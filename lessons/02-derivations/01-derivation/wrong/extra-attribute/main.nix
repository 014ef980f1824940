{
  hello = derivation {
    name = "hello";
    system = "x86_64-linux";
    builder = "/bin/sh";
    description = "says hello";
    args = [ "-c" "echo hello > $out" ];
  };
}
