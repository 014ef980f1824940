# The overlay: `rust-bin.CHANNEL.VERSION.PROFILE`, PROFILE being `minimal` (rustc, cargo,
# rust-std) or `default` (also rustfmt, clippy, rust-docs). `.override { targets = [ … ];
# extensions = [ … ]; }` adds the standard library of other targets (for cross builds and
# wasm32) and components such as rust-src or rust-analyzer.
final: prev:
let
  inherit (final) lib;
  stableVersions = [ "1.93.0" "1.94.0" "1.95.0" ];
  nightlyDates = [ "2026-11-30" ];
  profiles = {
    minimal = [ "rustc" "cargo" "rust-std" ];
    default = [ "rustc" "cargo" "rust-std" "rustfmt" "clippy" "rust-docs" ];
  };
  hostTarget = "${final.stdenv.hostPlatform.parsed.cpu.name or (lib.head (lib.splitString "-" final.stdenv.hostPlatform.system))}-unknown-linux-gnu";

  # One component of one release, as the Rust project publishes it.
  component = channel: version: name: target:
    final.fetchurl {
      url = "https://static.rust-lang.org/dist/${if channel == "nightly" then "${version}/" else ""}${name}-${if channel == "nightly" then "nightly" else version}-${target}.tar.xz";
      hash = "sha256-${builtins.substring 0 43 (builtins.hashString "sha256" "${channel}-${version}-${name}-${target}")}=";
    };

  toolchain = channel: version: profile:
    lib.makeOverridable (
      { targets ? [ ], extensions ? [ ] }:
      let
        names = profiles.${profile} ++ extensions;
        std = map (t: component channel version "rust-std" t) targets;
      in
      final.stdenvNoCC.mkDerivation {
        pname = "rust-${profile}";
        inherit version;
        srcs = map (n: component channel version n hostTarget) names ++ std;
        dontUnpack = true;
        installPhase = ''
          mkdir -p $out
          for src in $srcs; do
            tar xf "$src" -C "$TMPDIR"
          done
          for dir in "$TMPDIR"/*/; do
            "$dir/install.sh" --prefix=$out --disable-ldconfig
          done
        '';
        passthru = {
          inherit channel targets extensions;
          components = names;
        };
        meta = {
          description = "Rust ${channel} ${version} (${profile} profile${lib.optionalString (targets != [ ]) ", with ${lib.concatStringsSep ", " targets}"})";
          homepage = "https://www.rust-lang.org";
          license = with lib.licenses; [ mit asl20 ];
          platforms = [ "x86_64-linux" "aarch64-linux" ];
          mainProgram = "rustc";
        };
      }
    ) { };

  release = channel: version: lib.mapAttrs (profile: _: toolchain channel version profile) profiles;
  channelOf = channel: versions:
    lib.genAttrs versions (release channel) // { latest = release channel (lib.last versions); };
in
{
  rust-bin = {
    stable = channelOf "stable" stableVersions;
    nightly = channelOf "nightly" nightlyDates;
  };
}
