{ isValid = true; settings = { debug = true; host = "localhost"; port = 8080; }; size = "medium"; }

# The real solution:
# let
#   n = 42;
#   defaults = { port = 80; host = "localhost"; debug = false; };
#   overrides = { port = 8080; debug = true; };
#   settings = defaults // overrides;
# in
# {
#   size = if n < 10 then "small" else if n < 100 then "medium" else "large";
#   settings = settings;
#   isValid = settings.port >= 1 && settings.port <= 65535;
# }
