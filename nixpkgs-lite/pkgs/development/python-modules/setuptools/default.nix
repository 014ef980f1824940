{
  lib,
  buildPythonPackage,
  fetchurl,
}:
buildPythonPackage rec {
  pname = "setuptools";
  version = "75.6.0";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-Zr83y1Q9V9k9ziEW+Kzmn3s0v6pwnVfXbsSsTZB/XY0=";
  };

  # setuptools builds itself: it cannot be its own build system.
  build-system = [ ];
  pythonImportsCheck = [ "setuptools" ];

  meta = {
    description = "Utilities to facilitate the installation of Python packages";
    homepage = "https://github.com/pypa/setuptools";
    license = lib.licenses.mit;
  };
}
