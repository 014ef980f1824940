# A module that a case disables (evaluating it would fail).
{ config, ... }: {
  networking.hostName = throw "disabled modules are never evaluated";
}
