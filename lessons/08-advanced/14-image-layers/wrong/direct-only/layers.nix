# The store layers of a layered image, worked out from its reference graph: a set with
# one attribute per store path, naming the paths it refers to (see graph.nix), e.g.
#   { app = [ "libssl" "libz" ]; libssl = [ "libz" ]; libz = [ ]; }
let
  lib = import <nixpkgs/lib>;
in
rec {
  # Every path `path` depends on, directly or through others (itself left out).
  below = graph: path:
    builtins.filter (p: p != path) (map (item: item.key) (builtins.genericClosure {
      startSet = [ { key = path; } ];
      operator = item: map (p: { key = p; }) graph.${item.key};
    }));

  # For each path of the graph: how many other paths of the graph depend on it.
  #   popularity { app = [ "libssl" "libz" ]; libssl = [ "libz" ]; libz = [ ]; }
  #     gives { app = 0; libssl = 1; libz = 2; }
  popularity = graph:
    builtins.mapAttrs
      (path: _: builtins.length (builtins.filter (other: builtins.elem path graph.${other}) (builtins.attrNames graph)))
      graph;

  # The paths, most popular first; equally popular ones in the order of their names.
  ranked = graph:
    let score = popularity graph; in
    builtins.sort
      (a: b: if score.${a} != score.${b} then score.${a} > score.${b} else a < b)
      (builtins.attrNames graph);

  # The store layers (lists of paths, bottom first; the customisation layer is not in
  # it) of an image with at most `maxLayers` layers, on a base image with `baseLayers`.
  plan = { graph, maxLayers, baseLayers ? 0 }:
    let
      available = maxLayers - baseLayers - 1;
      paths = ranked graph;
      alone = available - 1;
    in
    if available < 1 then
      throw "maxLayers = ${toString maxLayers} leaves no layer for the contents (the base image has ${toString baseLayers}, the customisation layer takes one)"
    else
      map (path: [ path ]) (lib.take alone paths)
      ++ lib.optional (builtins.length paths > alone) (lib.drop alone paths);
}
