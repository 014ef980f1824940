# Strings of every kind
builtins.fromTOML "a = \"\"\"\nx\\\n  y\"\"\"\nb = '''\nraw\\n'''\nc = 'lit\\'\nd = \"\\u00e9\\t\""
