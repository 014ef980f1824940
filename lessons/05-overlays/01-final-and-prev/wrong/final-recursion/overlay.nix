final: prev: {
  hello = final.hello.overrideAttrs (old: {
    doCheck = false;
  });
  greeting = final.writeShellScriptBin "greeting" ''
    ${final.hello}/bin/hello -g "Hello, overlays!"
  '';
}
