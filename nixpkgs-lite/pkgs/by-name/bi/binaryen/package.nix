# binaryen: the WebAssembly optimizer (wasm-opt) and toolchain library.
{
  lib,
  stdenv,
  fetchFromGitHub,
  python3,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "binaryen";
  version = "123";

  src = fetchFromGitHub {
    owner = "WebAssembly";
    repo = "binaryen";
    tag = "version_${finalAttrs.version}";
    hash = "sha256-iGWCvb8LMDw20QOny9q/qkhPxvq09J3MqOALlW1CUYw=";
  };

  nativeBuildInputs = [ python3 ];
  enableParallelBuilding = true;

  meta = {
    description = "Compiler infrastructure and toolchain library for WebAssembly, in C++";
    homepage = "https://github.com/WebAssembly/binaryen";
    license = lib.licenses.asl20;
    platforms = lib.platforms.all;
    mainProgram = "wasm-opt";
  };
})
