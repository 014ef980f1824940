# CR LF line endings in the source become LF inside strings
"x
y"
