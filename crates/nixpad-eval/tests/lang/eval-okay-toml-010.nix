# Empty document
builtins.fromTOML ""
