# `dockerTools`: container images (Docker and OCI) made from Nix packages, with nixpkgs'
# function and argument names:
#
#   dockerTools.buildLayeredImage { name = "hello"; contents = [ hello ]; config.Cmd = [ "/bin/hello" ]; }
#   dockerTools.streamLayeredImage { ... }        (a script writing the image to stdout)
#   dockerTools.buildImage { name = "hello"; copyToRoot = hello; config.Cmd = [ "/bin/hello" ]; }
#   dockerTools.pullImage { imageName = "nginx"; imageDigest = "sha256:..."; hash = "sha256-..."; }
#
# Nothing is built in nixpkgs-lite, so what nixpkgs works out while building (which store
# paths go into the image, in which layers, under which tag) is worked out here when the
# expression is evaluated, and shown without building:
#   - passthru: `imageName`, `imageTag`, `imageConfig` (the configuration, a set), `layers`
#     (a list of `{ paths = [ store paths ]; }`, bottom layer first) and `contents`;
#   - the derivation's environment (so the .drv shows them): `imageName`, `imageTag` (""
#     when the tag is the output hash, see below), `imageConfig` and `layerPlan` (JSON).
{
  lib,
  stdenv,
  runCommand,
  symlinkJoin,
  makeWrapper,
  runtimeShell,
  jq,
  gzip,
  gnutar,
  coreutils,
  cacert,
}:
let
  # The OCI image configuration names processors as Go does (GOARCH).
  goArch = cpu: {
    x86_64 = "amd64";
    i686 = "386";
    aarch64 = "arm64";
    armv7l = "arm";
    armv6l = "arm";
    riscv64 = "riscv64";
    powerpc64le = "ppc64le";
    s390x = "s390x";
  }.${cpu} or cpu;
  defaultArchitecture = goArch (lib.head (lib.splitString "-" stdenv.hostPlatform.system));

  # The first part of an output path's name: `/nix/store/<hash>-name` gives `<hash>`. An
  # image without a `tag` is tagged with it, as in nixpkgs.
  hashPart = drv: lib.head (lib.splitString "-" (baseNameOf (builtins.unsafeDiscardStringContext drv.outPath)));

  # The store paths a string mentions (`"${hello}/bin/hello"` mentions hello's output).
  storePathPattern = "(${builtins.storeDir}/[0-9a-df-np-sv-z]{32}-[a-zA-Z0-9+._?=-]+)";
  storePathsIn = text: map builtins.head (builtins.filter builtins.isList (builtins.split storePathPattern text));

  # ---------------------------------------------------------------------------------------
  # Run-time closures, approximated.
  #
  # nixpkgs builds the contents and asks Nix which store paths each output refers to (the
  # references Nix finds by scanning the files). Nothing is built here, so a package's
  # run-time dependencies are guessed from what it declares, which is what its build could
  # have linked against or copied paths from:
  #   - its `buildInputs` and `propagatedBuildInputs` (as the derivation holds them, that is
  #     their `dev` outputs), each taken at its library output: `lib` if the package has
  #     one, else `out` (headers are not needed at run time, the shared libraries are);
  #   - `passthru.runtimeDeps`, when a package lists there what it runs (as given: choose
  #     the output, `bash` is its `out`);
  #   - an output other than the library output refers to that one (`jq.bin` to `jq.lib`,
  #     `curl.bin` to `curl.out`): programs use their own package's library.
  # What this misses: what the compiler links in without being asked (libc, libgcc), paths
  # a build copies from its native inputs, and anything a build writes that is not declared.
  # What it adds that Nix might not: a declared input whose path the build never kept.
  # ---------------------------------------------------------------------------------------
  libraryOutput = pkg:
    let outputs = pkg.outputs or [ "out" ]; in
    if builtins.elem "lib" outputs then pkg.lib
    else if builtins.elem "out" outputs then pkg.out
    else pkg;

  asList = x: if builtins.isList x then x else [ ];

  runtimeDependencies = pkg:
    let
      own = libraryOutput pkg;
      inputs = builtins.filter lib.isDerivation (asList (pkg.buildInputs or [ ]) ++ asList (pkg.propagatedBuildInputs or [ ]));
      declared = builtins.filter lib.isDerivation (asList (pkg.passthru.runtimeDeps or [ ]));
    in
    lib.optional (own.outPath != pkg.outPath) own ++ map libraryOutput inputs ++ declared;

  # One store path of a closure: `key` is the path without its string context (so that it
  # can name an attribute), `path` keeps it (so the image's derivation depends on it), and
  # `pkg` is the derivation it is an output of (null for a path whose derivation is unknown).
  nodeOf = pkg: { key = builtins.unsafeDiscardStringContext pkg.outPath; path = pkg.outPath; inherit pkg; };
  pathNode = path: { key = builtins.unsafeDiscardStringContext path; inherit path; pkg = null; };

  # The image's roots as closure nodes: a derivation (at the output given), a path (copied
  # to the store) or a string naming a store path.
  rootNodes = who: item:
    if lib.isDerivation item then [ (nodeOf item) ]
    else if builtins.isPath item then [ (pathNode "${item}") ]
    else if builtins.isString item && storePathsIn item != [ ] then map pathNode (storePathsIn item)
    else throw "${who}: the contents of an image are derivations or store paths, not a ${builtins.typeOf item}${lib.optionalString (builtins.isString item) " (\"${item}\")"}";

  # The closure of `roots` (nodes), then the `extra` paths not already in it (their
  # dependencies are unknown: the store paths that the configuration mentions).
  closureOf = roots: extra:
    let
      closure = builtins.genericClosure {
        startSet = roots;
        operator = node: if node.pkg == null then [ ] else map nodeOf (runtimeDependencies node.pkg);
      };
      known = builtins.listToAttrs (map (node: lib.nameValuePair node.key true) closure);
    in
    closure ++ builtins.filter (node: !(known ? ${node.key})) (map pathNode (lib.unique extra));

  # The closure's paths, most popular first. A path's popularity is how many paths of the
  # closure depend on it, directly or not: glibc, which nearly everything needs, comes
  # before the one program that uses a library. Equal popularities are ordered by store
  # path, so the order (and the layers) are the same on every evaluation. (nixpkgs'
  # `referencesByPopularity` weighs the reference graph in a more elaborate way, in the same
  # spirit: the paths most images share go to the lowest, most reusable layers.)
  rankByPopularity = nodes:
    let
      dependencies = builtins.listToAttrs (map (node:
        lib.nameValuePair node.key (if node.pkg == null then [ ] else map (dep: builtins.unsafeDiscardStringContext dep.outPath) (runtimeDependencies node.pkg))
      ) nodes);
      # Every path `key` depends on (itself left out).
      below = key: builtins.filter (k: k != key) (map (item: item.key) (builtins.genericClosure {
        startSet = [ { inherit key; } ];
        operator = item: map (k: { key = k; }) (dependencies.${item.key} or [ ]);
      }));
      dependants = builtins.zipAttrsWith (key: users: builtins.length users)
        (map (node: builtins.listToAttrs (map (k: lib.nameValuePair k true) (below node.key))) nodes);
      popularity = node: dependants.${node.key} or 0;
    in
    builtins.sort (a: b:
      let pa = popularity a; pb = popularity b; in
      if pa != pb then pa > pb else a.key < b.key) nodes;

  rankedClosure = who: contents: extra:
    map (node: node.path) (rankByPopularity (closureOf (lib.concatMap (rootNodes who) contents) extra));

  # The layers of a base image made here (`layers` in its passthru), its own base's first.
  # A pulled image's layers are only known once it is downloaded: none are counted.
  baseLayers = image:
    if image == null || !(builtins.isList (image.layers or null)) then [ ]
    else baseLayers (image.fromImage or null) ++ image.layers;

  # The image configuration: what `docker run` does (Cmd, Entrypoint, Env, ExposedPorts,
  # WorkingDir, Labels, User, Volumes, ...), written as given into the image. The shapes
  # the OCI specification requires are checked, so a mistake shows now and not at
  # `docker load`.
  checkConfig = who: config:
    let
      c = if config == null then { } else config;
      listOfStrings = field: !(c ? ${field}) || (builtins.isList c.${field} && builtins.all builtins.isString c.${field});
      setField = field: !(c ? ${field}) || builtins.isAttrs c.${field};
    in
    if !builtins.isAttrs c then
      throw "${who}: `config` is the image configuration, an attribute set (Cmd, Entrypoint, Env, ...), not a ${builtins.typeOf c}"
    else if !listOfStrings "Env" then
      throw "${who}: config.Env is a list of \"NAME=value\" strings, e.g. Env = [ \"PORT=8080\" ];"
    else if !listOfStrings "Cmd" then
      throw "${who}: config.Cmd is a list of strings (the program and its arguments), e.g. Cmd = [ \"/bin/hello\" \"--greeting=hi\" ];"
    else if !listOfStrings "Entrypoint" then
      throw "${who}: config.Entrypoint is a list of strings, e.g. Entrypoint = [ \"/bin/sh\" \"-c\" ];"
    else if !setField "ExposedPorts" then
      throw "${who}: config.ExposedPorts is an attribute set of empty sets, e.g. ExposedPorts = { \"8080/tcp\" = { }; };"
    else if !setField "Volumes" then
      throw "${who}: config.Volumes is an attribute set of empty sets, e.g. Volumes = { \"/data\" = { }; };"
    else if !setField "Labels" then
      throw "${who}: config.Labels is an attribute set of strings"
    else c;

  # How the image archive is compressed (`compressor`).
  compressors = {
    none = { ext = ""; nativeInputs = [ ]; command = "cat"; };
    gz = { ext = ".gz"; nativeInputs = [ gzip ]; command = "gzip -n -c"; };
  };
  compressorFor = imageName: compressor:
    compressors.${compressor} or (throw "in docker image ${imageName}: compressor must be one of: [${toString (builtins.attrNames compressors)}]");

  # The script the stream derivation wraps (see stream-layered-image.sh).
  streamScript = ./stream-layered-image.sh;

  # Proxies a download may use (as the fetchers' `impureEnvVars`).
  proxyImpureEnvVars = [ "http_proxy" "https_proxy" "ftp_proxy" "all_proxy" "no_proxy" ];
