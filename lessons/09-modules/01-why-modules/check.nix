{ files, syntax, importWith, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "the configuration does not evaluate";
  machine = files."machine.nix";
  sorted = l: if builtins.isList l then builtins.sort builtins.lessThan l else l;
  packagesOf = c: sorted (safe (c.environment.systemPackages or null));
  # The same machine with other profiles: it must merge whatever they define.
  withBase = base: importWith { "base.nix" = base; } "machine.nix";
  withWeb = web: importWith { "web.nix" = web; } "machine.nix";
in
[
  { name = "the host name is alpha"; hint = 1;
    expected = "alpha"; actual = safe (machine.networking.hostName or null); }
  { name = "both profiles' packages are installed"; hint = 1;
    expected = [ "curl" "git" "nginx" "vim" ]; actual = packagesOf machine; }
  { name = "both profiles' files are in /etc"; hint = 2;
    expected = [ "motd" "nginx.conf" ]; actual = safe (builtins.attrNames (machine.environment.etc or { })); }
  { name = "a base profile the page never showed is merged too"; hint = 2;
    expected = [ "curl" "htop" "nginx" ];
    actual = packagesOf (withBase ''{ environment.systemPackages = [ "htop" ]; }''); }
  { name = "a profile that sets another host name is a conflict, not silently overridden"; hint = 3;
    throws = "networking.hostName' has conflicting definition values";
    actual = (withBase ''{ networking.hostName = "beta"; }'').networking.hostName; }
  { name = "a profile whose packages are not a list is refused"; hint = 3;
    throws = "environment.systemPackages' is not of type `list of string'";
    actual = (withWeb ''{ environment.systemPackages = "nginx"; }'').environment.systemPackages; }
  (check.syntaxCheck {
    name = "the profiles are combined by the module system, not by //"; hint = 1;
    ok = (syntax."machine.nix".operators."//" or 0) == 0;
  })
]
