# The same fixes, written with inherit and a default for a package without flags.
final: prev: {
  jq = final.callPackage ./jq-sorted.nix { inherit (prev) jq; };

  curl = prev.curl.overrideAttrs (old: {
    configureFlags = (old.configureFlags or [ ]) ++ [ "--disable-ldap" ];
  });
}
