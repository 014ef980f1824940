# Three programs. Their sources are here; the builders want the rest.
{ rustPlatform, buildGoModule, fetchFromGitHub }:
{
  greet = rustPlatform.buildRustPackage {
    pname = "greet";
    version = "0.3.0";
    src = fetchFromGitHub { owner = "example"; repo = "greet"; rev = "v0.3.0"; hash = "sha256-huDyA3SY/dqgWzEylIxKHfIk7PkFJEMdiqPfa2tTvI4="; };
    cargoHash = "sha256-y0Ck8R+5fFCh7GWePt+K1XHLipT4YzsrHlYiUW02YVQ=";
  };

  serve = buildGoModule {
    pname = "serve";
    version = "1.4.2";
    src = fetchFromGitHub { owner = "example"; repo = "serve"; rev = "v1.4.2"; hash = "sha256-U2ap+7QUZtM9Y7g6E1GlxY5ro/3LZTT0bLnWb5PI94M="; };
    vendorHash = "sha256-3d6clNTdeyU55N4shq3DeJoCP+fbxlf8xWawGQAVeXw=";
  };

  tidy = buildGoModule {
    pname = "tidy";
    version = "0.9.0";
    src = fetchFromGitHub { owner = "example"; repo = "tidy"; rev = "v0.9.0"; hash = "sha256-FmsrDfqQNd/GafAWgFlsfN+rJtT4+rd65DlA8m2tBkI="; };
    vendorHash = null;
  };
}
