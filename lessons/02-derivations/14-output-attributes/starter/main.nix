let
  # Each output's name mapped to its path.
  outputPaths = d: { };

  # The same derivation with `changes` applied to its attributes, as the same output as `d`.
  withAttrs = d: changes: d;

  tool = derivation {
    name = "tool";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "out" "dev" "doc" ];
    args = [ "-c" "mkdir $out $dev $doc" ];
  };
in
{
  inherit outputPaths withAttrs;
  example = {
    paths = outputPaths tool;
    newDoc = (withAttrs tool.doc { name = "tool-2"; }).outPath;
  };
}
