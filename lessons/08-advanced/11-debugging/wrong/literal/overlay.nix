# configureFlags = old.configureFlags ++ [ "--disable-ldap" ];
final: prev: {
  jq = final.callPackage ./jq-sorted.nix { jq = prev.jq; };
  curl = prev.curl.overrideAttrs (old: {
    # The flags the trace printed, pasted.
    configureFlags = [
      "--with-openssl=/nix/store/h7yqm9yg6m7gkmyhim8h57bq9is197sq-openssl-3.3.2-dev"
      "--with-zlib"
      "--with-nghttp2"
      "--disable-manual"
      "--disable-ldap"
    ];
  });
}
