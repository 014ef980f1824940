{ files, check, ... }:
let
  overlay = files."overlay.nix";
  isOverlay = check.isFn overlay && builtins.isAttrs (check.call overlay [ { } { } ]);
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else null;
  pkgsWith = overlays: import <nixpkgs> { inherit overlays; };
  base = pkgsWith [ ];
  mine = pkgsWith (if isOverlay then [ overlay ] else [ ]);
  # The learner's overlay between hidden ones: before it, one that updates jq and gives
  # curl one more flag; after it... nothing needed. And one that changes openssl, which
  # curl's flags name.
  earlier = final: prev: {
    jq = prev.jq.overrideAttrs { version = "1.8.0"; };
    curl = prev.curl.overrideAttrs (old: { configureFlags = old.configureFlags ++ [ "--with-ca-fallback" ]; });
  };
  newSsl = final: prev: { openssl = prev.openssl.overrideAttrs { version = "3.4.0"; }; };
  stacked = pkgsWith (if isOverlay then [ earlier overlay ] else [ earlier ]);
  rebased = pkgsWith (if isOverlay then [ newSsl overlay ] else [ newSsl ]);

  # The derivations a string refers to (its context).
  refersTo = s: dep: builtins.isString s && builtins.elem dep.drvPath (builtins.attrNames (builtins.getContext s));
  script = pkgs: safe (pkgs.jq.drvAttrs.text or null);
  wraps = pkgs: dep: let t = script pkgs; in builtins.isString t && builtins.match ".*--sort-keys.*" t != null && refersTo t dep;
  flags = pkgs: safe (pkgs.curl.configureFlags or null);
  has = flag: pkgs: let f = flags pkgs; in builtins.isList f && builtins.elem flag f;
  flagsText = pkgs: let f = flags pkgs; in if builtins.isList f then builtins.concatStringsSep " " f else "";
  without = flag: l: builtins.filter (x: x != flag) l;
in
[
  { name = "the overlay is a function final: prev: { … }"; hint = 1; ok = isOverlay; }
  { name = "jq evaluates (no infinite recursion)"; hint = 1;
    ok = builtins.isString (safe mine.jq.drvPath); }
  { name = "jq is the sorting wrapper around the jq from before the overlay"; hint = 2;
    ok = wraps mine base.jq;
    message = "`jq` should be jq-sorted.nix's script, running the jq that existed before this overlay."; }
  { name = "an earlier overlay's jq (1.8.0) is the one wrapped"; hint = 2;
    ok = wraps stacked (pkgsWith [ earlier ]).jq; }
  { name = "curl is configured with --disable-ldap"; hint = 3; ok = has "--disable-ldap" mine; }
  { name = "curl keeps every flag it had (TLS, zlib, HTTP/2, …)"; hint = 3; reveal = false;
    ok = let f = flags mine; in builtins.isList f && without "--disable-ldap" f == base.curl.configureFlags;
    why = "Apart from --disable-ldap, curl's configure flags should be exactly the ones it had before the overlay."; }
  { name = "a flag that an earlier overlay gave curl is kept"; hint = 3;
    ok = has "--with-ca-fallback" stacked && has "--disable-ldap" stacked; }
  { name = "with another openssl, curl's flags name that openssl"; hint = 3;
    ok = refersTo (flagsText rebased) rebased.openssl && !(refersTo (flagsText rebased) base.openssl);
    message = "Take the flags from `old.configureFlags`, which mkDerivation computed from the package set: pasted store paths do not follow a change."; }
]
