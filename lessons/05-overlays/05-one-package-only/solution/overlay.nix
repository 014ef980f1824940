final: prev: {
  curl = prev.curl.override {
    openssl = prev.openssl.overrideAttrs (old: {
      patches = (old.patches or [ ]) ++ [ ./openssl-fips.patch ];
    });
  };
}
