# report-tool 1.4.0. Everyone who builds this file should get the very same package, but
# every build differs. Make it reproducible:
# - the version is 1.4.0;
# - the source is the release tarball, whose hash the release page publishes:
#     https://example.org/releases/report-tool-1.4.0.tar.gz
#     sha256-pEnJrgYhz9d5x43djodAZPhYUJDa+KREVkbpAYzhTYA=
# - nothing depends on who builds it;
# - the about box still shows a build date (in share/report-tool/BUILD_DATE), but one that
#   comes from SOURCE_DATE_EPOCH.
{ stdenv, fetchurl, runCommand, curl }:
stdenv.mkDerivation {
  pname = "report-tool";
  # A new version for every build, so that nobody mixes two builds up.
  version = "1.4.0-${toString builtins.currentTime}";

  # The release tarball, downloaded by a build step.
  src = runCommand "report-tool-1.4.0.tar.gz" { nativeBuildInputs = [ curl ]; } ''
    curl -L https://example.org/releases/report-tool-1.4.0.tar.gz -o $out
  '';

  # Who built it, for the about box.
  BUILT_BY = builtins.getEnv "USER";

  postInstall = ''
    mkdir -p $out/share/report-tool
    date -u +%Y-%m-%d > $out/share/report-tool/BUILD_DATE
  '';
}
