let
  # Predicts what a reworded comment in the build script of stage number `changed` does
  # to a chain of `stages`, each stage using the one before it. A stage is
  # { kind = "input" | "content" | "fixed"; mentionsInput = true | false; }.
  # Everything was built before the change, and the change alters no output's bytes.
  predict = stages: changed:
    let
      each = f: builtins.genList f (builtins.length stages);
    in
    {
      drvPath = each (i: false);
      outPath = each (i: false);
      rebuilt = each (i: false);
    };

  # Downloaded sources, a library built from them, a program linked to the library.
  release = [
    { kind = "fixed"; mentionsInput = false; }
    { kind = "content"; mentionsInput = false; }
    { kind = "input"; mentionsInput = true; }
  ];
in
{
  inherit predict;
  # The library's build script gets a new comment.
  libraryReworded = predict release 1;
}
