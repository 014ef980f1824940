# zap: a library (libzap.so, zap.h) and its command-line tool (zap).
{ stdenv }:
stdenv.mkDerivation {
  pname = "zap";
  version = "1.0";
  dontUnpack = true;
  buildPhase = ''
    echo 'int zap(void);' > zap.h
    cc -shared -o libzap.so -x c - <<< 'int zap(void) { return 0; }'
    cc -o zap -x c - <<< 'int main(void) { return 0; }'
  '';
  installPhase = ''
    mkdir -p $out/bin $out/include $out/lib
    cp zap $out/bin/
    cp zap.h $out/include/
    cp libzap.so $out/lib/
  '';
}
