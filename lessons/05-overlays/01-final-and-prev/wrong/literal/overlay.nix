# hello = prev.hello.overrideAttrs (old: { doCheck = false; });
# greeting = final.writeShellScriptBin "greeting" ''${final.hello}/bin/hello -g "Hello, overlays!"'';
final: prev: {
  hello = prev.hello.overrideAttrs (old: {
    doCheck = false;
  });
  greeting = final.writeShellScriptBin "greeting" ''
    /nix/store/a2ki5jiyjbcw2wpd2hnwyn38yhqy7jv0-hello-2.12.1/bin/hello -g "Hello, overlays!"
  '';
}
