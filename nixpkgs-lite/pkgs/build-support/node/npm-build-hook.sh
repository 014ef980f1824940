npmBuildHook() {
  runHook preBuild
  if [ -z "${dontNpmBuild:-}" ]; then npm run "${npmBuildScript:-build}"; fi
  runHook postBuild
}
buildPhase=npmBuildHook
