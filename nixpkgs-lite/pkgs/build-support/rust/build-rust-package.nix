# `rustPlatform.buildRustPackage { pname; version; src; cargoHash; ... }`.
{ lib, stdenv, rustc, cargo, fetchCargoVendor, importCargoLock, cargoSetupHook, cargoBuildHook, cargoCheckHook, cargoInstallHook }:
{
  pname,
  version,
  src,
  cargoHash ? null,
  cargoDeps ? null,
  cargoLock ? null,
  buildFeatures ? [ ],
  buildNoDefaultFeatures ? false,
  buildType ? "release",
  nativeBuildInputs ? [ ],
  doCheck ? true,
  meta ? { },
  passthru ? { },
  ...
}@args:
let
  vendored =
    if cargoDeps != null then cargoDeps
    else if cargoLock != null then importCargoLock cargoLock
    else if cargoHash != null then fetchCargoVendor { inherit src; name = "${pname}-${version}-vendor"; hash = cargoHash; }
    else throw "buildRustPackage (${pname}): cargoHash, cargoLock or cargoDeps must be set (start with `cargoHash = lib.fakeHash;` and copy the hash Nix reports).";
in
stdenv.mkDerivation (builtins.removeAttrs args [ "cargoHash" "cargoLock" "buildFeatures" "buildNoDefaultFeatures" "buildType" ] // {
  cargoDeps = vendored;
  cargoBuildType = buildType;
  cargoBuildFeatures = buildFeatures;
  cargoBuildNoDefaultFeatures = buildNoDefaultFeatures;
  nativeBuildInputs = [ cargo rustc cargoSetupHook cargoBuildHook cargoInstallHook ]
    ++ lib.optional doCheck cargoCheckHook ++ nativeBuildInputs;
  inherit doCheck;
  dontConfigure = true;
  passthru = { cargoDeps = vendored; } // passthru;
  meta = { platforms = rustc.meta.platforms or lib.platforms.all; } // meta;
})
