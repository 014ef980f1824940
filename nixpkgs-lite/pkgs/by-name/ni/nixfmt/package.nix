# nixfmt: the official formatter for Nix code (RFC 166 style).
{
  lib,
  stdenv,
  fetchFromGitHub,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "nixfmt";
  version = "1.0.0";

  src = fetchFromGitHub {
    owner = "NixOS";
    repo = "nixfmt";
    tag = "v${finalAttrs.version}";
    hash = "sha256-bhLra2XAPYyZ1SQfKk/upsb5KW6GfvPnEe0rWfjQP4A=";
  };

  meta = {
    description = "Official formatter for Nix code";
    homepage = "https://github.com/NixOS/nixfmt";
    license = lib.licenses.mpl20;
    platforms = lib.platforms.all;
    mainProgram = "nixfmt";
  };
})
