# cargo, as the Rust project's prebuilt binaries for the platform (nixpkgs builds rustc
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
  pname = "cargo";
  version = "1.83.0";

  src = fetchurl {
    url = "https://static.rust-lang.org/dist/cargo-${finalAttrs.version}-${hostTriple}.tar.xz";
    hash = "sha256-Ei2PHjJYc2jQqKb1k9AJLIlKRTBbaJq+qFmXWKcStm0=";
  };

  dontConfigure = true;
  dontBuild = true;
  installPhase = ''
    ./install.sh --prefix=$out --disable-ldconfig
  '';

  meta = {
    description = "Downloads your Rust project's dependencies and builds your project";
    homepage = "https://doc.rust-lang.org/cargo/";
    license = with lib.licenses; [ mit asl20 ];
    platforms = [ "x86_64-linux" "aarch64-linux" ];
    mainProgram = "cargo";
  };
})
