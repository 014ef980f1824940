# `assertions` (conditions that must hold, else the system fails to build with their messages)
# and `warnings` (messages printed while building the system).
{ lib, ... }:
{
  options = {
    assertions = lib.mkOption {
      type = lib.types.listOf lib.types.unspecified;
      internal = true;
      default = [ ];
      example = [ { assertion = false; message = "you can't enable this for that reason"; } ];
      description = "Conditions that must hold: `{ assertion; message; }`; the system fails to evaluate with the messages of the failed ones.";
    };
    warnings = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      internal = true;
      default = [ ];
      example = [ "The `foo' service is deprecated and will go away soon!" ];
      description = "Messages printed when the system is evaluated.";
    };
  };
}
