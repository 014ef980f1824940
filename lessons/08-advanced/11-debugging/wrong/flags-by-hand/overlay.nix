final: prev: {
  jq = final.callPackage ./jq-sorted.nix { jq = prev.jq; };
  curl = prev.curl.overrideAttrs (old: {
    configureFlags = [
      "--with-openssl=${prev.lib.getDev final.openssl}"
      "--with-zlib"
      "--with-nghttp2"
      "--disable-manual"
      "--disable-ldap"
    ];
  });
}
