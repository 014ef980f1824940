let
  # Predicts what a reworded comment in the build script of stage number `changed` does
  # to a chain of `stages`, each stage using the one before it. A stage is
  # { kind = "input" | "content" | "fixed"; mentionsInput = true | false; }.
  # Everything was built before the change, and the change alters no output's bytes.
  predict = stages: changed:
    let
      kind = i: (builtins.elemAt stages i).kind;
      mentions = i: (builtins.elemAt stages i).mentionsInput;
      isFixed = i: kind i == "fixed";
      # Whether the output path is a placeholder before anything is built.
      deferred = i: kind i == "content" || (kind i == "input" && i > 0 && deferred (i - 1));

      # The .drv file names its input's .drv file: every change reaches the end.
      drvPath = i: i >= changed;
      # What evaluation gives as outPath: a declared hash keeps it; a placeholder follows
      # the .drv path; an input-addressed path follows its own recipe and its input's path.
      outPath = i:
        if i < changed || isFixed i then false
        else realPath i;
      # What a build does: a stage runs again when its recipe changed or its input's real
      # path did. A fixed output that exists is never built again.
      rebuilt = i:
        if i < changed || isFixed i then false
        else i == changed || realPath (i - 1);
      # The path the build really gives: an input-addressed one follows its (resolved)
      # recipe; a content-addressed one follows its bytes, which change only when the
      # input's path changed and the output holds that path.
      realPath = i:
        if i < changed || isFixed i then false
        else if i == changed then kind i == "input"
        else rebuilt i && (kind i == "input" || mentions i);

      each = f: builtins.genList f (builtins.length stages);
    in
    { drvPath = each drvPath; outPath = each outPath; rebuilt = each rebuilt; };

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
