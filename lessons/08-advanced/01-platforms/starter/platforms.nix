# How a package for the platform `host` is built on the platform `build`. Both are
# platform descriptions as `lib.systems.elaborate` takes them: a system double
# ("aarch64-linux"), or a set such as { config = "x86_64-unknown-linux-musl"; } or
# lib.systems.examples.raspberryPi.
let
  lib = import <nixpkgs/lib>;
in
build: host:
{
  # Whether the build needs a cross-compiler.
  cross = false;
  # What the C compiler's commands are prefixed with: "aarch64-unknown-linux-gnu-" when
  # the compiler is called aarch64-unknown-linux-gnu-gcc, "" for a native build.
  prefix = "";
  # Whether the build machine can run the programs it builds (to run their tests, say).
  canRun = true;
}
