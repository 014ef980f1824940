# An attribute set with outPath can be interpolated
"${ { outPath = "/some/where"; } }"
