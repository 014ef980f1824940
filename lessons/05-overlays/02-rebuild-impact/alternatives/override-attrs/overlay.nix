# The same derivation, made by changing mkDerivation's attributes instead of the
# package's argument.
final: prev: {
  pcre2 = prev.pcre2.overrideAttrs (old: {
    configureFlags = builtins.filter (flag: flag != "--enable-jit") old.configureFlags;
  });
}
