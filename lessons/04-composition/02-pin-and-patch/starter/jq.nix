# jq pinned to 1.7.0 (its tarball's hash: sha256-AcXXthfsodgxN1CUPhE7yLfpWIyX8R3fb7bxu3ziItw=), with
# ./CVE-2024-23337.patch applied on top of whatever patches jq already has.
{ jq, fetchurl }:
jq
