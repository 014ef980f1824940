# One-line indented string with a trailing escape
''\''
