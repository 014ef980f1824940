{
  tool = {
    type = "derivation";
    outputs = [ "out" "dev" "doc" ];
    out = { type = "derivation"; outPath = "/nix/store/z0gshqk9gzv3xm6jfdxsrvzkjnalz7dh-tool"; };
    dev = { type = "derivation"; outPath = "/nix/store/jcnz9ash8a73nwdsq1ig2iayzi65rg06-tool-dev"; };
    doc = { type = "derivation"; outPath = "/nix/store/48l7wicrlhy3ndaprvj2cvsms15wsrlm-tool-doc"; };
  };
  user = { type = "derivation"; outPath = "/nix/store/7ywfna270rrmyj5rsm4wlpisdb1ax6nj-user"; };
}

# The real solution:
# let
#   tool = derivation {
#     name = "tool";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     outputs = [ "out" "dev" "doc" ];
#     args = [ "-c" "mkdir -p $out/bin $dev/include $doc; echo 'int tool(void);' > $dev/include/tool.h; echo docs > $doc/README" ];
#   };
#   user = derivation {
#     name = "user";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ "-c" "cat ${tool.dev}/include/tool.h > $out" ];
#   };
# in
# {
#   inherit tool user;
# }
