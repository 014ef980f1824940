# `override` changes a package's function arguments (its dependencies and features),
# `overrideAttrs` the attributes given to mkDerivation; each changes exactly that.
let
  pkgs = import <nixpkgs> { };
  inherit (pkgs) lib curl hello;
  pnames = drvs: map (d: d.pname) drvs;
  # The derivation attributes that differ between two packages.
  changed = a: b: builtins.attrNames (lib.filterAttrs (n: v: (a.drvAttrs.${n} or null) != v) b.drvAttrs);
  noHttp2 = curl.override { http2Support = false; };
  noHttp2NoSsl = noHttp2.override { withSsl = false; };
  renamed = curl.overrideAttrs (old: { pname = "mycurl"; });
in
{
  default = pnames curl.buildInputs;
  noHttp2 = pnames noHttp2.buildInputs;
  accumulates = pnames noHttp2NoSsl.buildInputs;
  # `old` holds the arguments callPackage passed (not the defaults of the others).
  functionForm = builtins.elem "zlib" (builtins.head (curl.override (old: { openssl = old.openssl.override { withZlib = true; }; })).buildInputs).configureFlags;
  overrideChanges = changed curl noHttp2;
  overrideAttrsChanges = changed curl renamed;
  keptAcrossOverride = (renamed.override { http2Support = false; }).name;
  keptAcrossOverrideAttrs = pnames (noHttp2.overrideAttrs (old: { doCheck = true; })).buildInputs;
  oldForm = (hello.overrideAttrs (old: { pname = old.pname + "-patched"; })).name;
  finalForm = (hello.overrideAttrs (finalAttrs: previousAttrs: { version = "2.10"; })).src.urls;
  setForm = (hello.overrideAttrs { doCheck = false; }).doCheck;
  untouched = hello.name;
}
