{ files, check, ... }:
let
  pkgs = import <nixpkgs> { };
  inherit (pkgs) lib dockerTools runCommand;
  m = files."layers.nix";
  graphOf = files."graph.nix";
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  call = name: args: check.call (check.attr m name) args;

  # Store paths are shown by name (a failing check never shows a store path).
  short = p: if builtins.isString p && builtins.match "/nix/store/[a-z0-9]{32}-.*" p != null then builtins.substring 44 (-1) p else p;
  shortLayers = ls: if builtins.isList ls then map (l: if builtins.isList l then map short l else l) ls else ls;

  # Hidden graphs, by name.
  #   libz is needed by app, libfmt, libbase and tool; libbase by libfmt and app; libfmt by app.
  shop = { app = [ "libfmt" "libz" ]; libfmt = [ "libbase" ]; libbase = [ "libz" ]; libz = [ ]; tool = [ "libz" ]; };
  chain = { a = [ "b" ]; b = [ "c" ]; c = [ "d" ]; d = [ ]; };
  # base is reached from top along two routes, but top is one path that depends on it.
  diamond = { top = [ "left" "right" ]; left = [ "base" ]; right = [ "base" ]; base = [ ]; };
  ties = { zeta = [ "core" ]; alpha = [ "core" ]; mid = [ "core" ]; core = [ ]; };

  # Hidden packages (nothing is built): a web app and a worker that share a runtime.
  node = name: deps: runCommand name { passthru.runtimeDeps = deps; } "mkdir $out";
  libc = node "libc-9" [ ];
  ssl = node "ssl-3" [ libc ];
  zstd = node "zstd-1" [ libc ];
  runtime = node "runtime-2" [ ssl zstd libc ];
  web = node "web-1.4" [ runtime ssl ];
  worker = node "worker-1.4" [ runtime zstd ];
  assets = node "assets-7" [ ];
  contents = [ web worker assets ];
  graph = graphOf contents;

  imageWith = args: dockerTools.streamLayeredImage ({ name = "hidden"; inherit contents; } // args);
  realLayers = image: map (layer: map builtins.unsafeDiscardStringContext layer.paths) (lib.init image.layers);
  planFor = args: safe (shortLayers (call "plan" [ args ]));
  agrees = maxLayers: {
    expected = shortLayers (realLayers (imageWith { inherit maxLayers; }));
    actual = planFor { inherit graph maxLayers; };
  };

  # A hidden base image (2 layers: libc, and the customisation layer).
  base = dockerTools.streamLayeredImage { name = "base"; contents = [ libc ]; };
  onBase = maxLayers: {
    expected = shortLayers (realLayers (imageWith { fromImage = base; inherit maxLayers; }));
    actual = planFor { inherit graph maxLayers; baseLayers = builtins.length base.layers; };
  };

  git = [ pkgs.git ];
  gitAgrees = {
    expected = shortLayers (realLayers (dockerTools.streamLayeredImage { name = "git"; contents = git; maxLayers = 9; }));
    actual = planFor { graph = graphOf git; maxLayers = 9; };
  };
in
[
  { name = "popularity: how many paths depend on each"; hint = 1;
    expected = { app = 0; libbase = 2; libfmt = 1; libz = 4; tool = 0; };
    actual = safe (call "popularity" [ shop ]); }
  { name = "popularity counts the paths that depend on one through others"; hint = 1;
    expected = { a = 0; b = 1; c = 2; d = 3; }; actual = safe (call "popularity" [ chain ]); }
  { name = "popularity counts each dependant once, however many routes lead down"; hint = 2;
    expected = { base = 3; left = 1; right = 1; top = 0; }; actual = safe (call "popularity" [ diamond ]); }
  { name = "ranked: the most popular first"; hint = 2;
    expected = [ "libz" "libbase" "libfmt" "app" "tool" ]; actual = safe (call "ranked" [ shop ]); }
  { name = "ranked: equally popular paths in the order of their names"; hint = 2;
    expected = [ "core" "alpha" "mid" "zeta" ]; actual = safe (call "ranked" [ ties ]); }
  ({ name = "plan with room for every path: one layer each"; hint = 3; } // agrees 100)
  ({ name = "plan with maxLayers = 5: four store layers, the last one shared"; hint = 3; } // agrees 5)
  ({ name = "plan with maxLayers = 2: every path in one layer"; hint = 3; } // agrees 2)
  ({ name = "plan on a base image: its layers count towards maxLayers"; hint = 3; } // onBase 6)
  { name = "plan fails when no layer is left for the contents"; hint = 3;
    actual = shortLayers (call "plan" [ { inherit graph; maxLayers = 3; baseLayers = 2; } ]);
    throws = "";
    message = "The base image's 2 layers and the customisation layer already make 3: dockerTools refuses, and so should plan."; }
  ({ name = "plan for git's image, as dockerTools makes it with maxLayers = 9"; hint = 3; } // gitAgrees)
]
