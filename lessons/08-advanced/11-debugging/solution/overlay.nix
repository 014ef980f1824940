# The team's overlay. It should:
# 1. make jq sort object keys by default, for everyone who runs jq (jq-sorted.nix wraps a
#    jq in a script);
# 2. build curl without LDAP support (the configure flag --disable-ldap), otherwise
#    unchanged.
final: prev: {
  # callPackage fills `jq` from the final set, which is this very wrapper: give it the
  # jq from before this overlay instead.
  jq = final.callPackage ./jq-sorted.nix { jq = prev.jq; };

  # Keep the flags curl already had (TLS, zlib, HTTP/2...) and add one.
  curl = prev.curl.overrideAttrs (old: {
    configureFlags = old.configureFlags ++ [ "--disable-ldap" ];
  });
}
