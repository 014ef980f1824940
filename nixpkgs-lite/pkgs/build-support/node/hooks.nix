# `npmHooks`: npm's configure (offline install from the prefetched cache), build and
# install phases, as setup hooks.
{ makeSetupHook }:
{
  npmConfigHook = makeSetupHook { name = "npm-config-hook"; meta.description = "npm ci from the prefetched dependencies in $npmDeps"; } ./npm-config-hook.sh;
  npmBuildHook = makeSetupHook { name = "npm-build-hook"; meta.description = "npm run build as the build phase"; } ./npm-build-hook.sh;
  npmInstallHook = makeSetupHook { name = "npm-install-hook"; meta.description = "Installs the package and links its bin entries"; } ./npm-install-hook.sh;
}
