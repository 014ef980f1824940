let
  attrs = {
    name = "hello";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "echo hello > $out" ];
  };
in
{
  base = derivation attrs;
  renamed = derivation (attrs // { name = "hi"; });
  otherArgs = derivation (attrs // { args = [ "-c" "echo bye > $out" ]; });
  withEnv = derivation (attrs // { GREETING = "hi"; });
  reordered = derivation {
    args = [ "-c" "echo  hello > $out" ];
    builder = "/bin/sh";
    system = "x86_64-linux";
    name = "hello";
  };
}
