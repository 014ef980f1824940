# Overriding: makeOverridable lets users change a package's arguments
# after the fact, as nixpkgs' `.override` does.
let
  makeOverridable = f: args:
    let result = f args; in
    result // { override = newArgs: makeOverridable f (args // newArgs); };

  mkGreeter = { greeting ? "Hello", target ? "world", excited ? false }: {
    name = "greeter";
    message = "${greeting}, ${target}${if excited then "!" else "."}";
  };

  greeter = makeOverridable mkGreeter { };
in
{
  default = greeter.message;
  custom = (greeter.override { target = "Nix"; excited = true; }).message;
  # overrides stack
  twice = ((greeter.override { greeting = "Hi"; }).override { target = "you"; }).message;
}
