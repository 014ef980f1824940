final: prev: {
  jq = final.callPackage ./jq-sorted.nix { jq = prev.jq; };
  curl = prev.curl.overrideAttrs (old: {
    configureFlags = [ "--disable-ldap" ];
  });
}
