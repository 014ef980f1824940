{
  copied = toString ./greeting.txt;
  renamed = null;
  show = derivation {
    name = "show";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "cat greeting.txt > $out" ];
  };
}
