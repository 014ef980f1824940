# The packages of a tiny distribution: a name, a version, and the names of the packages
# each one needs.
[
  { name = "hello"; version = "2.12.1"; deps = [ ]; }
  { name = "curl"; version = "8.5.0"; deps = [ "openssl" "zlib" ]; }
  { name = "openssl"; version = "3.0.13"; deps = [ "zlib" ]; }
  { name = "zlib"; version = "1.3.1"; deps = [ ]; }
]
