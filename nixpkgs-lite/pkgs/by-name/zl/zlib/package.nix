{
  lib,
  stdenv,
  fetchurl,
  static ? false,
  shared ? true,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "zlib";
  version = "1.3.1";

  src = fetchurl {
    url = "https://zlib.net/fossils/zlib-${finalAttrs.version}.tar.gz";
    hash = "sha256-2czvXrcReLGXMyrFOr3Lo0D0niCdQM7Aj50ymJE4YyU=";
  };

  outputs = [ "out" "dev" ];
  configureFlags = lib.optional static "--static" ++ lib.optional shared "--shared";
  enableParallelBuilding = true;
  doCheck = true;

  meta = {
    description = "Lossless data-compression library";
    homepage = "https://zlib.net";
    license = lib.licenses.zlib;
    platforms = lib.platforms.all;
    maintainers = with lib.maintainers; [ ada ];
  };
})
