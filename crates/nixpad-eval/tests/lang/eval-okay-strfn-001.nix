# stringLength counts bytes
[ (builtins.stringLength "") (builtins.stringLength "abc") (builtins.stringLength "é") (builtins.stringLength "日本") ]
