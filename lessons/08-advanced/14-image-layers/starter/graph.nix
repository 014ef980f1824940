# The run-time reference graph of an image's contents, as the miniature nixpkgs'
# dockerTools works it out (read-only): a set with one attribute per store path of the
# closure, naming the store paths it refers to.
#
#   graphOf [ pkgs.jq ]
#     gives { "/nix/store/…-jq-1.7.1-bin" = [ "/nix/store/…-jq-1.7.1-lib" ];
#             "/nix/store/…-jq-1.7.1-lib" = [ "/nix/store/…-oniguruma-6.9.10" ];
#             "/nix/store/…-oniguruma-6.9.10" = [ ]; }
#
# nixpkgs builds the contents and asks Nix which paths each output really refers to (Nix
# scans the files for store path hashes). Nothing is built here, so a package is taken to
# refer to what it declares it uses at run time:
#   - its buildInputs and propagatedBuildInputs, each at its library output (`lib` if it
#     has one, else `out`);
#   - its passthru.runtimeDeps, as given;
#   - its package's library output, for any other output (jq's bin refers to jq's lib).
let
  lib = import <nixpkgs/lib>;
  libraryOutput = pkg:
    let outputs = pkg.outputs or [ "out" ]; in
    if builtins.elem "lib" outputs then pkg.lib
    else if builtins.elem "out" outputs then pkg.out
    else pkg;
  references = pkg:
    let own = libraryOutput pkg; in
    lib.optional (own.outPath != pkg.outPath) own
    ++ map libraryOutput (builtins.filter lib.isDerivation ((pkg.buildInputs or [ ]) ++ (pkg.propagatedBuildInputs or [ ])))
    ++ builtins.filter lib.isDerivation (pkg.passthru.runtimeDeps or [ ]);
  # A store path as a plain string (an attribute name cannot refer to a derivation).
  pathOf = pkg: builtins.unsafeDiscardStringContext pkg.outPath;
  node = pkg: { key = pathOf pkg; inherit pkg; };
in
contents:
builtins.listToAttrs (map
  (item: { name = item.key; value = map pathOf (references item.pkg); })
  (builtins.genericClosure {
    startSet = map node contents;
    operator = item: map node (references item.pkg);
  }))
