{ files, ... }:
let m = files."main.nix"; in
[
  { name = "final.fullName is \"hello-2.12.1\""; expected = "hello-2.12.1"; actual = m.final.fullName or null; hint = 1; }
  { name = "bumped.version is \"3.0\""; expected = "3.0"; actual = m.bumped.version or null; hint = 2; }
  { name = "bumped.fullName follows the new version"; expected = "hello-3.0"; actual = m.bumped.fullName or null; hint = 2;
    message = "fullName must read the version through `self`, so that a later change is seen."; }
]
