# chromium, from the Chromium project's prebuilt release (nixpkgs builds it from source, which
# takes hours; the derivation's shape is what matters here).
{
  lib,
  stdenv,
  fetchurl,
  glibc,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "chromium";
  version = "156.0.8078.73";

  src = fetchurl {
    url = "https://commondatastorage.googleapis.com/chromium-browser-snapshots/Linux_x64/${finalAttrs.version}/chromium-linux.zip";
    hash = "sha256-YcWidtlgvV4x5WL4IQvjTRd/T2iY5uPBoHO66bEbHJU=";
  };

  buildInputs = [ glibc ];
  dontConfigure = true;
  dontBuild = true;
  installPhase = ''
    mkdir -p $out/bin
    cp -r . $out/libexec
    ln -s $out/libexec/chromium $out/bin/chromium
  '';

  meta = {
    description = "An open source web browser from Google";
    homepage = "https://www.chromium.org/";
    license = lib.licenses.bsd3;
    platforms = lib.platforms.linux;
    mainProgram = "chromium";
  };
})
