# The same plan, written with folds: each path adds one to the count of everything below
# it, a stable sort keeps equally popular paths in the order of their names, and the
# layers are made by position.
let
  lib = import <nixpkgs/lib>;
in
rec {
  # The paths below `path`, added to the set `seen` (a depth-first walk).
  reach = graph: seen: path:
    builtins.foldl'
      (acc: ref: if acc ? ${ref} then acc else reach graph (acc // { ${ref} = true; }) ref)
      seen
      graph.${path};

  popularity = graph:
    builtins.foldl'
      (counts: path: builtins.foldl'
        (c: below: if below == path then c else c // { ${below} = c.${below} + 1; })
        counts
        (builtins.attrNames (reach graph { } path)))
      (builtins.mapAttrs (path: references: 0) graph)
      (builtins.attrNames graph);

  # builtins.sort is stable and attrNames are in order: ties keep the order of names.
  ranked = graph:
    let score = popularity graph; in
    builtins.sort (a: b: score.${a} > score.${b}) (builtins.attrNames graph);

  plan = { graph, maxLayers, baseLayers ? 0 }:
    let
      available = maxLayers - (baseLayers + 1);
      paths = ranked graph;
      count = builtins.length paths;
      alone = lib.min (available - 1) count;
    in
    assert lib.assertMsg (available >= 1) "no layer left for the contents: maxLayers = ${toString maxLayers}";
    builtins.genList (i: [ (builtins.elemAt paths i) ]) alone
    ++ (if count > alone then [ (lib.sublist alone count paths) ] else [ ]);
}
