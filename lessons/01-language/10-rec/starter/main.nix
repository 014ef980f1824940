{
  pname = "hello";
  version = "2.12.1";
  name = "hello-2.12";
  url = "https://ftp.gnu.org/gnu/hello/hello-2.12.tar.gz";
}
