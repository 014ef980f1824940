final: prev: {
  jq = prev.callPackage ./jq-sorted.nix { };
  curl = prev.curl.overrideAttrs (old: {
    configureFlags = old.configureFlags ++ [ "--disable-ldap" ];
  });
}
