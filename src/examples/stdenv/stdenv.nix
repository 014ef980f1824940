{
  mkDerivation = { pname, version, buildPhase ? "", installPhase ? "", ... }@args:
    derivation (builtins.removeAttrs args [ "pname" "version" ] // {
      name = "${pname}-${version}";
      system = "x86_64-linux";
      builder = "/bin/sh";
      args = [ "-c" ''
        set -e
        ${buildPhase}
        ${installPhase}
      '' ];
      inherit pname version;
    });
}
