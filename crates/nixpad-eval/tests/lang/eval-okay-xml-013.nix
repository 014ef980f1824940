# Forces lazily nested values
builtins.toXML { a = builtins.genList (x: x * 2) 3; }
