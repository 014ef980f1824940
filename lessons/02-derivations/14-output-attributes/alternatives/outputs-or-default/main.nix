let
  # Each output's name mapped to its path.
  outputPaths = d:
    let names = d.outputs or [ "out" ]; in
    builtins.listToAttrs (map (name: { inherit name; value = d.${name}.outPath; }) names);

  # The same derivation with `changes` applied to its attributes, as the same output as `d`.
  withAttrs = d: changes: builtins.getAttr d.outputName (derivation (d.drvAttrs // changes));

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
