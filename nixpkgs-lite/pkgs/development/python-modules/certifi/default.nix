{
  lib,
  buildPythonPackage,
  fetchurl,
}:
buildPythonPackage rec {
  pname = "certifi";
  version = "2024.12.14";

  src = fetchurl {
    url = "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.tar.gz";
    hash = "sha256-Q8BNdkRsU1kBYutlRaZMccuDLloxujxRgJy7RJ3qG6k=";
  };

  pythonImportsCheck = [ "certifi" ];

  meta = {
    description = "Python package for providing Mozilla's CA Bundle";
    homepage = "https://github.com/certifi/python-certifi";
    license = lib.licenses.mpl20;
  };
}
