# Test and benchmark overlay 2: a feature switched off, a version pinned through
# finalAttrs, a change inside the Python package set, and a new package.
final: prev: {
  curl = prev.curl.override { http2Support = false; };
  hello = prev.hello.overrideAttrs (finalAttrs: previousAttrs: { version = "2.12"; });
  python3 = prev.python3.override {
    packageOverrides = pyfinal: pyprev: {
      idna = pyprev.idna.overrideAttrs (old: { doCheck = false; });
    };
  };
  fetch-json = final.writeShellApplication {
    name = "fetch-json";
    runtimeInputs = [ final.curl final.jq ];
    text = ''curl --silent "$1" | jq .'';
  };
}
