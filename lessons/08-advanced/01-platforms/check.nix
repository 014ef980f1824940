{ files, check, ... }:
let
  lib = import <nixpkgs/lib>;
  ex = lib.systems.examples;
  f = files."platforms.nix";
  # The learner's answer for one pair, or null when it is not a set.
  run = build: host: let r = check.call f [ build host ]; in if builtins.isAttrs r then r else null;
  field = name: build: host: check.attr (run build host) name;
  isFunction = check.isFn f && check.isFn (f "x86_64-linux");
in
[
  { name = "platforms.nix is a function of build and host"; hint = 1;
    ok = isFunction && builtins.isAttrs (run "x86_64-linux" "x86_64-linux"); }
  { name = "a build for the machine's own platform is native"; hint = 1;
    expected = [ false false false ];
    actual = [ (field "cross" "x86_64-linux" "x86_64-linux")
               (field "cross" "x86_64-linux" { config = "x86_64-unknown-linux-gnu"; })
               (field "cross" "aarch64-linux" ex.aarch64-multiplatform) ];
    message = "The same triple on both sides is a native build, however the platform is written."; }
  { name = "a build for another CPU is cross"; hint = 2;
    expected = [ true true true true ];
    actual = [ (field "cross" "x86_64-linux" ex.aarch64-multiplatform)
               (field "cross" "x86_64-linux" ex.riscv64)
               (field "cross" "x86_64-linux" ex.raspberryPi)
               (field "cross" "aarch64-linux" "x86_64-linux") ]; }
  { name = "glibc and musl are two platforms, though they share x86_64-linux"; hint = 2;
    expected = true; actual = field "cross" "x86_64-linux" ex.musl64;
    message = "Compare the triples (`config`), not the system doubles: the double does not say which C library."; }
  { name = "a program the machine can run may still need a cross-compiler"; hint = 2;
    expected = { cross = true; canRun = true; };
    actual = let r = run "x86_64-linux" "i686-linux"; in { cross = check.attr r "cross"; canRun = check.attr r "canRun"; };
    message = "An x86_64 machine runs i686 programs, but its compiler makes x86_64 code: building for i686 takes an i686 compiler."; }
  { name = "the compiler is prefixed with the host's triple"; hint = 3;
    expected = [ "" "aarch64-unknown-linux-gnu-" "armv7l-unknown-linux-gnueabihf-" "x86_64-w64-mingw32-" "x86_64-unknown-linux-musl-" "x86_64-unknown-linux-gnu-" ];
    actual = [ (field "prefix" "x86_64-linux" "x86_64-linux")
               (field "prefix" "x86_64-linux" ex.aarch64-multiplatform)
               (field "prefix" "x86_64-linux" "armv7l-linux")
               (field "prefix" "x86_64-linux" ex.mingwW64)
               (field "prefix" "x86_64-linux" ex.musl64)
               (field "prefix" "aarch64-linux" "x86_64-linux") ]; }
  { name = "canRun: same kernel, and a CPU that runs the host's code"; hint = 3;
    expected = [ true true true false false false false false ];
    actual = [ (field "canRun" "x86_64-linux" "x86_64-linux")
               (field "canRun" "x86_64-linux" "i686-linux")
               (field "canRun" "x86_64-linux" ex.musl64)
               (field "canRun" "x86_64-linux" ex.aarch64-multiplatform)
               (field "canRun" "i686-linux" "x86_64-linux")
               (field "canRun" "x86_64-linux" "x86_64-darwin")
               (field "canRun" "x86_64-linux" ex.mingwW64)
               (field "canRun" "aarch64-linux" "x86_64-linux") ]; }
]
