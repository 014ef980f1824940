# A layered image needs at least 2 layers: one for the store paths and the customisation
# layer (nixpkgs' message, spelling included).
let
  pkgs = import <nixpkgs> { };
in
(pkgs.dockerTools.buildLayeredImage { name = "hello"; contents = [ pkgs.hello ]; maxLayers = 1; }).drvPath
