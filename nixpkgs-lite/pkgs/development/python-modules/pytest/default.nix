{
  lib,
  buildPythonPackage,
  fetchurl,
}:
buildPythonPackage rec {
  pname = "pytest";
  version = "8.3.4";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-7AHInOiwq5cJhwkciCBk2PFe8ontxVxmfXhJkxHYsxc=";
  };

  # pytest's own tests would need pytest.
  doCheck = false;
  pythonImportsCheck = [ "pytest" ];

  meta = {
    description = "Framework for writing tests";
    homepage = "https://docs.pytest.org";
    license = lib.licenses.mit;
  };
}
