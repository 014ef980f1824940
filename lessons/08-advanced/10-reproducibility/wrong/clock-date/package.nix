{ stdenv, fetchurl }:
stdenv.mkDerivation {
  pname = "report-tool";
  version = "1.4.0";
  src = fetchurl {
    url = "https://example.org/releases/report-tool-1.4.0.tar.gz";
    hash = "sha256-pEnJrgYhz9d5x43djodAZPhYUJDa+KREVkbpAYzhTYA=";
  };
  postInstall = ''
    mkdir -p $out/share/report-tool
    date -u +%Y-%m-%d > $out/share/report-tool/BUILD_DATE
  '';
}
