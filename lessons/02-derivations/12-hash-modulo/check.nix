{ files, check, ... }:
let
  m = files."main.nix";
  get = name: let v = check.attr m name; in if check.isRealDerivation v then v else null;
  viaCurl = get "viaCurl";
  viaMirror = get "viaMirror";
  fromCurl = get "fromCurl";
  fromMirror = get "fromMirror";
  modulo = check.attr m "modulo";

  isFixed = d: d != null && (d.outputHash or null) == builtins.hashString "sha256" "hello\n";
  # The derivations a user's arguments name, read from the context of its strings.
  inputsOf = d: if d == null then { } else builtins.getContext (builtins.concatStringsSep " " (d.args or [ ]));
  uses = user: src: user != null && src != null && builtins.hasAttr (builtins.unsafeDiscardStringContext src.drvPath) (inputsOf user);

  # Hidden fixed-output derivations for `modulo`.
  fixed = name: content: command: derivation {
    inherit name;
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" command ];
    outputHashMode = "flat";
    outputHashAlgo = "sha256";
    outputHash = builtins.hashString "sha256" content;
  };
  hiddenA = fixed "data.csv" "a,b\n1,2\n" "curl -o $out https://example.com/data.csv";
  hiddenB = fixed "data.csv" "a,b\n1,2\n" "cp /mnt/cache/data.csv $out";
  hiddenC = fixed "notes.txt" "remember\n" "wget -O $out https://example.com/notes.txt";
  reference = fod: builtins.hashString "sha256" "fixed:out:sha256:${fod.outputHash}:${fod.outPath}";
  moduloOf = fod: if check.isFn modulo then modulo fod else null;
in
[
  { name = "viaMirror is a fixed-output derivation with the same hash"; hint = 1;
    ok = isFixed viaCurl && isFixed viaMirror;
    message = "Give `viaMirror` the same `outputHashMode`, `outputHashAlgo` and `outputHash` as `viaCurl`."; }
  { name = "viaMirror fetches another way"; hint = 1;
    ok = viaCurl != null && viaMirror != null && viaMirror.args != viaCurl.args && viaMirror.drvPath != viaCurl.drvPath;
    message = "Change the command (tool, URL): a copy of `viaCurl` teaches nothing."; }
  { name = "both fetchers have the same output path"; hint = 1;
    ok = viaCurl != null && viaMirror != null && viaMirror.outPath == viaCurl.outPath;
    reveal = false; why = "A fixed-output derivation's path comes from its name and declared hash only: check `name` and the `outputHash…` attributes."; }
  { name = "fromMirror is built from viaMirror"; hint = 2;
    ok = uses fromMirror viaMirror && uses fromCurl viaCurl;
    message = "`fromMirror` must use `viaMirror` itself (interpolated by `shout`), so that the context of its arguments names `viaMirror`'s .drv."; }
  { name = "fromMirror and fromCurl have the same output path"; hint = 2;
    ok = uses fromMirror viaMirror && fromMirror.outPath == fromCurl.outPath;
    reveal = false; why = "With inputs that are fixed-output derivations of the same hash, the users' output paths are equal: make `fromMirror` exactly `shout viaMirror`."; }
  { name = "…while their .drv files differ: each names its own fetcher"; hint = 2;
    ok = uses fromMirror viaMirror && uses fromCurl viaCurl && fromMirror.drvPath != fromCurl.drvPath; }
  { name = "modulo ignores how a fixed-output derivation is built"; hint = 3;
    ok = moduloOf hiddenA != null && moduloOf hiddenA == moduloOf hiddenB; }
  { name = "modulo is the hash Nix puts in the users' place"; hint = 3;
    ok = moduloOf hiddenA == reference hiddenA && moduloOf hiddenC == reference hiddenC;
    reveal = false; why = "It is the SHA-256, in hexadecimal, of `fixed:out:sha256:` + the hexadecimal hash + `:` + the output path."; }
]
