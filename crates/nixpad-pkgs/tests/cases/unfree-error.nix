# The error nixpkgs gives for an unfree package.
(import <nixpkgs> { }).unrar.drvPath
