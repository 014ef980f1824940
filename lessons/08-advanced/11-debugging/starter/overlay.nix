# The team's overlay. It should:
# 1. make jq sort object keys by default, for everyone who runs jq (jq-sorted.nix wraps a
#    jq in a script);
# 2. build curl without LDAP support (the configure flag --disable-ldap), otherwise
#    unchanged.
# Evaluating a package from it fails. Once that is fixed, curl quietly loses its TLS.
final: prev: {
  jq = final.callPackage ./jq-sorted.nix { };

  curl = prev.curl.overrideAttrs (old: {
    configureFlags = [ "--disable-ldap" ];
  });
}
