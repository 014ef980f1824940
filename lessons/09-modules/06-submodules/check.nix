{ files, importWith, check, ... }:
let
  lib = import <nixpkgs/lib>;
  accounts = importWith { "probe.nix" = "./accounts.nix"; } "probe.nix";
  etc = { lib, ... }: {
    options.environment.etc = lib.mkOption {
      type = lib.types.attrsOf (lib.types.submodule { options.text = lib.mkOption { type = lib.types.lines; }; });
      default = { };
    };
  };
  eval = modules: lib.evalModules { modules = [ etc accounts ] ++ modules; };
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "the configuration does not evaluate";
  passwd = modules: safe (eval modules).config.environment.etc.passwd.text;
  account = modules: name: safe (eval modules).config.users.accounts.${name};
  opts = (eval [ ]).options.users.accounts;
in
[
  { name = "users.accounts is a set of submodules"; hint = 1;
    expected = "attrsOf"; actual = opts.type.name or null; }
  { name = "an account's home defaults to /home/NAME, its shell to bash"; hint = 2;
    expected = { uid = 7; home = "/home/grace"; shell = "bash"; };
    actual = let a = account [ { users.accounts.grace.uid = 7; } ] "grace"; in
      if builtins.isAttrs a then { uid = a.uid or null; home = a.home or null; shell = a.shell or null; } else a; }
  { name = "one account can be defined in parts, by two modules"; hint = 1;
    expected = { uid = 1000; home = "/srv/alice"; shell = "zsh"; };
    actual = let a = account [ { users.accounts.alice.uid = 1000; } { users.accounts.alice = { shell = "zsh"; home = "/srv/alice"; }; } ] "alice"; in
      if builtins.isAttrs a then { uid = a.uid or null; home = a.home or null; shell = a.shell or null; } else a; }
  { name = "a shell that is not bash or zsh is refused"; hint = 1;
    throws = "is not of type `one of \"bash\", \"zsh\"'";
    actual = (eval [ { users.accounts.eve = { uid = 3; shell = "fish"; }; } ]).config.users.accounts.eve.shell; }
  { name = "/etc/passwd has one line per account, sorted by name"; hint = 3;
    expected = "ada:5:/home/ada:zsh\nlin:6:/home/lin:bash\n";
    actual = passwd [ { users.accounts.lin.uid = 6; } { users.accounts.ada = { uid = 5; shell = "zsh"; }; } ]; }
  { name = "no accounts, an empty /etc/passwd"; hint = 3;
    expected = ""; actual = passwd [ ]; }
]