in
rec {
  # `streamLayeredImage`: a script (`$out`, an executable) that writes the image to its
  # standard output, for `$(nix-build ...) | docker load`: the image itself never goes to
  # the store. The layers: the closure of `contents` (and of the store paths `config`
  # mentions), most popular paths first; with `fromImage`'s layers and the customisation
  # layer counted, each of the most popular paths gets a layer of its own and the rest
  # share one; last comes the customisation layer (links at the image's root to the
  # contents' files, and what `extraCommands` makes there). So an image has at most
  # `maxLayers` layers (Docker allows 125).
  streamLayeredImage = lib.makeOverridable ({
    name,
    tag ? null,
    fromImage ? null,
    contents ? [ ],
    config ? { },
    architecture ? defaultArchitecture,
    created ? "1970-01-01T00:00:01Z",
    mtime ? "1970-01-01T00:00:01Z",
    uid ? 0,
    gid ? 0,
    uname ? "root",
    gname ? "root",
    maxLayers ? 100,
    extraCommands ? "",
    fakeRootCommands ? "",
    enableFakechroot ? false,
    includeStorePaths ? true,
    includeNixDB ? false,
    passthru ? { },
    meta ? { },
  }:
    # (The message and its spelling are nixpkgs'.)
    assert lib.assertMsg (maxLayers > 1)
      "the maxLayers argument of dockerTools.buildLayeredImage function must be greather than 1 (current value: ${toString maxLayers})";
    let
      who = "dockerTools.streamLayeredImage (${name})";
      baseName = baseNameOf name;
      imageName = lib.toLower name;
      imageConfig = checkConfig who config;
      contentsList = lib.toList contents;

      # nixpkgs counts the base image's layers while building; here they are known when
      # the base image is one of these.
      usedLayers = builtins.length (baseLayers fromImage) + 1;
      availableLayers =
        if usedLayers < maxLayers then maxLayers - usedLayers
        else throw "${who}: ${toString usedLayers} layers are needed for 'fromImage' and 'extraCommands', but only maxLayers=${toString maxLayers} were allowed. At least 1 layer is required to store contents.";

      paths = lib.optionals includeStorePaths
        (rankedClosure who contentsList (storePathsIn (builtins.toJSON imageConfig)));
      # The first `availableLayers - 1` paths have a layer each, the rest share the last.
      storeLayers =
        let alone = availableLayers - 1; in
        map (path: { paths = [ path ]; }) (lib.take alone paths)
        ++ lib.optional (builtins.length paths > alone) { paths = lib.drop alone paths; };
      layers = storeLayers ++ [ { customisation = true; paths = [ ]; } ];

      # The top layer: links to the contents at the image's root (`/bin/hello`), changed by
      # `extraCommands` (run in that root: `mkdir -p tmp`), packed as a tarball.
      customisationLayer = symlinkJoin {
        name = "${baseName}-customisation-layer";
        paths = contentsList;
        inherit extraCommands fakeRootCommands;
        nativeBuildInputs = [ gnutar ];
        postBuild = ''
          mv "$out" old_out
          (cd old_out && eval "$extraCommands" && eval "$fakeRootCommands")
          mkdir "$out"
          tar --create --file "$out/layer.tar" --directory old_out --sort=name \
            --numeric-owner --owner=${toString uid} --group=${toString gid} \
            --mtime="@$SOURCE_DATE_EPOCH" --exclude=.${builtins.storeDir} .
        '';
      };

      environment = {
        inherit imageName;
        imageTag = if tag == null then "" else tag;
        imageConfig = builtins.toJSON imageConfig;
        layerPlan = builtins.toJSON layers;
      };

      # The image's description for the stream script: name and tag, configuration,
      # layers. Without a `tag`, the tag is the hash part of this file's path.
      conf = runCommand "${baseName}-conf.json" (environment // {
        inherit fromImage created mtime uid gid uname gname maxLayers architecture customisationLayer
          enableFakechroot includeNixDB;
        preferLocalBuild = true;
        nativeBuildInputs = [ jq ];
        passthru.imageTag = if tag != null then tag else hashPart conf;
      }) ''
        if [ -z "$imageTag" ]; then
          imageTag="$(basename "$out" | cut -d - -f 1)"
        fi
        jq --null-input \
          --arg repoTag "$imageName:$imageTag" \
          --arg created "$created" --arg mtime "$mtime" --arg architecture "$architecture" \
          --argjson uid "$uid" --argjson gid "$gid" \
          --argjson config "$imageConfig" --argjson layers "$layerPlan" \
          --arg customisationLayer "$customisationLayer" --arg fromImage "''${fromImage:-}" \
          '{ repo_tag: $repoTag, created: $created, mtime: $mtime, architecture: $architecture,
             os: "linux", uid: $uid, gid: $gid, config: $config, layers: $layers,
             customisation_layer: $customisationLayer,
             from_image: (if $fromImage == "" then null else $fromImage end) }' > "$out"
      '';
    in
    runCommand "stream-${baseName}" (environment // {
      inherit conf meta;
      nativeBuildInputs = [ makeWrapper ];
      passthru = passthru // {
        inherit imageName imageConfig layers conf customisationLayer streamScript fromImage maxLayers;
        inherit (conf) imageTag;
        contents = contentsList;
        # Running the result writes the image (`nix run`, `$(nix-build ...) | docker load`).
        isExe = true;
      };
    }) ''
      makeWrapper ${runtimeShell} "$out" \
        --add-flags ${streamScript} --add-flags "$conf" \
        --prefix PATH : ${lib.makeBinPath [ jq gnutar coreutils ]}
    '');

  # `buildLayeredImage`: the same image as `streamLayeredImage` (same arguments, and
  # `compressor`: "gz" or "none"), written to the store as a tarball by running the stream
  # script: `docker load < result`.
  buildLayeredImage = lib.makeOverridable ({ name, compressor ? "gz", ... }@args:
    let
      stream = streamLayeredImage (builtins.removeAttrs args [ "compressor" ]);
      compress = compressorFor name compressor;
    in
    runCommand "${baseNameOf name}.tar${compress.ext}" {
      inherit (stream) imageName;
      imageTag = if (args.tag or null) == null then "" else args.tag;
      imageConfig = builtins.toJSON stream.imageConfig;
      layerPlan = builtins.toJSON stream.layers;
      nativeBuildInputs = compress.nativeInputs;
      passthru = {
        inherit (stream) imageName imageTag imageConfig layers contents conf customisationLayer fromImage maxLayers;
        inherit stream;
      };
    } "${stream} | ${compress.command} > $out");

  # `buildImage`: an image with one layer on top of `fromImage`'s: the files of
  # `copyToRoot` copied to the image's root, with their closure in the image's store
  # (less the paths the base image already has, when its layers are known). The image's
  # tag is, without `tag`, the hash part of its own output path.
  buildImage = lib.makeOverridable ({
    name,
    tag ? null,
    fromImage ? null,
    fromImageName ? null,
    fromImageTag ? null,
    copyToRoot ? null,
    keepContentsDirlinks ? false,
    config ? { },
    architecture ? defaultArchitecture,
    runAsRoot ? null,
    extraCommands ? "",
    diskSize ? 1024,
    buildVMMemorySize ? 512,
    created ? "1970-01-01T00:00:01Z",
    uid ? 0,
    gid ? 0,
    compressor ? "gz",
    includeNixDB ? false,
    # Deprecated: what `copyToRoot` is now.
    contents ? null,
    meta ? { },
    ...
  }:
    let
      who = "dockerTools.buildImage (${name})";
      baseName = baseNameOf name;
      imageName = lib.toLower name;
      imageConfig = checkConfig who config;
      compress = compressorFor name compressor;
      root =
        if copyToRoot != null then copyToRoot
        else lib.warnIf (contents != null)
          "in docker image ${name}: the `contents` argument of buildImage is deprecated; use `copyToRoot` (a buildEnv of the packages, say)"
          contents;
      rootList = if root == null then [ ] else lib.toList root;

      inBase = builtins.listToAttrs (map (path: lib.nameValuePair (builtins.unsafeDiscardStringContext path) true)
        (lib.concatMap (layer: layer.paths) (baseLayers fromImage)));
      layers = [ {
        paths = builtins.filter (path: !(inBase ? ${builtins.unsafeDiscardStringContext path}))
          (rankedClosure who rootList [ ]);
      } ];

      # The layer's files: `copyToRoot` copied to the root, then `extraCommands` run there
      # (`runAsRoot` runs as root in a virtual machine, in nixpkgs).
      layer = runCommand "docker-layer-${baseName}" {
        contents = rootList;
        inherit extraCommands runAsRoot keepContentsDirlinks uid gid diskSize buildVMMemorySize;
        nativeBuildInputs = [ gnutar ];
      } ''
        mkdir layer
        for item in $contents; do
          cp -r --no-preserve=ownership ''${keepContentsDirlinks:+--no-dereference} "$item/." layer/
        done
        chmod -R u+w layer
        (cd layer && eval "$extraCommands")
        mkdir "$out"
        tar --create --file "$out/layer.tar" --directory layer --sort=name --numeric-owner \
          --owner="$uid" --group="$gid" --mtime="@$SOURCE_DATE_EPOCH" .
      '';

      result = runCommand "docker-image-${baseName}.tar${compress.ext}" {
        inherit imageName fromImage fromImageName fromImageTag created architecture includeNixDB meta;
        imageTag = if tag == null then "" else tag;
        imageConfig = builtins.toJSON imageConfig;
        layerPlan = builtins.toJSON layers;
        # The layer's closure, for the builder (`$layer` lists it).
        exportReferencesGraph = [ "layer" layer ];
        nativeBuildInputs = [ jq gnutar ] ++ compress.nativeInputs;
        passthru = {
          inherit imageName imageConfig layers layer fromImage;
          imageTag = if tag != null then tag else hashPart result;
          contents = rootList;
        };
      } ''
        if [ -z "$imageTag" ]; then
          imageTag="$(basename "$out" | cut -d - -f 1)"
        fi
        mkdir image
        if [ -n "''${fromImage:-}" ]; then
          tar --extract --file "$fromImage" --directory image
        fi
        # The layer: its files, and the store paths of the plan (those of the closure of
        # copyToRoot that the base image does not have).
        cp ${layer}/layer.tar layer.tar
        jq -r '.[].paths[]' <<< "$layerPlan" > store-paths
        tar --append --file layer.tar --sort=name --numeric-owner --owner="$uid" --group="$gid" \
          --mtime="@$SOURCE_DATE_EPOCH" --hard-dereference --files-from store-paths
        digest="$(sha256sum layer.tar | cut -d ' ' -f 1)"
        mv layer.tar "image/$digest.tar"
        jq --null-input --arg created "$created" --arg architecture "$architecture" \
          --argjson config "$imageConfig" --arg layer "sha256:$digest" \
          '{ created: $created, architecture: $architecture, os: "linux", config: $config,
             rootfs: { type: "layers", diff_ids: [ $layer ] } }' > image/config.json
        jq --null-input --arg tag "$imageName:$imageTag" --arg layer "$digest.tar" \
          '[ { Config: "config.json", RepoTags: [ $tag ], Layers: [ $layer ] } ]' > image/manifest.json
        tar --create --directory image --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 . \
          | ${compress.command} > "$out"
      '';
    in
    result);

  # `pullImage`: an image from a registry, as a fixed-output derivation (its output path
  # depends on the name and the hash only). `nix-prefetch-docker IMAGE` prints the
  # arguments; or write `hash = lib.fakeHash;` and copy the right one from the error of the
  # build. nixpkgs downloads with skopeo, which nixpkgs-lite does not have (and nothing is
  # downloaded here): the builder names it without it being an input.
  pullImage =
    let
      fixName = builtins.replaceStrings [ "/" ":" ] [ "-" "-" ];
    in
    {
      imageName,
      imageDigest,
      sha256 ? "",
      hash ? "",
      os ? "linux",
      arch ? defaultArchitecture,
      finalImageName ? imageName,
      finalImageTag ? "latest",
      tlsVerify ? true,
      name ? fixName "docker-image-${finalImageName}-${finalImageTag}.tar",
    }:
    let
      who = "dockerTools.pullImage (${imageName})";
      digestPattern = "[a-z0-9]+([+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+";
    in
    if builtins.match digestPattern imageDigest == null then
      throw "${who}: imageDigest must be a content digest like \"sha256:<64 hexadecimal digits>\", not \"${imageDigest}\" (a tag is not a digest: `nix-prefetch-docker ${imageName}` gives it)"
    else if hash == "" && sha256 == "" then
      throw "dockerTools.pullImage requires a hash for fixed-output derivation: ${imageName}@${imageDigest} (give `hash`, or `hash = lib.fakeHash;` to learn it from the build's error)"
    else if hash != "" && sha256 != "" then
      throw "${who}: give either `hash` or `sha256`, not both"
    else
      runCommand name {
        inherit imageDigest;
        imageName = finalImageName;
        imageTag = finalImageTag;
        impureEnvVars = proxyImpureEnvVars;
        outputHashMode = "flat";
        outputHashAlgo = if hash != "" then null else "sha256";
        outputHash = if hash != "" then hash else sha256;
        SSL_CERT_FILE = "${cacert.out}/etc/ssl/certs/ca-bundle.crt";
        sourceURL = "docker://${imageName}@${imageDigest}";
        destNameTag = "${finalImageName}:${finalImageTag}";
        passthru = {
          imageName = finalImageName;
          imageTag = finalImageTag;
          inherit imageDigest os arch;
        };
      } ''
        skopeo --insecure-policy --tmpdir="$TMPDIR" \
          --override-os ${os} --override-arch ${arch} \
          copy --src-tls-verify=${lib.boolToString tlsVerify} \
          "$sourceURL" "docker-archive://$out:$destNameTag"
      '';
}
