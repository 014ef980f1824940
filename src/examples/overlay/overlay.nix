# final: the set after all overlays; prev: the set before this one
final: prev: {
  hello = prev.hello // { version = "2.13"; };
  # a new package built from others
  shout = "${final.greeting}!";
}
