{ files, importWith, check, ... }:
let
  lib = import <nixpkgs/lib>;
  profile = importWith { "probe.nix" = "./profile.nix"; } "probe.nix";
  # A configuration built from modules in this order, the profile among them.
  evalWith = modules: lib.evalModules { inherit modules; };
  value = modules: path:
    let r = builtins.tryEval (builtins.deepSeq (lib.attrByPath path null (evalWith modules).config) (lib.attrByPath path null (evalWith modules).config)); in
    if r.success then r.value else "the configuration does not evaluate";
  user = settings: { ... }: settings;
in
[
  { name = "alone, the profile gives port 2222, no passwords, harden at boot"; hint = 1;
    expected = [ 2222 false [ "harden" ] ];
    actual = [ (value [ profile ] [ "services" "ssh" "port" ]) (value [ profile ] [ "services" "ssh" "passwordAuthentication" ]) (value [ profile ] [ "startup" "commands" ]) ]; }
  { name = "a configuration that sets the port wins over the profile"; hint = 1;
    expected = 22; actual = value [ profile (user { services.ssh.port = 22; }) ] [ "services" "ssh" "port" ]; }
  { name = "…in whichever order the modules come"; hint = 1;
    expected = 8022; actual = value [ (user { services.ssh.port = 8022; }) profile ] [ "services" "ssh" "port" ]; }
  { name = "a configuration cannot turn passwords back on"; hint = 2;
    expected = false; actual = value [ profile (user { services.ssh.passwordAuthentication = true; }) ] [ "services" "ssh" "passwordAuthentication" ]; }
  { name = "harden runs before the commands of modules listed earlier"; hint = 3;
    expected = [ "harden" "mount /data" "start web" ];
    actual = value [ (user { startup.commands = [ "mount /data" ]; }) (user { startup.commands = [ "start web" ]; }) profile ] [ "startup" "commands" ]; }
  { name = "…and of modules listed later"; hint = 3;
    expected = [ "harden" "start web" ];
    actual = value [ profile (user { startup.commands = [ "start web" ]; }) ] [ "startup" "commands" ]; }
  { name = "a later mkBefore still comes first"; hint = 3;
    expected = [ "first" "harden" "start web" ];
    actual = value [ (user { startup.commands = lib.mkOrder 100 [ "first" ]; }) profile (user { startup.commands = [ "start web" ]; }) ] [ "startup" "commands" ]; }
]
