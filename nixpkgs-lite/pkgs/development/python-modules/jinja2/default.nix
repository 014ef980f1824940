{
  lib,
  buildPythonPackage,
  fetchurl,
  markupsafe,
}:
buildPythonPackage rec {
  pname = "jinja2";
  version = "3.1.4";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-tjvzQLCapzxZnCMMadx/E4k9JyIoE36ZwDcBroVmnO4=";
  };

  dependencies = [ markupsafe ];
  pythonImportsCheck = [ "jinja2" ];

  meta = {
    description = "Very fast and expressive template engine";
    homepage = "https://jinja.palletsprojects.com/";
    license = lib.licenses.bsd3;
  };
}
