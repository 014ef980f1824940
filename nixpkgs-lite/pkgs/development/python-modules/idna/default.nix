{
  lib,
  buildPythonPackage,
  fetchurl,
}:
buildPythonPackage rec {
  pname = "idna";
  version = "3.10";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-asLoFiA/eQCTjH80JPNRfvJAyoCh3bHzfbbH0wKrkA8=";
  };

  pythonImportsCheck = [ "idna" ];

  meta = {
    description = "Internationalized Domain Names in Applications (IDNA)";
    homepage = "https://github.com/kjd/idna";
    license = lib.licenses.bsd3;
  };
}
