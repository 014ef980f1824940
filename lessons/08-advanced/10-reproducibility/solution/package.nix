# report-tool 1.4.0. Everyone who builds this file should get the very same package, but
# every build differs. Make it reproducible:
# - the version is 1.4.0;
# - the source is the release tarball, whose hash the release page publishes:
#     https://example.org/releases/report-tool-1.4.0.tar.gz
#     sha256-pEnJrgYhz9d5x43djodAZPhYUJDa+KREVkbpAYzhTYA=
# - nothing depends on who builds it;
# - the about box still shows a build date (in share/report-tool/BUILD_DATE), but one that
#   comes from SOURCE_DATE_EPOCH.
{ stdenv, fetchurl }:
stdenv.mkDerivation {
  pname = "report-tool";
  version = "1.4.0";

  # A fixed-output derivation: allowed to download, because its result is checked
  # against the hash.
  src = fetchurl {
    url = "https://example.org/releases/report-tool-1.4.0.tar.gz";
    hash = "sha256-pEnJrgYhz9d5x43djodAZPhYUJDa+KREVkbpAYzhTYA=";
  };

  # The date the sources give, not the day of the build.
  postInstall = ''
    mkdir -p $out/share/report-tool
    date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d > $out/share/report-tool/BUILD_DATE
  '';
}
