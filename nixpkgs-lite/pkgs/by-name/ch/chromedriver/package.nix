# chromedriver, from the Chromium project's prebuilt release (nixpkgs builds it from source, which
# takes hours; the derivation's shape is what matters here).
{
  lib,
  stdenv,
  fetchurl,
  glibc,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "chromedriver";
  version = "156.0.8078.73";

  src = fetchurl {
    url = "https://commondatastorage.googleapis.com/chromium-browser-snapshots/Linux_x64/${finalAttrs.version}/chromedriver-linux.zip";
    hash = "sha256-Jp1ct9MoxQnkcV56/Q0XNbQasEs9aKhLHGH/5gfZ1yk=";
  };

  buildInputs = [ glibc ];
  dontConfigure = true;
  dontBuild = true;
  installPhase = ''
    mkdir -p $out/bin
    cp -r . $out/libexec
    ln -s $out/libexec/chromedriver $out/bin/chromedriver
  '';

  meta = {
    description = "A WebDriver server for driving Chromium";
    homepage = "https://www.chromium.org/";
    license = lib.licenses.bsd3;
    platforms = lib.platforms.linux;
    mainProgram = "chromedriver";
  };
})
