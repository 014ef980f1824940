final: prev: {
  python3Packages = prev.python3Packages // {
    urllib3 = prev.python3Packages.urllib3.overrideAttrs (old: { doCheck = false; });
  };
}
