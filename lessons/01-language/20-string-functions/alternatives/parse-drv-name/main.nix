# parseName with the builtin Nix itself uses on derivation names; render one placeholder at a
# time; tidy with match, recursively.
{
  parseName = s:
    let parsed = builtins.parseDrvName s;
    in if parsed.version == "" then null else parsed;

  tidy = s:
    let
      trimmed = builtins.match " *(.*[^ ]) *" s;
      squeeze = t:
        let t' = builtins.replaceStrings [ "  " ] [ " " ] t;
        in if t' == t then t else squeeze t';
    in
    if trimmed == null then "" else squeeze (builtins.head trimmed);

  render = vars: template:
    builtins.foldl'
      (text: n: builtins.replaceStrings [ "@${n}@" ] [ vars.${n} ] text)
      template
      (builtins.attrNames vars);

  shorten = n: s:
    let cut = builtins.substring 0 n s;
    in if cut == s then s else cut + "...";
}
