# The Go toolchain, as the Go project's binary release (nixpkgs builds Go from source
# with such a release as its bootstrap).
{
  lib,
  stdenv,
  fetchurl,
}:
let
  goArch = if stdenv.hostPlatform.isAarch64 then "arm64" else "amd64";
in
stdenv.mkDerivation (finalAttrs: {
  pname = "go";
  version = "1.23.4";

  src = fetchurl {
    url = "https://go.dev/dl/go${finalAttrs.version}.linux-${goArch}.tar.gz";
    hash = "sha256-+0s+rOoIdLEoufeyYvtQRQj4nIdA6n9/yN6oUdFormg=";
  };

  dontConfigure = true;
  dontBuild = true;
  installPhase = ''
    mkdir -p $out/share/go $out/bin
    cp -r . $out/share/go
    ln -s $out/share/go/bin/go $out/share/go/bin/gofmt $out/bin/
  '';
  passthru = { GOARCH = goArch; GOOS = "linux"; };

  meta = {
    description = "Go programming language (the toolchain)";
    homepage = "https://go.dev/";
    license = lib.licenses.bsd3;
    platforms = [ "x86_64-linux" "aarch64-linux" ];
    mainProgram = "go";
  };
})
