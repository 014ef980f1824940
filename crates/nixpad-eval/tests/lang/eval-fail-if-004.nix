# A missing else branch is a syntax error
if true then 1
