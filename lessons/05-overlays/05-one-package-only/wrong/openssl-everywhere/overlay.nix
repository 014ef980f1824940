final: prev: {
  openssl = prev.openssl.overrideAttrs (old: {
    patches = (old.patches or [ ]) ++ [ ./openssl-fips.patch ];
  });
}
