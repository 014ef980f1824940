# jq pinned to 1.7.0 (its tarball's hash: sha256-AcXXthfsodgxN1CUPhE7yLfpWIyX8R3fb7bxu3ziItw=), with
# ./CVE-2024-23337.patch applied on top of whatever patches jq already has.
{ jq, fetchurl }:
jq.overrideAttrs (finalAttrs: old: {
  version = "1.7.0";
  src = fetchurl {
    url = "https://github.com/jqlang/jq/releases/download/jq-${finalAttrs.version}/jq-${finalAttrs.version}.tar.gz";
    hash = "sha256-AcXXthfsodgxN1CUPhE7yLfpWIyX8R3fb7bxu3ziItw=";
  };
  patches = (old.patches or [ ]) ++ [ ./CVE-2024-23337.patch ];
})
