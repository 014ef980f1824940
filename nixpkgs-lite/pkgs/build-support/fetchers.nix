# Fetchers: downloads as fixed-output derivations. Their output path depends only on the
# hash (and name), never on how the download is done; so a change to curl changes the
# fetcher's .drv but no package that uses its output. Nothing is ever downloaded in
# nixpkgs-lite: the hashes are made up, the paths are exact.
#
# The fake-hash workflow: write `hash = lib.fakeHash;` (or `hash = "";`), build, and copy
# the real hash from Nix's "hash mismatch in fixed-output derivation" error.
{ lib, pkgs }:
let
  inherit (pkgs) stdenvNoCC;

  # An empty hash means "I don't know it yet" (with a warning), as in nixpkgs.
  checkHash = what: hash:
    if hash == "" then lib.warn "found empty hash for ${what}, assuming '${lib.fakeHash}'" lib.fakeHash else hash;

  # What a download needs (curl and the libraries it is built from), themselves fetched
  # with `fetchurlBoot`: a fetchurl cannot download the sources of its own curl.
  fetcherTools = lib.fix (self:
    let callPackage = lib.callPackageWith (pkgs // self);
    in {
      fetchurl = pkgs.stdenv.fetchurlBoot;
      zlib = callPackage ../by-name/zl/zlib/package.nix { };
      openssl = callPackage ../by-name/op/openssl/package.nix { };
      perl = callPackage ../by-name/pe/perl/package.nix { };
      pkg-config = callPackage ../by-name/pk/pkg-config/package.nix { };
      cacert = callPackage ../by-name/ca/cacert/package.nix { };
      curl = callPackage ../by-name/cu/curl/package.nix { http2Support = false; };
    });
in
rec {
  inherit fetcherTools;

  # `fetchurl { url = "https://..."; hash = "sha256-..."; }`: a file.
  fetchurl = lib.makeOverridable ({
    url ? null,
    urls ? [ ],
    name ? null,
    hash ? null,
    sha256 ? null,
    executable ? false,
    recursiveHash ? false,
    postFetch ? "",
    curlOpts ? "",
    meta ? { },
    passthru ? { },
  }:
    let
      allUrls = (if url != null then [ url ] else [ ]) ++ urls;
      firstUrl = if allUrls == [ ] then throw "fetchurl: give `url` or `urls`" else builtins.head allUrls;
      outputHash =
        if hash != null then checkHash firstUrl hash
        else if sha256 != null then sha256
        else throw "fetchurl requires a hash for fixed-output derivation: ${firstUrl}";
    in
    stdenvNoCC.mkDerivation {
      name = if name != null then name else baseNameOf (toString firstUrl);
      builder = ./fetchurl/builder.sh;
      nativeBuildInputs = [ fetcherTools.curl ];
      urls = allUrls;
      inherit executable postFetch curlOpts outputHash;
      outputHashAlgo = if hash != null then null else "sha256";
      outputHashMode = if recursiveHash || executable then "recursive" else "flat";
      SSL_CERT_FILE = "${fetcherTools.cacert}/etc/ssl/certs/ca-bundle.crt";
      impureEnvVars = [ "http_proxy" "https_proxy" "ftp_proxy" "all_proxy" "no_proxy" ];
      preferLocalBuild = true;
      inherit meta passthru;
    });

  # `fetchzip { url; hash; }`: an archive, unpacked; the hash is of the unpacked tree.
  fetchzip = { url, hash ? null, name ? "source", stripRoot ? true, extension ? null, ... }@args:
    fetchurl (builtins.removeAttrs args [ "stripRoot" "extension" ] // {
      inherit name;
      recursiveHash = true;
      postFetch = ''
        mv "$out" "$TMPDIR/download"
        mkdir "$TMPDIR/unpacked" && cd "$TMPDIR/unpacked"
        tar xf "$TMPDIR/download"
        ${if stripRoot then ''mv "$(ls | head -n 1)" "$out"'' else ''mv "$TMPDIR/unpacked" "$out"''}
      '' + (args.postFetch or "");
    });

  # `fetchCrate { pname; version; hash; }`: a crate's source from crates.io, unpacked.
  fetchCrate = { pname ? null, crateName ? pname, version, hash ? null, registryDl ? "https://crates.io/api/v1/crates", ... }@args:
    fetchzip (builtins.removeAttrs args [ "pname" "crateName" "version" "registryDl" ] // {
      name = "${crateName}-${version}.tar.gz";
      url = "${registryDl}/${crateName}/${version}/download";
      extension = "tar.gz";
    });

  # `fetchFromGitHub { owner; repo; rev (or tag); hash; }`: a GitHub archive, unpacked.
  fetchFromGitHub = lib.makeOverridable ({ owner, repo, rev ? null, tag ? null, hash ? null, name ? "source", ... }@args:
    let
      ref =
        if (rev == null) == (tag == null) then throw "fetchFromGitHub requires exactly one of `rev` or `tag` (${owner}/${repo})"
        else if tag != null then "refs/tags/${tag}" else rev;
    in
    fetchzip (builtins.removeAttrs args [ "owner" "repo" "rev" "tag" ] // {
      inherit name hash;
      url = "https://github.com/${owner}/${repo}/archive/${ref}.tar.gz";
      passthru = { inherit owner repo; rev = if rev != null then rev else tag; };
    }));

  # `fetchgit { url; rev; hash; }`: a git checkout (without .git), hashed as a tree.
  fetchgit = lib.makeOverridable ({ url, rev ? "HEAD", hash ? null, name ? "source", fetchSubmodules ? true, leaveDotGit ? false }:
    stdenvNoCC.mkDerivation {
      inherit name url rev fetchSubmodules leaveDotGit;
      builder = ./fetchgit/builder.sh;
      nativeBuildInputs = [ pkgs.git pkgs.cacert ];
      outputHash = if hash != null then checkHash url hash else throw "fetchgit requires a hash for fixed-output derivation: ${url}";
      outputHashMode = "recursive";
      SSL_CERT_FILE = "${pkgs.cacert}/etc/ssl/certs/ca-bundle.crt";
      impureEnvVars = [ "http_proxy" "https_proxy" "all_proxy" "no_proxy" ];
      preferLocalBuild = true;
    });
}
