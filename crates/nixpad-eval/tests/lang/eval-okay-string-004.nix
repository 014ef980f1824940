# A doubled dollar before a brace is literal text
[ "$${x}" "$$" "a$" "$" ]
