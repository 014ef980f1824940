# requests: its `dependencies` are propagated, so a package or environment with
# requests also gets certifi, charset-normalizer, idna and urllib3.
{
  lib,
  buildPythonPackage,
  fetchurl,
  certifi,
  charset-normalizer,
  idna,
  urllib3,
  pytest,
}:
buildPythonPackage rec {
  pname = "requests";
  version = "2.32.3";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-GhZal0AzanD3YqGn5i3AEJb+Kc9cc8SZ1Ltig4UkoCU=";
  };

  dependencies = [ certifi charset-normalizer idna urllib3 ];
  nativeCheckInputs = [ pytest ];
  pythonImportsCheck = [ "requests" ];

  meta = {
    description = "HTTP library for Python";
    homepage = "https://requests.readthedocs.io/";
    license = lib.licenses.asl20;
  };
}
