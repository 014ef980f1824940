# Equality of strings from different constructions
"${"a"}b" == ''ab''
