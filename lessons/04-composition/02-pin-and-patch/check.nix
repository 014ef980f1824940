{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  file = importWith { "probe.nix" = "./jq.nix"; } "probe.nix";
  patch = importWith { "probe.nix" = "./CVE-2024-23337.patch"; } "probe.nix";
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  call = jq: if check.isFn files."jq.nix" then pkgs.callPackage file { inherit jq; } else null;
  mine = call pkgs.jq;
  # A hidden jq that already carries a patch of its own.
  patchedJq = pkgs.jq.overrideAttrs (old: { patches = [ (builtins.toFile "fix-build.patch" "--- a/configure\n+++ b/configure\n") ]; });
  onPatched = call patchedJq;
  names = d: map (p: baseNameOf (toString p)) (d.patches or [ ]);
  reference = pkgs.jq.overrideAttrs (finalAttrs: old: {
    version = "1.7.0";
    src = pkgs.fetchurl {
      url = "https://github.com/jqlang/jq/releases/download/jq-${finalAttrs.version}/jq-${finalAttrs.version}.tar.gz";
      hash = "sha256-AcXXthfsodgxN1CUPhE7yLfpWIyX8R3fb7bxu3ziItw=";
    };
    patches = (old.patches or [ ]) ++ [ patch ];
  });
  diff = safe (check.drvDiff reference mine);
in
[
  { name = "jq 1.7.0"; hint = 1; expected = "jq-1.7.0"; actual = safe (mine.name or null); }
  { name = "its source is the 1.7.0 tarball, with that tarball's hash"; hint = 1;
    expected = [ [ "https://github.com/jqlang/jq/releases/download/jq-1.7.0/jq-1.7.0.tar.gz" ] "sha256-AcXXthfsodgxN1CUPhE7yLfpWIyX8R3fb7bxu3ziItw=" ];
    actual = safe [ (mine.src.urls or null) (mine.src.outputHash or null) ]; }
  { name = "the security patch is applied"; hint = 2;
    ok = builtins.any (n: builtins.match ".*CVE-2024-23337.patch" n != null) (safe (names mine)); }
  { name = "the patches jq already had are kept, yours last"; hint = 2;
    ok = let n = safe (names onPatched); in builtins.isList n && builtins.length n == 2
      && builtins.match ".*fix-build.patch" (builtins.head n) != null && builtins.match ".*CVE-2024-23337.patch" (builtins.elemAt n 1) != null; }
  { name = "everything else is the package set's jq (its outputs, inputs, flags)"; hint = 3;
    expected = [ [ "bin" "dev" "lib" "out" ] true ];
    actual = safe [ (mine.outputs or null) (builtins.elem "--disable-docs" (mine.configureFlags or [ ])) ]; }
  { name = "the derivation is the expected one"; hint = 3; ok = diff == ""; message = diff; reveal = false;
    why = "Compared with jq, overridden with the version, the source and the patch appended."; }
]
