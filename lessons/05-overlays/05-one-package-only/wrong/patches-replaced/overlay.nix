final: prev: {
  curl = prev.curl.override {
    openssl = prev.openssl.overrideAttrs (old: {
      patches = [ ./openssl-fips.patch ];
    });
  };
}
