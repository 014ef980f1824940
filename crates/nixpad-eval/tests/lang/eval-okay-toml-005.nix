# Tables and arrays of tables
builtins.fromTOML "[a.b]\nc = 1\n[[d]]\ne = 1\n[[d]]\ne = 2\n[a]\nx.y = \"s\""
