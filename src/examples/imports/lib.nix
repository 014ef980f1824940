# A small library: a set of functions.
{
  names = people: map (p: p.name) people;

  oldest = people:
    builtins.foldl' (best: p: if best == null || p.age > best.age then p else best) null people;

  summarise = { people, ... }:
    "${toString (builtins.length people)} people";
}
