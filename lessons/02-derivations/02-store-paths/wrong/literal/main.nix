let
  path = p: { type = "derivation"; outPath = p; drvPath = p + ".drv"; };
in
{
  base = path "/nix/store/fvchbymk0m4jvldpb9m5hy0bjy2lf30k-hello";
  renamed = path "/nix/store/q1wkx5ycnbnw12npw19a11a67c90g2d8-hi";
  otherArgs = path "/nix/store/5cw5r66s0czbfzd2hyk9m32q0f2wz457-hello";
  withEnv = path "/nix/store/8r4dpqrjjx3bi2sp5vzd03whr29szhsr-hello";
  reordered = path "/nix/store/fvchbymk0m4jvldpb9m5hy0bjy2lf30k-hello";
}

# The real solution:
# let
#   attrs = {
#     name = "hello";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ "-c" "echo hello > $out" ];
#   };
# in
# {
#   base = derivation attrs;
#   renamed = derivation (attrs // { name = "hi"; });
#   otherArgs = derivation (attrs // { args = [ "-c" "echo bye > $out" ]; });
#   withEnv = derivation (attrs // { GREETING = "hi"; });
#   reordered = derivation {
#     args = [ "-c" "echo hello > $out" ];
#     builder = "/bin/sh";
#     system = "x86_64-linux";
#     name = "hello";
#   };
# }
