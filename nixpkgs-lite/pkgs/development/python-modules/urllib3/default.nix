{
  lib,
  buildPythonPackage,
  fetchurl,
  withBrotli ? false,
  withSocks ? false,
}:
buildPythonPackage rec {
  pname = "urllib3";
  version = "2.2.3";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-Q5P2Vp/sNKlaTAhwtuWebpssGrDPLncuHAoSOEVlT9I=";
  };

  pythonImportsCheck = [ "urllib3" ];
  passthru = { inherit withBrotli withSocks; };

  meta = {
    description = "Powerful, user-friendly HTTP client for Python";
    homepage = "https://github.com/urllib3/urllib3";
    license = lib.licenses.mit;
  };
}
