# Processing parsed JSON
let
  data = builtins.fromJSON ''[{"name":"a","size":3},{"name":"b","size":10},{"name":"c","size":7}]'';
  big = builtins.filter (x: x.size > 5) data;
in { names = map (x: x.name) big; total = builtins.foldl' (acc: x: acc + x.size) 0 data; }
