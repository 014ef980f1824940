# rustc, as the Rust project's prebuilt binaries for the platform (nixpkgs builds rustc
# from source with such a binary as its bootstrap compiler).
{
  lib,
  stdenv,
  fetchurl,
}:
let
  hostTriple = "${lib.head (lib.splitString "-" stdenv.hostPlatform.system)}-unknown-linux-gnu";
in
stdenv.mkDerivation (finalAttrs: {
  pname = "rustc";
  version = "1.83.0";

  src = fetchurl {
    url = "https://static.rust-lang.org/dist/rustc-${finalAttrs.version}-${hostTriple}.tar.xz";
    hash = "sha256-Oiv/+UinJIhwKMwP6qMmGPUojKxfaylbbYuUofC38aM=";
  };

  dontConfigure = true;
  dontBuild = true;
  installPhase = ''
    ./install.sh --prefix=$out --disable-ldconfig
  '';

  meta = {
    description = "Safe, concurrent, practical language (the compiler)";
    homepage = "https://www.rust-lang.org/";
    license = with lib.licenses; [ mit asl20 ];
    platforms = [ "x86_64-linux" "aarch64-linux" ];
    mainProgram = "rustc";
  };
})
