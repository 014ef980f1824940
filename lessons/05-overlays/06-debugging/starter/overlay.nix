final: prev: {
  hello = final.hello.overrideAttrs { doCheck = false; };
  jq = prev.jq.override { onigurumaSupport = false; };
  jqgrep = final.callPackage ./jqgrep.nix { jq = prev.jq; };
}
