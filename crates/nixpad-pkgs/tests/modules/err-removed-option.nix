# Reading a removed option explains what to do instead.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    (lib.mkRemovedOptionModule [ "services" "old" ] "Use services.new instead.")
    { services.old = true; }
  ];
}).config.services.old
