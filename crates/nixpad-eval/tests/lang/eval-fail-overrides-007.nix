# __overrides is forced when the set is built, before dynamic names
(rec { __overrides = throw "overrides"; ${throw "name"} = 1; }) ? a
