{ name = "hello-2.12.1"; pname = "hello"; url = "https://ftp.gnu.org/gnu/hello/hello-2.12.1.tar.gz"; version = "2.12.1"; }

# The real solution:
# rec {
#   pname = "hello";
#   version = "2.12.1";
#   name = "${pname}-${version}";
#   url = "https://ftp.gnu.org/gnu/${pname}/${pname}-${version}.tar.gz";
# }
