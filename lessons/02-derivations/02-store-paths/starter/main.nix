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
  renamed = derivation attrs;
  otherArgs = derivation attrs;
  withEnv = derivation attrs;
  reordered = null;
}
