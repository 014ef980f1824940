# Test and benchmark overlay 1: a security patch for openssl (a mass rebuild: everything
# that links openssl gets a new output path).
final: prev: {
  openssl = prev.openssl.overrideAttrs (old: {
    patches = (old.patches or [ ]) ++ [ ./openssl-fix-cve.patch ];
  });
}
