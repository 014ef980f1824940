final: prev: {
  pcre2 = final.pcre2.override { withJit = false; };
}
