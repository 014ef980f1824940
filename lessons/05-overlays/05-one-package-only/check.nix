{ files, importWith, check, ... }:
let
  overlay = files."overlay.nix";
  isOverlay = check.isFn overlay && builtins.isAttrs (check.call overlay [ { } { } ]);
  plain = import <nixpkgs> { };
  pkgs = if isOverlay then import <nixpkgs> { overlays = [ overlay ]; } else plain;
  # An earlier overlay that already patches openssl: curl's openssl must build on it.
  earlier = final: prev: { openssl = prev.openssl.overrideAttrs (old: { patches = (old.patches or [ ]) ++ [ (builtins.toFile "earlier.patch" "") ]; }); };
  stacked = if isOverlay then import <nixpkgs> { overlays = [ earlier overlay ]; } else plain;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  patchNames = d: map (p: builtins.baseNameOf (toString p)) (d.drvAttrs.patches or [ ]);
  curlSsl = p: p.curl.passthru.openssl or p.curl.openssl or null;
  same = name: pkgs.${name}.drvPath == plain.${name}.drvPath;
  others = [ "openssl" "nodejs" "python3" "libevent" "nghttp2" "hello" ];
in
[
  { name = "the overlay is a function final: prev: { … }"; hint = 1; ok = isOverlay; }
  { name = "curl's openssl has the FIPS patch, after its own"; hint = 2;
    ok = safe (let n = patchNames (curlSsl pkgs); in n != [ ] && builtins.match ".*openssl-fips.patch" (pkgs.lib.last n) != null) == true; }
  { name = "curl is rebuilt against it"; hint = 2; ok = safe (!(same "curl")) == true; }
  { name = "openssl itself is unchanged"; hint = 1; ok = safe (same "openssl") == true;
    message = "Replacing openssl in the overlay rebuilds every package that uses it."; }
  { name = "packages that use openssl but not curl are unchanged"; hint = 1;
    expected = [ ]; actual = safe (builtins.filter (n: !(same n)) (builtins.tail others)); }
  { name = "curl's openssl builds on the openssl of earlier overlays"; hint = 3;
    ok = safe (builtins.length (patchNames (curlSsl stacked)) == builtins.length (patchNames stacked.openssl) + 1) == true; }
]
