{
  lib,
  stdenv,
  fetchurl,
  oniguruma,
  withOniguruma ? true,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "jq";
  version = "1.7.1";

  src = fetchurl {
    url = "https://github.com/jqlang/jq/releases/download/jq-${finalAttrs.version}/jq-${finalAttrs.version}.tar.gz";
    hash = "sha256-VJRhysdtnsKXv2n+/aN/w7HiIr89InOwDdREfmj9ohg=";
  };

  outputs = [ "bin" "dev" "lib" "out" ];
  buildInputs = lib.optional withOniguruma oniguruma;
  configureFlags = [ "--disable-docs" (lib.withFeatureAs withOniguruma "oniguruma" (lib.getDev oniguruma)) ];
  doInstallCheck = true;
  installCheckPhase = ''
    $bin/bin/jq --help > /dev/null
  '';

  meta = {
    description = "Lightweight and flexible command-line JSON processor";
    homepage = "https://jqlang.github.io/jq/";
    license = lib.licenses.mit;
    platforms = lib.platforms.unix;
    mainProgram = "jq";
    maintainers = with lib.maintainers; [ dara ];
  };
})
