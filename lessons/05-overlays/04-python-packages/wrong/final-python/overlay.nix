final: prev: {
  python3 = final.python3.override {
    packageOverrides = pyfinal: pyprev: {
      urllib3 = pyprev.urllib3.overrideAttrs (old: { doCheck = false; });
    };
  };
}
