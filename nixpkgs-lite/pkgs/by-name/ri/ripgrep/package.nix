# ripgrep, a Rust program: its crates are vendored by a fixed-output derivation whose
# hash is `cargoHash`. PCRE2 support is an optional feature (`withPCRE2`).
{
  lib,
  rustPlatform,
  fetchFromGitHub,
  pkg-config,
  pcre2,
  withPCRE2 ? true,
}:
rustPlatform.buildRustPackage rec {
  pname = "ripgrep";
  version = "14.1.1";

  src = fetchFromGitHub {
    owner = "BurntSushi";
    repo = "ripgrep";
    rev = version;
    hash = "sha256-1b8pCfhN1NE5/4b8auv4foiMz0D19DguoWdEDZx3Oxs=";
  };

  cargoHash = "sha256-nsUd4MNLQlcaMHmoZjAbVfAMjZeDAqNJpbZOvXiocC4=";

  nativeBuildInputs = lib.optional withPCRE2 pkg-config;
  buildInputs = lib.optional withPCRE2 pcre2;
  buildFeatures = lib.optional withPCRE2 "pcre2";

  meta = {
    description = "Utility that combines the usability of The Silver Searcher with the raw speed of grep";
    homepage = "https://github.com/BurntSushi/ripgrep";
    license = with lib.licenses; [ unlicense mit ];
    maintainers = with lib.maintainers; [ chen ];
    mainProgram = "rg";
  };
}
