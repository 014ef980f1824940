{ files, check, ... }:
let
  m = files."main.nix";
  get = name: check.attr m name;
  waits = drv: norm (check.call (get "waitsFor") [ drv ]);
  # The learner's list as a set of names: order and repetitions do not matter.
  norm = l:
    if builtins.isList l && builtins.all builtins.isString l
    then builtins.attrNames (builtins.listToAttrs (map (n: { name = n; value = true; }) l))
    else l;

  d = args: derivation ({ system = "x86_64-linux"; builder = "/bin/sh"; } // args);
  isStorePath = p: builtins.isString p && builtins.substring 0 11 p == "/nix/store/";
  hash = s: builtins.convertHash { hash = builtins.hashString "sha256" s; hashAlgo = "sha256"; toHashFormat = "sri"; };

  # The chain of the exercise, as it should be.
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
  # The later steps, each on the input given (to compare the learner's steps with).
  appOn = lib: d { name = "app"; inherit lib; args = [ "-c" "cc -I$lib/include -L$lib/lib -lgreet app.c -o $out" ]; };
  tarballOn = app: d {
    name = "app.tar.gz";
    inherit app;
    args = [ "-c" "tar czf $out -C $app ." ];
    outputHash = "sha256-jhMZbmNRdJ1SOmkL2dZBTzg6l//+rvG9BaYNrVHr/F8=";
  };
  siteOn = tarball: d { name = "site"; inherit tarball; args = [ "-c" "mkdir $out && cp $tarball $out/app.tar.gz" ]; };

  yours = map get [ "src" "lib" "app" "tarball" "site" ];
  learnerLib = get "lib";

  # Hidden derivations.
  ca = name: args: d ({ inherit name; __contentAddressed = true; } // args);
  ia = name: args: d ({ inherit name; } // args);
  fixed = name: args: d ({ inherit name; outputHash = hash name; } // args);
  # A content-addressed derivation with two outputs, used through one of them.
  zlib = ca "zlib" { outputs = [ "out" "dev" ]; };
  perl = ia "perl" { };
  openssl = ia "openssl" { buildInputs = [ zlib.dev perl ]; };
  curl = ia "curl" { inherit openssl; };
  # A derivation that is content-addressed and also declares its hash: a fixed output.
  fixedCa = fixed "fixed-ca" { __contentAddressed = true; };
  # A fixed-output derivation after content-addressed ones.
  icu = ca "icu" { };
  boost = ca "boost" { inherit icu; };
  vendored = fixed "vendor.tar" { deps = [ boost icu ]; };
  tool = ia "tool" { inherit vendored; };
  # Two content-addressed derivations, one of them reached twice.
  base = ca "base" { };
  left = ia "left" { inherit base; };
  right = ca "right" { inherit base; };
  top = ia "top" { inputs = [ left right ]; flag = true; };
  # Input-addressed only, `false` included.
  plain = ia "plain" { dep = ia "plain-dep" { __contentAddressed = false; }; list = [ "x" 1 ]; };

  hidden = [ zlib zlib.dev perl openssl curl fixedCa icu boost vendored tool base left right top plain ];
in
[
  { name = "lib is content-addressed: its output path is a placeholder"; hint = 1;
    ok = check.isRealDerivation learnerLib
      && (learnerLib.drvAttrs.__contentAddressed or null) == true
      && !(isStorePath learnerLib.outPath);
    message = "Give `lib` the attribute `__contentAddressed = true;` (and no declared `outputHash`)."; }
  { name = "lib is otherwise the same recipe"; hint = 1;
    ok = check.drvDiff lib learnerLib == "";
    why = check.drvDiff lib learnerLib; }
  { name = "the rest of the chain is unchanged"; hint = 1;
    ok = builtins.all (x: x == "") (map (p: check.drvDiff p.want p.got) [
      { want = appOn (get "lib"); got = get "app"; }
      { want = tarballOn (get "app"); got = get "tarball"; }
      { want = siteOn (get "tarball"); got = get "site"; }
    ]);
    message = "Only `lib` should change: `app`, `tarball` and `site` stay as they were."; }
  { name = "waitsFor on your chain"; hint = 2;
    expected = [ [ ] [ "libgreet" ] [ "libgreet" ] [ ] [ ] ];
    actual = map (x: if check.isDerivation x then waits x else null) yours; }
  { name = "a content-addressed derivation waits for itself (whichever output you use)"; hint = 2;
    expected = [ [ "zlib" ] [ "zlib" ] [ "icu" ] ];
    actual = map waits [ zlib zlib.dev icu ]; }
  { name = "what depends on one waits too, however far down it is"; hint = 3;
    expected = [ [ "zlib" ] [ "zlib" ] [ "boost" "icu" ] ];
    actual = map waits [ openssl curl boost ];
    message = "An input-addressed path is a hash of its inputs' paths: if one of them is not known, neither is this one. Look inside lists too."; }
  { name = "a fixed-output derivation ends the wait"; hint = 3;
    expected = [ [ ] [ ] [ ] ];
    actual = map waits [ vendored tool fixedCa ];
    message = "A declared `outputHash` decides the path, whatever the inputs and even with `__contentAddressed`."; }
  { name = "every content-addressed derivation on the way counts, once"; hint = 3;
    expected = [ [ "base" ] [ "base" "right" ] [ "base" "right" ] ];
    actual = map waits [ left right top ]; }
  { name = "input-addressed all the way down: nothing to wait for"; hint = 2;
    expected = [ [ ] [ ] ];
    actual = map waits [ perl plain ]; }
  { name = "waitsFor is [ ] exactly when Nix already knows the output path"; hint = 2;
    expected = map (x: isStorePath x.outPath) hidden;
    actual = map (x: waits x == [ ]) hidden; }
]
