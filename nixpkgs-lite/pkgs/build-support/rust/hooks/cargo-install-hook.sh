cargoInstallHook() {
  runHook preInstall
  mkdir -p "$out/bin"
  find "target/${cargoBuildType:-release}" -maxdepth 1 -type f -executable -exec cp {} "$out/bin/" \;
  runHook postInstall
}
installPhase=cargoInstallHook
