# `fetchNpmDeps { src; hash; }`: the npm cache for package-lock.json, downloaded (a
# fixed-output derivation; `hash` is a package's `npmDepsHash`).
{ lib, stdenvNoCC, nodejs, cacert }:
{ src, hash, name ? "npm-deps" }:
stdenvNoCC.mkDerivation {
  inherit name src;
  nativeBuildInputs = [ nodejs cacert ];
  dontConfigure = true;
  buildPhase = ''
    export npm_config_cache="$out"
    npm ci --ignore-scripts --dry-run > /dev/null
    npm cache verify
  '';
  dontInstall = true;
  dontFixup = true;
  outputHashMode = "recursive";
  outputHash = if hash == "" then lib.warn "found empty hash for ${name}, assuming '${lib.fakeHash}'" lib.fakeHash else hash;
  SSL_CERT_FILE = "${cacert}/etc/ssl/certs/ca-bundle.crt";
  impureEnvVars = [ "http_proxy" "https_proxy" "all_proxy" "no_proxy" ];
}
