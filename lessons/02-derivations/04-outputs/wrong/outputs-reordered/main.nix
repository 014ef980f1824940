let
  tool = derivation {
    name = "tool";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "dev" "out" "doc" ];
    args = [ "-c" "mkdir -p $out/bin $dev/include $doc; echo 'int tool(void);' > $dev/include/tool.h; echo docs > $doc/README" ];
  };
  user = derivation {
    name = "user";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "cat ${tool.dev}/include/tool.h > $out" ];
  };
in
{
  inherit tool user;
}
