# fzf, a Go program: its modules are downloaded by a fixed-output derivation whose
# hash is `vendorHash`.
{
  lib,
  buildGoModule,
  fetchFromGitHub,
}:
buildGoModule rec {
  pname = "fzf";
  version = "0.57.0";

  src = fetchFromGitHub {
    owner = "junegunn";
    repo = "fzf";
    rev = "v${version}";
    hash = "sha256-fj1MGNJMoD+pHeCrXmUgnt2L6VTYSClDUgpkfZ9LIzs=";
  };

  vendorHash = "sha256-baez7MqcuuJZhmS8If4zx1Aux0s1KZEqapToamTa4xk=";

  ldflags = [ "-s" "-w" "-X main.version=${version}" ];

  meta = {
    description = "Command-line fuzzy finder written in Go";
    homepage = "https://github.com/junegunn/fzf";
    license = lib.licenses.mit;
    mainProgram = "fzf";
  };
}
