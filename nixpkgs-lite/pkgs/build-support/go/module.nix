# `buildGoModule { pname; version; src; vendorHash; ... }`: a Go module. Its dependencies
# (go.sum) are downloaded by a fixed-output derivation whose hash is `vendorHash`;
# `vendorHash = null` means the sources vendor them already.
{ lib, stdenv, go, git, cacert }:
{
  pname,
  version,
  src,
  vendorHash ? throw "buildGoModule (${args.pname or "?"}): vendorHash is missing (use lib.fakeHash, or null if the sources vendor their dependencies)",
  subPackages ? [ ],
  ldflags ? [ ],
  tags ? [ ],
  nativeBuildInputs ? [ ],
  meta ? { },
  passthru ? { },
  ...
}@args:
let
  goModules =
    if vendorHash == null then null
    else stdenv.mkDerivation {
      name = "${pname}-${version}-go-modules";
      inherit src;
      nativeBuildInputs = [ go git cacert ];
      dontConfigure = true;
      buildPhase = ''
        export GOCACHE=$TMPDIR/go-cache GOPATH=$TMPDIR/go
        go mod vendor
      '';
      installPhase = ''
        cp -r vendor "$out"
      '';
      dontFixup = true;
      outputHashMode = "recursive";
      outputHash = if vendorHash == "" then lib.warn "found empty hash for ${pname}'s vendorHash, assuming '${lib.fakeHash}'" lib.fakeHash else vendorHash;
      SSL_CERT_FILE = "${cacert}/etc/ssl/certs/ca-bundle.crt";
      impureEnvVars = [ "http_proxy" "https_proxy" "all_proxy" "no_proxy" "GOPROXY" ];
    };
in
stdenv.mkDerivation (builtins.removeAttrs args [ "vendorHash" ] // {
  nativeBuildInputs = [ go ] ++ nativeBuildInputs;
  inherit goModules subPackages ldflags tags;
  CGO_ENABLED = args.CGO_ENABLED or "0";
  GOFLAGS = "-mod=vendor -trimpath";
  configurePhase = args.configurePhase or ''
    export GOCACHE=$TMPDIR/go-cache GOPATH=$TMPDIR/go
    ${lib.optionalString (vendorHash != null) ''cp -r --no-preserve=mode "$goModules" vendor''}
  '';
  buildPhase = args.buildPhase or ''
    runHook preBuild
    go install -ldflags="$ldflags" -tags="$tags" ''${subPackages:-./...}
    runHook postBuild
  '';
  installPhase = args.installPhase or ''
    runHook preInstall
    mkdir -p "$out"
    cp -r "$GOPATH/bin" "$out/"
    runHook postInstall
  '';
  passthru = { inherit goModules; } // passthru;
  meta = { platforms = go.meta.platforms or lib.platforms.all; } // meta;
})
