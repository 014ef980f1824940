# CPython 3, and its package set `python3.pkgs` (also `pkgs.python3Packages`).
#
# The package set is a scope (lib.makeScope): packages in it are called with the scope's
# packages first, then the top-level ones. Change it for everybody with
#   python3.override { packageOverrides = pyfinal: pyprev: { ... }; }
# or get a changed copy with `python3Packages.overrideScope (pyfinal: pyprev: { ... })`.
{
  lib,
  stdenv,
  pkgs,
  fetchurl,
  pkg-config,
  zlib,
  openssl,
  libffi,
  expat,
  bzip2,
  xz,
  ncurses,
  readline,
  sqlite,
  withSqlite ? true,
  withReadline ? true,
  packageOverrides ? (final: prev: { }),
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "python3";
  version = "3.12.8";

  src = fetchurl {
    url = "https://www.python.org/ftp/python/${finalAttrs.version}/Python-${finalAttrs.version}.tar.xz";
    hash = "sha256-xoL6Iqhdm1/jqGCA94AvbJKRqVfgwF8Xnxk3u/mSLw4=";
  };

  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ zlib openssl libffi expat bzip2 xz ncurses ]
    ++ lib.optional withSqlite sqlite
    ++ lib.optional withReadline readline;

  configureFlags = [ "--enable-shared" "--with-ensurepip=no" "--with-system-expat" ];
  enableParallelBuilding = true;
  postInstall = ''
    ln -s "$out/bin/python${finalAttrs.passthru.pythonVersion}" "$out/bin/python"
  '';

  passthru =
    let
      python = finalAttrs.finalPackage;
      pythonVersion = lib.versions.majorMinor finalAttrs.version;
      sitePackages = "lib/python${pythonVersion}/site-packages";
      packageSet = import ../../python-modules/python-packages.nix;
      # The modules a list of Python packages needs, with what they propagate.
      requiredPythonModules = modules: map (item: item.pkg) (builtins.genericClosure {
        startSet = map (pkg: { key = pkg.outPath; inherit pkg; }) modules;
        operator = item: map (pkg: { key = pkg.outPath; inherit pkg; })
          (builtins.filter (p: p ? pythonModule) (item.pkg.propagatedBuildInputs or [ ]));
      });
    in
    {
      inherit pythonVersion sitePackages;
      executable = "python${pythonVersion}";
      isPy3 = true;
      # The package set of this interpreter.
      pkgs = lib.makeScope (extra: lib.callPackageWith (pkgs // extra))
        (lib.extends packageOverrides (packageSet { inherit lib python; }));
      # An interpreter whose `sys.path` holds the chosen packages:
      # python3.withPackages (ps: [ ps.requests ]).
      withPackages = choose:
        let modules = requiredPythonModules (choose python.pkgs);
        in pkgs.symlinkJoin {
          name = "python${finalAttrs.version}-env";
          paths = [ python ] ++ modules;
          nativeBuildInputs = [ pkgs.makeWrapper ];
          postBuild = ''
            for prog in "$out"/bin/*; do
              wrapProgram "$prog" --set PYTHONHOME "$out" --set PYTHONNOUSERSITE true
            done
          '';
          passthru = { inherit python; env = python; };
          meta.mainProgram = "python3";
        };
      # What Python's setup hook exports for the build's dependencies: their
      # site-packages on PYTHONPATH (how propagated Python dependencies are found).
      setupHookEnv = deps: {
        PYTHONPATH = lib.makeSearchPath sitePackages (builtins.filter (d: d ? pythonModule) deps);
      };
    };

  meta = {
    description = "High-level dynamically-typed programming language";
    homepage = "https://www.python.org";
    license = lib.licenses.psfl;
    platforms = lib.platforms.linux ++ lib.platforms.darwin;
    mainProgram = "python3";
    maintainers = [ lib.maintainers.ada ];
  };
})
