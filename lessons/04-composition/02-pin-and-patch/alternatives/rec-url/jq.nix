# The version written once in a let; the old-attributes form of overrideAttrs.
{ jq, fetchurl }:
let
  version = "1.7.0";
in
jq.overrideAttrs (old: {
  inherit version;
  src = fetchurl {
    url = "https://github.com/jqlang/jq/releases/download/jq-${version}/jq-${version}.tar.gz";
    hash = "sha256-AcXXthfsodgxN1CUPhE7yLfpWIyX8R3fb7bxu3ziItw=";
  };
  patches = old.patches or [ ] ++ [ ./CVE-2024-23337.patch ];
})
