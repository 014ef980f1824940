{
  copied = ./greeting.txt;
  renamed = builtins.path { path = ./greeting.txt; name = "hi.txt"; };
  show = derivation {
    name = "show";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "cat ${./greeting.txt} > $out" ];
  };
}
