# __toString wins over outPath
"${ { __toString = s: "a"; outPath = "b"; } }"
