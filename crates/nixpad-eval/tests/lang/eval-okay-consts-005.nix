# Names of some builtins exist
map (n: builtins.hasAttr n builtins) [ "abort" "throw" "tryEval" "seq" "deepSeq" "trace" "import" "scopedImport" "genericClosure" "currentSystem" ]
