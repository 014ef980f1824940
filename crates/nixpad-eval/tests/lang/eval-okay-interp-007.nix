# outPath can itself be a set with outPath
"${ { outPath = { outPath = "deep"; }; } }"
