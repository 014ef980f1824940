{
  lib,
  buildPythonPackage,
  fetchurl,
}:
buildPythonPackage rec {
  pname = "wheel";
  version = "0.45.1";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-9oWI9IdWYPyXexoV1clcCddNz2OySpedwZ6dXpFdP08=";
  };

  build-system = [ ];
  pythonImportsCheck = [ "wheel" ];

  meta = {
    description = "A built-package format for Python";
    homepage = "https://github.com/pypa/wheel";
    license = lib.licenses.mit;
  };
}
