rec {
  pname = "hello";
  version = "2.12.1";
  name = "${pname}-${version}";
  url = "https://ftp.gnu.org/gnu/${pname}/${name}.tar.gz";
}
