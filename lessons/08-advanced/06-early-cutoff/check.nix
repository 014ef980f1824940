{ files, check, ... }:
let
  m = files."main.nix";
  predict = stages: changed: check.call (check.attr m "predict") [ stages changed ];
  field = name: stages: changed: check.attr (predict stages changed) name;

  st = kind: mentionsInput: { inherit kind mentionsInput; };
  I = st "input" false;
  Im = st "input" true;
  C = st "content" false;
  Cm = st "content" true;
  F = st "fixed" false;

  # The chain as real derivations, with stage `changed` reworded (-1: none), to compare
  # what evaluation gives before and after the change.
  d = args: derivation ({ system = "x86_64-linux"; builder = "/bin/sh"; } // args);
  chain = stages: changed:
    let
      go = i: prev:
        if i == builtins.length stages then [ ] else
        let
          s = builtins.elemAt stages i;
          name = "stage-${toString i}";
          drv = d ({
            inherit name;
            args = [ "-c" "# step ${toString i}${if i == changed then ", reworded" else ""}\nmake" ];
          }
          // (if prev == null then { } else { input = prev; })
          // (if s.kind == "content" then { __contentAddressed = true; } else { })
          // (if s.kind == "fixed" then { outputHash = builtins.hashString "sha256" name; outputHashAlgo = "sha256"; } else { }));
        in
        [ drv ] ++ go (i + 1) drv;
    in
    go 0 null;
  changes = attr: stages: changed:
    let before = chain stages (-1); after = chain stages changed; in
    builtins.genList (i: (builtins.elemAt before i).${attr} != (builtins.elemAt after i).${attr}) (builtins.length stages);

  # What a build does. Nix cannot show this without building; this rule was checked
  # against real builds of these chains with Nix 2.26 (comments only, outputs that write
  # their input's path exactly when mentionsInput is true).
  rebuilt = stages: changed:
    let
      kind = i: (builtins.elemAt stages i).kind;
      again = i: !(i < changed || kind i == "fixed") && (i == changed || moved (i - 1));
      moved = i:
        if i < changed || kind i == "fixed" then false
        else if i == changed then kind i == "input"
        else again i && (kind i == "input" || (builtins.elemAt stages i).mentionsInput);
    in
    builtins.genList again (builtins.length stages);

  # Scenarios: a chain and the stage that gets a new comment.
  inputOnly = [ [ [ I I F I ] 0 ] [ [ F I I ] 0 ] [ [ I Im I ] 2 ] [ [ I F I I ] 1 ] ];
  withContent = [ [ [ C I I ] 0 ] [ [ I C I ] 0 ] [ [ F C I ] 0 ] [ [ C F I ] 1 ] [ [ C Im Cm I ] 1 ] [ [ I C Cm I ] 1 ] ];
  cutOff = [ [ [ C I I ] 0 ] [ [ I C Cm I ] 1 ] [ [ C Cm I ] 0 ] [ [ C I C I ] 0 ] ];
  heldPaths = [ [ [ I Cm I ] 0 ] [ [ I C I ] 0 ] [ [ C Im Cm I ] 1 ] [ [ I Im Cm F I ] 0 ] [ [ I Cm C I ] 0 ] ];
  fixedOnes = [ [ [ F C I ] 0 ] [ [ C F I ] 1 ] [ [ I I F I ] 0 ] ];

  yours = name: scenarios: map (s: field name (builtins.elemAt s 0) (builtins.elemAt s 1)) scenarios;
  truth = f: scenarios: map (s: f (builtins.elemAt s 0) (builtins.elemAt s 1)) scenarios;
in
[
  { name = "drvPath: which .drv files change"; hint = 1;
    expected = truth (changes "drvPath") (inputOnly ++ withContent);
    actual = yours "drvPath" (inputOnly ++ withContent); }
  { name = "outPath at evaluation, input-addressed and fixed-output stages"; hint = 1;
    expected = truth (changes "outPath") inputOnly;
    actual = yours "outPath" inputOnly; }
  { name = "outPath at evaluation, with content-addressed stages"; hint = 2;
    expected = truth (changes "outPath") withContent;
    actual = yours "outPath" withContent;
    message = "A placeholder is a hash of the .drv path: when the .drv changes, so does the placeholder, whatever the build will give."; }
  { name = "rebuilt, input-addressed chains"; hint = 1;
    expected = truth rebuilt inputOnly;
    actual = yours "rebuilt" inputOnly; }
  { name = "rebuilt: a reworded content-addressed stage is the only one built"; hint = 3;
    expected = truth rebuilt cutOff;
    actual = yours "rebuilt" cutOff;
    message = "Same bytes, same path: what comes after it finds its output already there."; }
  { name = "rebuilt: a content-addressed output that holds a changed path changes too"; hint = 3;
    expected = truth rebuilt heldPaths;
    actual = yours "rebuilt" heldPaths;
    message = "A content-addressed stage after a changed input-addressed one is built again; its bytes change if they contain the input's (new) path."; }
  { name = "rebuilt: a fixed output that exists is not built again"; hint = 2;
    expected = truth rebuilt fixedOnes;
    actual = yours "rebuilt" fixedOnes; }
]
