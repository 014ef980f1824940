# fetchurl.nix needs a url
import <nix/fetchurl.nix> { }
