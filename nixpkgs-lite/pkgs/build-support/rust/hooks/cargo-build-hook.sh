cargoBuildHook() {
  runHook preBuild
  cargo build --frozen --profile "${cargoBuildType:-release}" ${cargoBuildNoDefaultFeatures:+--no-default-features} ${cargoBuildFeatures:+--features "$cargoBuildFeatures"}
  runHook postBuild
}
buildPhase=cargoBuildHook
