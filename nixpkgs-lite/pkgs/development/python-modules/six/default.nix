{
  lib,
  buildPythonPackage,
  fetchurl,
}:
buildPythonPackage rec {
  pname = "six";
  version = "1.17.0";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-IXdJKLic6IMi/QKQD2j893cCMACNsuxLK8f5FhFlaUs=";
  };

  pythonImportsCheck = [ "six" ];

  meta = {
    description = "Python 2 and 3 compatibility library";
    homepage = "https://github.com/benjaminp/six";
    license = lib.licenses.mit;
  };
}
