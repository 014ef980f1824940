# `fetchurlBoot`: a download done by Nix itself (the `builtin:fetchurl` builder), needing
# no package at all. The bootstrap uses it before there is a `curl` to fetch with.
{ hostPlatform }:
{ url, hash, name ? baseNameOf url, executable ? false }:
derivation {
  inherit name url executable;
  builder = "builtin:fetchurl";
  system = "builtin";
  outputHash = hash;
  # An executable download is hashed as a file system object (its NAR), else flat.
  outputHashMode = if executable then "recursive" else "flat";
  unpack = false;
  preferLocalBuild = true;
  impureEnvVars = [ "http_proxy" "https_proxy" "ftp_proxy" "all_proxy" "no_proxy" ];
}
