# Adds each host dependency's pkgconfig directories to PKG_CONFIG_PATH.
addPkgConfigPath() {
  addToSearchPath PKG_CONFIG_PATH "$1/lib/pkgconfig"
  addToSearchPath PKG_CONFIG_PATH "$1/share/pkgconfig"
}
addEnvHooks "$hostOffset" addPkgConfigPath
