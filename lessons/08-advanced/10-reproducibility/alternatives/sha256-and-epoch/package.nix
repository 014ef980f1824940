# The older `sha256` attribute (the same hash, in Nix's base-32), and the date kept as
# the number of seconds itself.
{ stdenv, fetchurl }:
stdenv.mkDerivation {
  pname = "report-tool";
  version = "1.4.0";
  src = fetchurl {
    url = "https://example.org/releases/report-tool-1.4.0.tar.gz";
    sha256 = "102dw6603sa6ar2a9y6sj185iy34823qxpcdqxwxgkr10spcjjd4";
  };
  installPhase = ''
    runHook preInstall
    mkdir -p $out/share/report-tool
    echo "$SOURCE_DATE_EPOCH" > $out/share/report-tool/BUILD_DATE
    runHook postInstall
  '';
}
