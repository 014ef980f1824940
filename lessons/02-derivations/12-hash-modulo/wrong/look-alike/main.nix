# Sets that look like the derivations: the right type, hash, arguments and pasted paths.
let
  hash = builtins.hashString "sha256" "hello\n";
  fetcher = args: drvPath: {
    type = "derivation";
    name = "hello.txt";
    outputHash = hash;
    inherit args drvPath;
    outPath = "/nix/store/gy454w1cxaq731grqwylhzf4pp9r5izh-hello.txt";
  };
  viaCurl = fetcher [ "-c" "curl -o $out https://example.org/hello.txt" ] "/nix/store/0iv1h853v6llln8i5c7by5ki8mmiinzn-hello.txt.drv";
  viaMirror = fetcher [ "-c" "wget -O $out https://mirror.example.net/hello.txt" ] "/nix/store/q0i19x0yrbkxf8vf0lqzjzvclh4mwqm9-hello.txt.drv";
  user = src: drvPath: {
    type = "derivation";
    name = "shout";
    args = [ "-c" "tr a-z A-Z < ${src.outPath} > $out" ];
    inherit drvPath;
    outPath = "/nix/store/km999a5fxzsf0dzjn9nj3f4m80gk278s-shout";
  };
in
{
  inherit viaCurl viaMirror;
  modulo = fod: builtins.hashString "sha256" "fixed:out:sha256:${fod.outputHash}:${fod.outPath}";
  fromCurl = user viaCurl "/nix/store/m7hk1spmp300c7m4g9f0mmcqbsq036z3-shout.drv";
  fromMirror = user viaMirror "/nix/store/savcmgpai7qj3c3m2h9h2vkh1v8rrzrg-shout.drv";
}
