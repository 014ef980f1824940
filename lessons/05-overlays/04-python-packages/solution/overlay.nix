# urllib3 without its test suite (doCheck = false), for every Python package that uses it
# (requests among them).
final: prev: {
  python3 = prev.python3.override {
    packageOverrides = pyfinal: pyprev: {
      urllib3 = pyprev.urllib3.overrideAttrs (old: { doCheck = false; });
    };
  };
}
