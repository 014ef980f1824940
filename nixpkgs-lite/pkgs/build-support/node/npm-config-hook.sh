npmConfigHook() {
  export npm_config_cache="$npmDeps" npm_config_offline=true
  npm ci --ignore-scripts
  patchShebangs node_modules 2> /dev/null || true
}
addHook postConfigure npmConfigHook
