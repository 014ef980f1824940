{ files, check, ... }:
let
  pkgs = import <nixpkgs> { };
  inherit (pkgs) lib dockerTools;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";

  f = files."image.nix";
  imageFor = if check.isFn f then f { inherit lib dockerTools; } else null;
  build = pkg: settings: check.call imageFor [ pkg settings ];
  isImage = v: check.isRealDerivation v && builtins.isAttrs (v.imageConfig or null) && builtins.isList (v.layers or null);
  config = image: if isImage image then image.imageConfig else { };

  # Hidden packages: a server whose program is not named after the package, linked
  # against openssl; one with its programs in a separate `bin` output, linked against
  # zlib; the first again, changed (same name and version, another build).
  mk = attrs: pkgs.stdenv.mkDerivation ({ dontUnpack = true; } // attrs);
  quotes = mk { pname = "quotes"; version = "2.3.0"; buildInputs = [ pkgs.openssl ]; meta.mainProgram = "quotes-server"; };
  relay = mk { pname = "relay"; version = "0.9"; outputs = [ "bin" "out" ]; buildInputs = [ pkgs.zlib ]; meta.mainProgram = "relayd"; };
  patched = quotes.overrideAttrs { configureFlags = [ "--disable-cache" ]; };

  quotesImage = build quotes { port = 9000; env = { QUOTES_FILE = "/data/quotes.txt"; LOG_LEVEL = "debug"; }; args = [ "--workers" "4" ]; };
  relayImage = build relay { port = 7070; };
  rgImage = build pkgs.ripgrep { port = 1; };
  patchedImage = build patched { port = 9000; env = { QUOTES_FILE = "/data/quotes.txt"; LOG_LEVEL = "debug"; }; args = [ "--workers" "4" ]; };

  # The entrypoint is the main program: its store path, or its link at the image's root
  # when the package is in contents.
  inContents = pkg: image: builtins.elem (lib.getBin pkg).outPath (map (p: p.outPath or null) (image.contents or [ ]));
  runsMain = pkg: image:
    let e = (config image).Entrypoint or null; in
    e == [ (lib.getExe pkg) ] || (e == [ "/bin/${pkg.meta.mainProgram}" ] && inContents pkg image);

  sorted = l: if builtins.isList l && builtins.all builtins.isString l then builtins.sort builtins.lessThan l else l;
  ports = image: let p = (config image).ExposedPorts or null; in if builtins.isAttrs p then p else { };
  exposes = port: image:
    let p = ports image; in p == { "${toString port}/tcp" = { }; } || p == { "${toString port}" = { }; };

  # The store paths in an image's layers, without their context.
  pathsOf = image: map builtins.unsafeDiscardStringContext (lib.concatMap (layer: layer.paths or [ ]) (image.layers or [ ]));
  # The closure of the package, as a layered image of it alone has it.
  closureOf = pkg: pathsOf (dockerTools.streamLayeredImage { name = "reference"; contents = [ pkg ]; });
  hasClosure = pkg: image: isImage image && builtins.all (p: builtins.elem p (pathsOf image)) (closureOf pkg);
in
[
  { name = "image.nix gives a function: a package, then settings, to an image"; hint = 1;
    ok = isImage quotesImage && isImage relayImage;
    message = "`imageFor pkg { port = 9000; }` should be a dockerTools image (with imageConfig and layers)."; }
  { name = "the image is named after the package"; hint = 1;
    expected = [ "quotes" "relay" ];
    actual = safe [ (quotesImage.imageName or null) (relayImage.imageName or null) ]; }
  { name = "the entrypoint is the package's main program (meta.mainProgram, in its bin output)"; hint = 2;
    ok = safe (runsMain quotes quotesImage && runsMain relay relayImage && runsMain pkgs.ripgrep rgImage) == true;
    reveal = false;
    why = "For a hidden package `quotes` whose program is `quotes-server`, Entrypoint should be [ the path of that program ]: `lib.getExe pkg` gives it (ripgrep's is rg)."; }
  { name = "the settings' args are the command (Cmd), which `docker run IMAGE ARGS` replaces"; hint = 2;
    expected = [ [ "--workers" "4" ] [ ] ];
    actual = safe [ ((config quotesImage).Cmd or null) ((config relayImage).Cmd or [ ]) ]; }
  { name = "the port is exposed (ExposedPorts)"; hint = 3;
    ok = safe (exposes 9000 quotesImage && exposes 7070 relayImage) == true;
    expected = { "9000/tcp" = { }; }; actual = safe (ports quotesImage); }
  { name = "Env tells the program its PORT and holds the settings' env, as NAME=value strings"; hint = 3;
    expected = [ [ "LOG_LEVEL=debug" "PORT=9000" "QUOTES_FILE=/data/quotes.txt" ] [ "PORT=7070" ] ];
    actual = safe [ (sorted ((config quotesImage).Env or null)) (sorted ((config relayImage).Env or null)) ]; }
  { name = "the package and its libraries are in the image (its whole closure)"; hint = 1;
    ok = safe (hasClosure quotes quotesImage && hasClosure relay relayImage) == true;
    message = "List the package in `contents`: its closure (the package, openssl or zlib, ...) goes into the image's store."; }
  { name = "the image is layered: popular store paths get layers of their own"; hint = 1;
    ok = safe (isImage quotesImage && quotesImage.layers != [ ] && (lib.last quotesImage.layers).customisation or false) == true;
    message = "buildImage puts everything in one layer, which no other image shares; use buildLayeredImage (or streamLayeredImage)."; }
  { name = "a changed package gives a new tag"; hint = 3;
    ok = safe (isImage quotesImage && isImage patchedImage && quotesImage.imageTag != patchedImage.imageTag) == true;
    message = "Two different images under one tag: the registry keeps the last one pushed, and nobody can tell which they run. Leave `tag` out: the tag is then a hash of the image's description."; }
]
