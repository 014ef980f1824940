# __ignoreNulls drops null attributes; __structuredAttrs = false is an ordinary variable.
derivation {
  name = "ignore-nulls";
  builder = "/bin/sh";
  system = "x86_64-linux";
  __ignoreNulls = true;
  __structuredAttrs = false;
  gone = null;
  kept = "yes";
  alsoKept = [ null ];
}
