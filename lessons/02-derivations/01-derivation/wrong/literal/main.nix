{
  hello = {
    type = "derivation";
    name = "hello";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "echo hello > $out" ];
    drvPath = "/nix/store/r3f9l9f32qpzwmdgizjpbwn3ff2n6ny7-hello.drv";
    outPath = "/nix/store/fvchbymk0m4jvldpb9m5hy0bjy2lf30k-hello";
  };
}

# The real solution:
# {
#   hello = derivation {
#     name = "hello";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ "-c" "echo hello > $out" ];
#   };
# }
