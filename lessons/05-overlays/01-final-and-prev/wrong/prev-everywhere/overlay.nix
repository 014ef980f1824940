final: prev: {
  hello = prev.hello.overrideAttrs (old: {
    doCheck = false;
  });
  greeting = prev.writeShellScriptBin "greeting" ''
    ${prev.hello}/bin/hello -g "Hello, overlays!"
  '';
}
