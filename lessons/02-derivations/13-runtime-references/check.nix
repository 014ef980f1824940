{ files, check, ... }:
let
  m = files."main.nix";
  hashPart = check.attr m "hashPart";
  references = check.attr m "references";
  scan = candidates: text: if check.isFn references then references candidates text else null;

  # Hidden builds: a library, a compiler used only at build time, a data file, and the
  # output being scanned (which may refer to itself).
  mk = name: derivation { inherit name; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo ${name} > $out" ]; };
  libc = (mk "libc-2.40").outPath;
  cc = (mk "cc-14.2").outPath;
  data = (mk "fonts").outPath;
  self = (mk "viewer").outPath;
  hashOf = path: builtins.substring 11 32 path;
  candidates = [ libc cc data self ];
  # An output with an RPATH-like line, a wrapper that mentions itself, and a file that
  # names `fonts` only by its hash.
  binary = "ELF...RPATH=${libc}/lib...";
  wrapper = "#!/bin/sh\nexec ${self}/libexec/viewer --fonts=${hashOf data} \"$@\"\n";
  # Mentions only the names, never a hash.
  prose = "built with cc-14.2 against libc-2.40";
in
[
  { name = "hashPart cuts the hash out of a store path"; hint = 1;
    expected = [ "1b9p07z77phvv2hf6gm9f28syrcj9ly6" "0zsjxn3wbsrq6bpxyz7wgl2apb3a4j5d" ];
    actual = if check.isFn hashPart
      then map hashPart [ "/nix/store/1b9p07z77phvv2hf6gm9f28syrcj9ly6-glibc-2.40" "/nix/store/0zsjxn3wbsrq6bpxyz7wgl2apb3a4j5d-my-app-1.0-bin" ]
      else null; }
  { name = "a path written out in full is a reference"; hint = 2;
    ok = scan candidates binary == [ libc ];
    reveal = false; why = "Scanning an output that holds `libc`'s path (and no other) must give exactly `[ libc ]`."; }
  { name = "a hash alone is a reference too, and an output may refer to itself"; hint = 2;
    ok = scan candidates wrapper == [ data self ];
    reveal = false; why = "The wrapper holds its own path and only the hash of `fonts`: both are references, nothing else is."; }
  { name = "inputs that are not mentioned are not references"; hint = 3;
    ok = scan candidates (binary + wrapper) == [ libc data self ];
    reveal = false; why = "`cc` was a build input, but the output never mentions it."; }
  { name = "names without hashes do not count"; hint = 2;
    expected = [ ]; actual = scan candidates prose; }
  { name = "the candidates keep their order"; hint = 3;
    ok = scan [ self data libc ] (binary + wrapper) == [ self data libc ];
    reveal = false; why = "Keep the candidates that occur, in the order they were given."; }
]
