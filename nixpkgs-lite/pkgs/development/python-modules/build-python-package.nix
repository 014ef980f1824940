# `buildPythonPackage`: a Python package, built as a wheel and installed into
# `$out/lib/pythonX.Y/site-packages`. Its `dependencies` are propagated (so that whoever
# uses it finds them too); `build-system` is only needed to build it.
{ lib, stdenv, python, setuptools, wheel }:
{
  pname,
  version,
  pyproject ? true,
  build-system ? [ setuptools wheel ],
  dependencies ? [ ],
  propagatedBuildInputs ? [ ],
  nativeBuildInputs ? [ ],
  nativeCheckInputs ? [ ],
  pythonImportsCheck ? [ ],
  doCheck ? true,
  meta ? { },
  passthru ? { },
  ...
}@args:
stdenv.mkDerivation (builtins.removeAttrs args [ "build-system" "dependencies" "pyproject" ] // {
  name = "python${python.pythonVersion}-${pname}-${version}";
  nativeBuildInputs = [ python ] ++ build-system ++ nativeBuildInputs;
  propagatedBuildInputs = dependencies ++ propagatedBuildInputs ++ [ python ];
  inherit doCheck nativeCheckInputs;
  pythonImportsCheck = lib.concatStringsSep " " pythonImportsCheck;
  buildPhase = args.buildPhase or ''
    runHook preBuild
    python -m pip wheel --no-deps --no-build-isolation --wheel-dir dist .
    runHook postBuild
  '';
  installPhase = args.installPhase or ''
    runHook preInstall
    python -m pip install --no-deps --prefix "$out" dist/*.whl
    runHook postInstall
  '';
  checkPhase = args.checkPhase or ''
    runHook preCheck
    for module in $pythonImportsCheck; do python -c "import $module"; done
    runHook postCheck
  '';
  passthru = { pythonModule = python; inherit python; } // passthru;
  meta = { platforms = python.meta.platforms; } // meta;
})
