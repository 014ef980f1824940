{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  file = importWith { "probe.nix" = "./variants.nix"; } "probe.nix";
  isFn = check.isFn files."variants.nix";
  # A hidden curl without zlib: the variants must start from the curl they are given.
  given = pkgs.curl.override { zlibSupport = false; };
  v = if isFn then pkgs.callPackage file { curl = given; } else { };
  safe = x: let r = builtins.tryEval (builtins.deepSeq x x); in if r.success then r.value else "does not evaluate";
  get = n: if builtins.isAttrs v then v.${n} or null else null;
  inputs = d: if check.isRealDerivation d then builtins.sort builtins.lessThan (map (x: x.pname or x.name) d.drvAttrs.buildInputs) else null;
  flags = d: if check.isRealDerivation d then d.drvAttrs.configureFlags or [ ] else null;
  givenFlags = given.drvAttrs.configureFlags;
  tinyFlags = (given.override { withSsl = false; http2Support = false; }).drvAttrs.configureFlags;
in
[
  { name = "variants.nix is a function of curl giving tiny, debug and tinyDebug"; hint = 1;
    ok = isFn && builtins.all (n: safe (check.isRealDerivation (get n)) == true) [ "tiny" "debug" "tinyDebug" ]; }
  { name = "tiny has neither openssl nor nghttp2 as an input"; hint = 1; expected = [ ]; actual = safe (inputs (get "tiny")); }
  { name = "tiny is configured without them"; hint = 1; expected = tinyFlags; actual = safe (flags (get "tiny")); }
  { name = "debug keeps curl's own flags and adds --enable-debug"; hint = 2;
    ok = safe (flags (get "debug")) == givenFlags ++ [ "--enable-debug" ];
    message = "Add to old.configureFlags (curl's own flags, store paths included) instead of replacing them."; }
  { name = "debug keeps curl's inputs"; hint = 2; expected = inputs given; actual = safe (inputs (get "debug")); }
  { name = "tinyDebug has both changes"; hint = 3;
    ok = safe [ (inputs (get "tinyDebug")) (flags (get "tinyDebug")) ] == [ [ ] (tinyFlags ++ [ "--enable-debug" ]) ]; }
]
