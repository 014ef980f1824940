# $${ is literal, so "$${"x"}" is a string applied to x
"$${"x"}"
