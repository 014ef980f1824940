# Invalid UTF-8 is reported after other errors
builtins.toJSON { a = builtins.substring 0 1 "é"; b = throw "first"; }
