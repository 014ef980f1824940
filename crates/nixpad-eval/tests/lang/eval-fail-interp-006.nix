# Attribute sets without __toString or outPath are not coerced
"${ { a = 1; } }"
