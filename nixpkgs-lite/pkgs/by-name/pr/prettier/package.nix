# Prettier, a Node.js program: its npm dependencies are downloaded by a fixed-output
# derivation whose hash is `npmDepsHash`.
{
  lib,
  buildNpmPackage,
  fetchFromGitHub,
}:
buildNpmPackage rec {
  pname = "prettier";
  version = "3.4.2";

  src = fetchFromGitHub {
    owner = "prettier";
    repo = "prettier";
    rev = version;
    hash = "sha256-/2Fkar4A3wLtCp0B9cjHRIHYSWh84aS/4mvm+bRR1MY=";
  };

  npmDepsHash = "sha256-N+Z8pYvHsLQ60WGxRoL0KtHqyD1FKeioO4jGsNkGLAI=";

  meta = {
    description = "Code formatter";
    homepage = "https://prettier.io/";
    license = lib.licenses.mit;
    mainProgram = "prettier";
  };
}
