# The library functions flake.nix uses, written small for the stub.
let
  lib = {
    genAttrs = names: f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) names);
    findFirst =
      pred: default: list:
      let
        hits = builtins.filter pred list;
      in
      if hits == [ ] then default else builtins.head hits;
    optionals = cond: list: if cond then list else [ ];
    optionalString = cond: s: if cond then s else "";
    versions.major = v: builtins.head (builtins.splitVersion v);
    getExe = drv: "${drv}/bin/${drv.meta.mainProgram or drv.pname or drv.name}";
    licenses.mit = {
      spdxId = "MIT";
    };
    # A file set is a list of paths; the source keeps them (and the folders leading to them).
    fileset = {
      unions = paths: paths;
      toSource =
        { root, fileset }:
        let
          rootStr = toString root;
          wanted = map toString fileset;
          keep =
            path: _type:
            builtins.any (
              w: path == w || lib.hasPrefix "${w}/" path || lib.hasPrefix "${path}/" w
            ) wanted;
          missing = builtins.filter (p: !builtins.pathExists p) fileset;
        in
        if missing != [ ] then
          throw "fileset.toSource: missing ${toString missing}"
        else
          builtins.path {
            path = root;
            name = "source";
            filter = keep;
          };
    };
    hasPrefix = prefix: s: builtins.substring 0 (builtins.stringLength prefix) s == prefix;
  };
in
lib
