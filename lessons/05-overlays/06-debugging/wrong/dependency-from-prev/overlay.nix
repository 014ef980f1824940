final: prev: {
  hello = prev.hello.overrideAttrs { doCheck = false; };
  jq = prev.jq.override { withOniguruma = false; };
  jqgrep = final.callPackage ./jqgrep.nix { jq = prev.jq; };
}
