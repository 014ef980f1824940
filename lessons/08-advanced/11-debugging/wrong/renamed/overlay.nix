final: prev: {
  jq-sorted = final.callPackage ./jq-sorted.nix { };
  curl = prev.curl.overrideAttrs (old: {
    configureFlags = old.configureFlags ++ [ "--disable-ldap" ];
  });
}
