let
  # Call `fn` (a function, or a file holding one) with the attributes of `set` that it
  # takes as arguments, and with `overrides` on top.
  callPackageWith = set: fn: overrides:
    let
      f = if builtins.isFunction fn then fn else import fn;
      names = builtins.attrNames (builtins.functionArgs f);
    in
    f (builtins.listToAttrs (map (name: { inherit name; value = set.${name}; }) names) // overrides);

  pkgs = {
    system = "x86_64-linux";
    greeting = "Hello";
    hello = callPackage ./hello.nix { };
    greeter = callPackage ./greeter.nix { };
    excited = callPackage ./greeter.nix { punctuation = "!!!"; };
  };
  callPackage = callPackageWith pkgs;
in
{
  inherit callPackageWith pkgs;
}
