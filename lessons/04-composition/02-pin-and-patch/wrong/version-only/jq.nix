{ jq, fetchurl }:
jq.overrideAttrs (finalAttrs: old: {
  version = "1.7.0";
  patches = (old.patches or [ ]) ++ [ ./CVE-2024-23337.patch ];
})
