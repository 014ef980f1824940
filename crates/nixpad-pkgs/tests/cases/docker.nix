# dockerTools: container images described without building. A layered image's store paths
# are the run-time closure of its contents (approximated from `buildInputs`,
# `propagatedBuildInputs` and `passthru.runtimeDeps`), most popular first: each of the
# first ones has a layer of its own, the rest share one, and the customisation layer is last.
let
  pkgs = import <nixpkgs> { };
  inherit (pkgs) lib dockerTools runCommand;

  # A small chain (nothing is built): app needs libc, which propagates libb, which is
  # linked against liba, which runs tool. So tool is needed by the 5 other paths, liba by
  # 4, libb by 3, libc by 2, app's `out` by its `bin` (a program uses its own library
  # output), and app's `bin` by none.
  tool = runCommand "tool-1" { } "mkdir $out";
  liba = runCommand "liba-1" { outputs = [ "out" "dev" ]; passthru.runtimeDeps = [ tool ]; } "mkdir $out $dev";
  libb = runCommand "libb-1" { buildInputs = [ liba ]; } "mkdir $out";
  libc = runCommand "libc-1" { propagatedBuildInputs = [ libb ]; } "mkdir $out";
  app = runCommand "app-1" { outputs = [ "bin" "out" ]; buildInputs = [ libc ]; } "mkdir $out $bin";

  # Store paths by name, without their hash.
  short = path: builtins.substring 33 (-1) (baseNameOf path);
  plan = image: map (layer: if layer.customisation or false then "customisation" else map short layer.paths) image.layers;
  allPaths = image: lib.concatMap (layer: layer.paths) image.layers;
  hashOf = drv: builtins.substring 11 32 drv.outPath;
  # The layer plan in the derivation's environment (JSON) is the passthru's.
  planInEnv = image: builtins.fromJSON (builtins.unsafeDiscardStringContext image.drvAttrs.layerPlan) == image.layers;

  config = {
    Entrypoint = [ "/bin/app" ];
    Cmd = [ "--port" "8080" ];
    Env = [ "PORT=8080" ];
    ExposedPorts."8080/tcp" = { };
    WorkingDir = "/srv";
    Labels."org.opencontainers.image.title" = "demo";
    User = "1000:1000";
  };

  layered = dockerTools.buildLayeredImage { name = "registry.example/Demo"; contents = [ app ]; maxLayers = 4; inherit config; };
  everyPathAlone = dockerTools.buildLayeredImage { name = "demo"; tag = "v1"; contents = app; compressor = "none"; };
  stream = dockerTools.streamLayeredImage { name = "demo"; contents = [ app ]; };

  flat = dockerTools.buildImage { name = "flat"; copyToRoot = app; inherit config; };
  base = dockerTools.buildImage { name = "base"; tag = "1"; copyToRoot = libb; };
  onBase = dockerTools.buildImage { name = "on-base"; fromImage = base; copyToRoot = app; };
  # One layer is the base's and one the customisation layer: 2 are left for store paths.
  layeredOnBase = dockerTools.buildLayeredImage { name = "on-base"; fromImage = base; contents = [ app ]; maxLayers = 4; };

  # Equally popular paths (none needs the other) are ordered by store path.
  x = runCommand "x" { } "mkdir $out";
  y = runCommand "y" { } "mkdir $out";
  twoLeaves = dockerTools.streamLayeredImage { name = "leaves"; contents = [ y x ]; };
  firstPaths = image: map (layer: builtins.head layer.paths) (lib.init image.layers);

  # The store paths the configuration mentions are in a layered image (not in buildImage's).
  data = pkgs.writeText "data.json" "{}";
  withData = args: args // { name = "data"; config.Env = [ "DATA=${data}" ]; };

  pull = dockerTools.pullImage {
    imageName = "nginx";
    imageDigest = "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31";
    hash = "sha256-bh+nT3uvTQljnOiJcDLuSoZTVAuHIb9BjH6U3OlWAZs=";
    finalImageName = "mirror/nginx";
    finalImageTag = "1.27";
  };
  fails = x: !(builtins.tryEval x).success;
in
{
  layered = {
    inherit (layered) name imageName;
    layers = plan layered;
    count = builtins.length layered.layers;
    names = [ layered.stream.name layered.conf.name layered.customisationLayer.name ];
    # The tag is the hash part of the conf.json's output path (nixpkgs' default).
    tagIsConfHash = [ (layered.imageTag == hashOf layered.conf) (layered.imageTag == layered.stream.imageTag) ];
    # The environment (what the .drv shows): the tag is left to the builder.
    env = [ layered.drvAttrs.imageName layered.drvAttrs.imageTag layered.drvAttrs.imageConfig ];
    planInEnv = planInEnv layered;
    config = layered.imageConfig == config;
    contents = map (p: p.name) layered.contents;
  };
  everyPathAlone = {
    inherit (everyPathAlone) name imageTag;
    envTag = everyPathAlone.drvAttrs.imageTag;
    layers = plan everyPathAlone;
    maxLayers = everyPathAlone.maxLayers;
  };
  stream = {
    inherit (stream) name isExe;
    sameLayers = stream.layers == everyPathAlone.layers;
    planInEnv = planInEnv stream;
    scriptIsAnInput = lib.hasInfix "stream-layered-image.sh" (toString stream.drvAttrs.buildCommand);
  };
  buildImage = {
    inherit (flat) name imageName;
    layers = plan flat;
    tagIsOwnHash = flat.imageTag == hashOf flat;
    envTag = flat.drvAttrs.imageTag;
    planInEnv = planInEnv flat;
    baseTag = base.imageTag;
    # The paths base already has are left out of the top layer.
    onBase = plan onBase;
    layeredOnBase = plan layeredOnBase;
  };
  tieOrderIsStorePathOrder = firstPaths twoLeaves == lib.sort (a: b: a < b) (firstPaths twoLeaves) && builtins.length (firstPaths twoLeaves) == 2;
  configPaths = [
    (builtins.elem data.outPath (allPaths (dockerTools.streamLayeredImage (withData { }))))
    (builtins.elem data.outPath (allPaths (dockerTools.buildImage (withData { }))))
  ];
  jq = plan (dockerTools.streamLayeredImage { name = "jq"; contents = [ pkgs.jq ]; });
  pullImage = {
    inherit (pull) name outPath imageName imageTag;
    drv = [ (lib.hasSuffix ".drv" pull.drvPath) pull.outputHashMode pull.drvAttrs.sourceURL pull.drvAttrs.destNameTag ];
  };
  errors = map fails [
    (dockerTools.buildLayeredImage { name = "x"; maxLayers = 1; }).drvPath
    (dockerTools.buildLayeredImage { name = "x"; fromImage = base; maxLayers = 2; }).drvPath
    (dockerTools.buildLayeredImage { name = "x"; compressor = "zstd"; }).drvPath
    (dockerTools.buildImage { name = "x"; config.Env = { PORT = "8080"; }; }).drvPath
    (dockerTools.streamLayeredImage { name = "x"; contents = [ "hello" ]; }).drvPath
    (dockerTools.pullImage { imageName = "nginx"; imageDigest = "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"; }).drvPath
    (dockerTools.pullImage { imageName = "nginx"; imageDigest = "latest"; hash = lib.fakeHash; }).drvPath
  ];
}
