# The store layers of a layered image, worked out from its reference graph: a set with
# one attribute per store path, naming the paths it refers to (see graph.nix), e.g.
#   { app = [ "libssl" "libz" ]; libssl = [ "libz" ]; libz = [ ]; }
let
  lib = import <nixpkgs/lib>;
in
rec {
  # For each path of the graph: how many other paths of the graph depend on it.
  #   popularity { app = [ "libssl" "libz" ]; libssl = [ "libz" ]; libz = [ ]; }
  #     gives { app = 0; libssl = 1; libz = 2; }
  popularity = graph: builtins.mapAttrs (path: references: 0) graph;

  # The paths, most popular first; equally popular ones in the order of their names.
  ranked = graph: builtins.attrNames graph;

  # The store layers (lists of paths, bottom first; the customisation layer is not in
  # it) of an image with at most `maxLayers` layers, on a base image with `baseLayers`.
  plan = { graph, maxLayers, baseLayers ? 0 }: [ (ranked graph) ];
}
