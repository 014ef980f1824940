# Your plan for jq's and git's images next to the one dockerTools makes (read-only): the
# two columns should agree. Store paths are shown by name.
let
  pkgs = import <nixpkgs> { };
  inherit (pkgs) lib dockerTools;
  inherit (import ./layers.nix) plan;
  graphOf = import ./graph.nix;
  name = path: builtins.substring 44 (-1) path;
  compare = contents: maxLayers:
    let image = dockerTools.streamLayeredImage { name = "compare"; inherit contents maxLayers; }; in
    {
      yours = map (map name) (plan { graph = graphOf contents; inherit maxLayers; });
      dockerTools = map (layer: map name layer.paths) (lib.init image.layers);
    };
in
{
  jq = compare [ pkgs.jq ] 100;
  git = compare [ pkgs.git ] 8;
}
