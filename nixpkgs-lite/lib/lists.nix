# Functions on lists (`lib.lists`).
{ lib }:
let
  inherit (builtins) head tail length elemAt genList filter foldl';
in
rec {
  inherit (builtins) head tail length elemAt genList filter elem map concatLists concatMap partition groupBy sort all any foldl';

  # `[ x ]`.
  singleton = x: [ x ];
  # `map` with the list first.
  forEach = xs: f: map f xs;

  # Right fold: foldr op nul [ x1 x2 ] == op x1 (op x2 nul).
  foldr = op: nul: list:
    let
      len = length list;
      go = n: if n == len then nul else op (elemAt list n) (go (n + 1));
    in
    go 0;

  # Left fold (lazy in the accumulator; `foldl'` is the strict one).
  foldl = op: nul: list:
    let go = n: if n == -1 then nul else op (go (n - 1)) (elemAt list n);
    in go (length list - 1);

  # `map` with the index (from 0 or from 1) as first argument.
  imap0 = f: list: genList (n: f n (elemAt list n)) (length list);
  imap1 = f: list: genList (n: f (n + 1) (elemAt list n)) (length list);
  # `filter` with the index.
  ifilter0 = pred: list:
    map (i: elemAt list i) (filter (i: pred i (elemAt list i)) (genList (i: i) (length list)));

  # Nested lists made flat (a non-list becomes a one-element list).
  flatten = x: if builtins.isList x then builtins.concatMap flatten x else [ x ];

  # The list without the elements equal to `e`.
  remove = e: filter (x: x != e);

  # The only element satisfying `pred`; `default` if none, `multiple` if several.
  findSingle = pred: default: multiple: list:
    let found = filter pred list; n = length found;
    in if n == 0 then default else if n != 1 then multiple else head found;

  # The first element satisfying `pred`, or `default`.
  findFirst = pred: default: list:
    let found = filter pred list;
    in if found == [ ] then default else head found;

  # How many elements satisfy `pred`.
  count = pred: foldl' (c: x: if pred x then c + 1 else c) 0;

  # `[ x ]` when `cond` holds, `[ ]` otherwise.
  optional = cond: elem: if cond then [ elem ] else [ ];
  # The list when `cond` holds, `[ ]` otherwise.
  optionals = cond: elems: if cond then elems else [ ];
  # A list as is, anything else as a one-element list.
  toList = x: if builtins.isList x then x else [ x ];

  # The integers from `first` to `last`, both included.
  range = first: last: if first > last then [ ] else genList (n: first + n) (last - first + 1);
  # `n` copies of `elem`.
  replicate = n: elem: genList (_: elem) n;

  # Pairs of elements: zipListsWith f [ 1 2 ] [ 3 4 ] == [ (f 1 3) (f 2 4) ].
  zipListsWith = f: fst: snd:
    genList (n: f (elemAt fst n) (elemAt snd n)) (lib.min (length fst) (length snd));
  zipLists = zipListsWith (fst: snd: { inherit fst snd; });

  # The list reversed.
  reverseList = xs: let l = length xs; in genList (n: elemAt xs (l - n - 1)) l;

  # Sorts strings with digit runs compared as numbers ("a2" before "a10").
  naturalSort = lst:
    let
      vectorise = s: map (x: if builtins.isList x then lib.toInt (head x) else x) (builtins.split "(0|[1-9][0-9]*)" s);
      prepared = map (x: [ (vectorise x) x ]) lst;
      less = a: b: builtins.lessThan (head a) (head b);
    in
    map (x: elemAt x 1) (sort less prepared);

  # The last element, and all but the last.
  last = list:
    assert lib.assertMsg (list != [ ]) "lists.last: list must not be empty!";
    elemAt list (length list - 1);
  init = list:
    assert lib.assertMsg (list != [ ]) "lists.init: list must not be empty!";
    take (length list - 1) list;

  # The first `count` elements, and all but them.
  take = count: sublist 0 count;
  drop = count: list: sublist count (length list) list;

  # `count` elements from index `start`.
  sublist = start: count: list:
    let
      len = length list;
      n = if start >= len then 0 else if start + count > len then len - start else count;
    in
    genList (i: elemAt list (i + start)) n;

  # The list without repeated elements (the first of each stays).
  unique = foldl' (acc: e: if builtins.elem e acc then acc else acc ++ [ e ]) [ ];
  # `unique` for strings, faster.
  uniqueStrings = list: builtins.attrNames (builtins.groupBy (x: x) list);
  # Whether no element repeats.
  allUnique = list: length (unique list) == length list;

  # Elements of `e` also in `l`, and elements of `e` not in `l`.
  intersectLists = e: filter (x: builtins.elem x e);
  subtractLists = e: filter (x: !(builtins.elem x e));

  # The larger and the smaller of two values.
  max = x: y: if x > y then x else y;
  min = x: y: if x < y then x else y;
}
