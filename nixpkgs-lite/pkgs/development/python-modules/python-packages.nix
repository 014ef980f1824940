# The Python package set: a function of the finished set (`self`), made into a scope by
# the interpreter (see ../interpreters/python/default.nix).
{ lib, python }:
self:
let
  inherit (self) callPackage;
in
{
  inherit python;
  # `buildPythonPackage { pname; version; src; dependencies; ... }`.
  buildPythonPackage = callPackage ./build-python-package.nix { };
  # Turns a top-level package into a Python module of this set.
  toPythonModule = drv: drv.overrideAttrs (old: { passthru = (old.passthru or { }) // { pythonModule = python; }; });

  setuptools = callPackage ./setuptools { };
  wheel = callPackage ./wheel { };
  six = callPackage ./six { };
  idna = callPackage ./idna { };
  certifi = callPackage ./certifi { };
  charset-normalizer = callPackage ./charset-normalizer { };
  urllib3 = callPackage ./urllib3 { };
  requests = callPackage ./requests { };
  markupsafe = callPackage ./markupsafe { };
  jinja2 = callPackage ./jinja2 { };
  pytest = callPackage ./pytest { };
}
