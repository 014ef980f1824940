cargoSetupPostUnpack() {
  mkdir -p .cargo
  cat > .cargo/config.toml <<CONFIG
[source.crates-io]
replace-with = "vendored-sources"
[source.vendored-sources]
directory = "$cargoDeps"
CONFIG
}
addHook postUnpack cargoSetupPostUnpack
