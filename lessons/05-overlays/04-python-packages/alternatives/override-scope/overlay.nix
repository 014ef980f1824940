# The package set itself is a scope: overrideScope gives a changed copy of it.
final: prev: {
  python3Packages = prev.python3Packages.overrideScope (pyfinal: pyprev: {
    urllib3 = pyprev.urllib3.overrideAttrs { doCheck = false; };
  });
}
