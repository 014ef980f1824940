# trunk: builds and bundles Rust web apps (WebAssembly) — itself a Rust program.
{
  lib,
  rustPlatform,
  fetchFromGitHub,
  pkg-config,
  openssl,
}:
rustPlatform.buildRustPackage rec {
  pname = "trunk";
  version = "0.21.14";

  src = fetchFromGitHub {
    owner = "trunk-rs";
    repo = "trunk";
    tag = "v${version}";
    hash = "sha256-bFKYTm2+RfFSTUdFjvCDl8oXIUPYbFEdQtd580QtfwU=";
  };
  cargoHash = "sha256-D/9UUjvhh2CDRXBjg/sHW8nyVURWvCWc4tE9+sneYvw=";

  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ openssl ];
  # The tests need the network.
  doCheck = false;

  meta = {
    description = "Build, bundle and ship your Rust WASM application to the web";
    homepage = "https://trunkrs.dev";
    license = with lib.licenses; [ asl20 mit ];
    mainProgram = "trunk";
  };
}
