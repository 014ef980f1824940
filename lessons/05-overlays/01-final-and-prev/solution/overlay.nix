# An overlay: a function from the final package set and the previous one to the
# attributes it adds or replaces.
final: prev: {
  # 1. hello, without running its test suite (doCheck = false), otherwise unchanged.
  hello = prev.hello.overrideAttrs (old: {
    doCheck = false;
  });

  # 2. greeting: a script `greeting` that runs hello's program with -g "Hello, overlays!".
  greeting = final.writeShellScriptBin "greeting" ''
    ${final.hello}/bin/hello -g "Hello, overlays!"
  '';
}
