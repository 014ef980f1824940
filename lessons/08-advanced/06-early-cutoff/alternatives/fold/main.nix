let
  # Predicts what a reworded comment in the build script of stage number `changed` does
  # to a chain of `stages`, each stage using the one before it. A stage is
  # { kind = "input" | "content" | "fixed"; mentionsInput = true | false; }.
  # Everything was built before the change, and the change alters no output's bytes.
  #
  # One pass along the chain, carrying what the previous stage passed on.
  predict = stages: changed:
    let
      step = acc: stage:
        let
          i = builtins.length acc.drvPath;
          here = i == changed;
          fixed = stage.kind == "fixed";
          # A placeholder: content-addressed, or input-addressed after a placeholder.
          deferred = stage.kind == "content" || (stage.kind == "input" && acc.deferred);
          drv = here || acc.drv;
          out = !fixed && (here || (i > changed && (deferred || acc.out)));
          built = !fixed && (here || acc.real);
          real = built && (if here then stage.kind == "input" else stage.kind == "input" || stage.mentionsInput);
        in
        {
          drvPath = acc.drvPath ++ [ drv ];
          outPath = acc.outPath ++ [ out ];
          rebuilt = acc.rebuilt ++ [ built ];
          inherit deferred drv out real;
        };
      result = builtins.foldl' step
        { drvPath = [ ]; outPath = [ ]; rebuilt = [ ]; deferred = false; drv = false; out = false; real = false; }
        stages;
    in
    { inherit (result) drvPath outPath rebuilt; };

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
