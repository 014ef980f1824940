# `buildNpmPackage { pname; version; src; npmDepsHash; ... }`: a Node.js package built
# with npm, its dependencies prefetched by `fetchNpmDeps` (hash: `npmDepsHash`).
{ lib, stdenv, nodejs, fetchNpmDeps, npmHooks }:
{
  pname,
  version,
  src,
  npmDepsHash ? null,
  npmDeps ? null,
  npmBuildScript ? "build",
  dontNpmBuild ? false,
  nativeBuildInputs ? [ ],
  meta ? { },
  passthru ? { },
  ...
}@args:
let
  deps =
    if npmDeps != null then npmDeps
    else if npmDepsHash != null then fetchNpmDeps { inherit src; name = "${pname}-${version}-npm-deps"; hash = npmDepsHash; }
    else throw "buildNpmPackage (${pname}): npmDepsHash or npmDeps must be set (start with `npmDepsHash = lib.fakeHash;`).";
in
stdenv.mkDerivation (builtins.removeAttrs args [ "npmDepsHash" ] // {
  npmDeps = deps;
  inherit npmBuildScript dontNpmBuild;
  nativeBuildInputs = [ nodejs npmHooks.npmConfigHook npmHooks.npmBuildHook npmHooks.npmInstallHook ] ++ nativeBuildInputs;
  passthru = { npmDeps = deps; } // passthru;
  meta = { platforms = nodejs.meta.platforms or lib.platforms.all; } // meta;
})
