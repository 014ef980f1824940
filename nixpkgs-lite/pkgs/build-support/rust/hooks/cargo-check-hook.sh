cargoCheckHook() {
  runHook preCheck
  cargo test --frozen --profile "${cargoCheckType:-release}"
  runHook postCheck
}
checkPhase=cargoCheckHook
