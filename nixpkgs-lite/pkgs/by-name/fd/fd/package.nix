# fd, a Rust program (see ripgrep for how Rust packages are built).
{
  lib,
  rustPlatform,
  fetchFromGitHub,
}:
rustPlatform.buildRustPackage rec {
  pname = "fd";
  version = "10.2.0";

  src = fetchFromGitHub {
    owner = "sharkdp";
    repo = "fd";
    rev = "v${version}";
    hash = "sha256-dGNsAok7nrYXbLDNdugqHGtU0iO++rnrx+L6iyEmUUU=";
  };

  cargoHash = "sha256-loxbcZop7GLLpuubLmib2aKys9XA9iy6JLgAygYfBuI=";

  # The tests need a writable home directory.
  doCheck = false;

  meta = {
    description = "Simple, fast and user-friendly alternative to find";
    homepage = "https://github.com/sharkdp/fd";
    license = with lib.licenses; [ asl20 mit ];
    mainProgram = "fd";
  };
}
