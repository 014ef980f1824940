# pcre2 without its JIT compiler (the package's argument withJit), for every package
# that uses pcre2.
final: prev: {
  pcre2 = prev.pcre2.override { withJit = false; };
}
