let
  name = "hello";
  version = "2.12.1";
  meta = {
    license = "GPL-3.0-or-later";
    homepage = "https://www.gnu.org/software/hello/";
    description = "A program that produces a familiar, friendly greeting";
  };
in
{
  name = name;
  version = version;
  license = meta.license;
  homepage = meta.homepage;
}
