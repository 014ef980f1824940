# Non-ASCII UTF-8 text is kept as is
[ "é" "日本" "emoji 😀" ]
