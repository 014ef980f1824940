final: prev: {
  hello = prev.hello // { doCheck = false; };
  greeting = final.writeShellScriptBin "greeting" ''
    ${final.hello}/bin/hello -g "Hello, overlays!"
  '';
}
