{
  lib,
  buildPythonPackage,
  fetchurl,
}:
buildPythonPackage rec {
  pname = "markupsafe";
  version = "3.0.2";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-qHD3WB/nR84/ZglkczD+7G7e2/cNdTXvJmJvJRdpYz4=";
  };

  pythonImportsCheck = [ "markupsafe" ];

  meta = {
    description = "Implements a XML/HTML/XHTML Markup safe string";
    homepage = "https://palletsprojects.com/p/markupsafe/";
    license = lib.licenses.bsd3;
  };
}
