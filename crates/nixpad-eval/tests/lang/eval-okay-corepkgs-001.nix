# <nix/fetchurl.nix> is a built-in file: a function taking fetchurl's arguments
[ <nix/fetchurl.nix> (toString <nix/fetchurl.nix>) (baseNameOf <nix/fetchurl.nix>) (builtins.typeOf <nix/fetchurl.nix>) (builtins.functionArgs (import <nix/fetchurl.nix>)) ]
