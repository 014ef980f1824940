# Older code names the two arguments self and super: only the names differ.
self: super: {
  hello = super.hello.overrideAttrs { doCheck = false; };
  greeting = self.writeShellScriptBin "greeting" ''
    ${self.hello}/bin/hello -g "Hello, overlays!"
  '';
}
