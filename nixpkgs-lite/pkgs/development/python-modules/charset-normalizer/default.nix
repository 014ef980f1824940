{
  lib,
  buildPythonPackage,
  fetchurl,
}:
buildPythonPackage rec {
  pname = "charset-normalizer";
  version = "3.4.0";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-QqbU800FKSCkhj/XlpU9Wu+tHLzvmJ8CoUrpiuJpKdk=";
  };

  pythonImportsCheck = [ "charset_normalizer" ];

  meta = {
    description = "Python module for encoding and language detection";
    homepage = "https://charset-normalizer.readthedocs.io/";
    license = lib.licenses.mit;
  };
}
