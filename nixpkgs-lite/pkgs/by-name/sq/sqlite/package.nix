{
  lib,
  stdenv,
  fetchurl,
  zlib,
  readline,
  ncurses,
  interactive ? false,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "sqlite";
  version = "3.47.2";

  src = fetchurl {
    url = "https://sqlite.org/2024/sqlite-autoconf-3470200.tar.gz";
    hash = "sha256-V9/RNj+SmEf23BqPPvn/pIPN6mPusl9X3TD8wODwQi0=";
  };

  outputs = [ "bin" "dev" "out" ];
  buildInputs = [ zlib ] ++ lib.optionals interactive [ readline ncurses ];
  configureFlags = [ "--enable-threadsafe" ] ++ lib.optional interactive "--enable-readline";
  env.NIX_CFLAGS_COMPILE = "-DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE";
  enableParallelBuilding = true;

  meta = {
    description = "Self-contained, serverless, zero-configuration, transactional SQL database engine";
    homepage = "https://www.sqlite.org/";
    license = lib.licenses.publicDomain;
    platforms = lib.platforms.unix;
    mainProgram = "sqlite3";
  };
})
