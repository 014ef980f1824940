# Trivial builders: derivations made from a few lines of shell or a text, with
# `stdenvNoCC` (no compiler needed). The names and arguments are nixpkgs'.
{ lib, pkgs }:
let
  inherit (pkgs) stdenvNoCC;
in
rec {
  # `runCommand name env script`: a derivation whose build is `script` (with `env`'s
  # attributes as environment variables), e.g. runCommand "hi" { } "echo hi > $out".
  runCommand = name: env: buildCommand: runCommandWith { inherit name; stdenv = stdenvNoCC; derivationArgs = env; } buildCommand;
  # The same, with a C compiler available.
  runCommandCC = name: env: buildCommand: runCommandWith { inherit name; stdenv = pkgs.stdenv; derivationArgs = env; } buildCommand;
  # The general form: `runCommandWith { name; stdenv; derivationArgs; } script`.
  runCommandWith = { name, stdenv ? stdenvNoCC, runLocal ? false, derivationArgs ? { } }: buildCommand:
    stdenv.mkDerivation ({
      inherit name buildCommand;
      passAsFile = [ "buildCommand" ] ++ (derivationArgs.passAsFile or [ ]);
    }
    // lib.optionalAttrs runLocal { preferLocalBuild = true; allowSubstitutes = false; }
    // builtins.removeAttrs derivationArgs [ "passAsFile" ]);

  # A file (or, with `destination`, a directory holding it) with the given text.
  writeTextFile = {
    name,
    text,
    executable ? false,
    destination ? "",
    checkPhase ? "",
    meta ? { },
    passthru ? { },
    allowSubstitutes ? false,
    preferLocalBuild ? true,
    derivationArgs ? { },
  }:
    runCommand name ({
      inherit text executable checkPhase allowSubstitutes preferLocalBuild meta passthru;
      passAsFile = [ "text" ];
    } // derivationArgs) ''
      target=$out${lib.escapeShellArg destination}
      mkdir -p "$(dirname "$target")"
      cp "$textPath" "$target"
      if [ -n "$executable" ]; then chmod +x "$target"; fi
      eval "$checkPhase"
    '';

  # A file with the given text: writeText "greeting" "hello".
  writeText = name: text: writeTextFile { inherit name text; };
  # The same, in a directory: `$out/${name}`.
  writeTextDir = path: text: writeTextFile { name = builtins.baseNameOf path; inherit text; destination = "/${path}"; };

  # An executable shell script (checked for syntax errors at build time).
  writeScript = name: text: writeTextFile { inherit name text; executable = true; };
  writeShellScript = name: text: writeTextFile {
    inherit name;
    executable = true;
    text = ''
      #!${pkgs.runtimeShell}
      ${text}
    '';
    checkPhase = "${pkgs.stdenv.shellDryRun} \"$target\"";
  };
  # A shell script in `$out/bin/${name}` (so it can be added to PATH or a profile).
  writeShellScriptBin = name: text: writeTextFile {
    inherit name;
    executable = true;
    destination = "/bin/${name}";
    text = ''
      #!${pkgs.runtimeShell}
      ${text}
    '';
    checkPhase = "${pkgs.stdenv.shellDryRun} \"$target\"";
    meta.mainProgram = name;
  };

  # A shell application: strict mode, `runtimeInputs` on its PATH, checked with shellcheck.
  writeShellApplication = {
    name,
    text,
    runtimeInputs ? [ ],
    runtimeEnv ? null,
    meta ? { },
    passthru ? { },
    checkPhase ? null,
    excludeShellChecks ? [ ],
    bashOptions ? [ "errexit" "nounset" "pipefail" ],
    derivationArgs ? { },
  }:
    writeTextFile {
      inherit name passthru derivationArgs;
      meta = { mainProgram = name; } // meta;
      executable = true;
      destination = "/bin/${name}";
      allowSubstitutes = true;
      preferLocalBuild = false;
      text = ''
        #!${pkgs.runtimeShell}
        ${lib.concatMapStringsSep "\n" (option: "set -o ${option}") bashOptions}
      '' + lib.optionalString (runtimeEnv != null) (lib.concatStrings (lib.mapAttrsToList (n: v: ''
        export ${n}=${lib.escapeShellArg v}
      '') runtimeEnv)) + lib.optionalString (runtimeInputs != [ ]) ''

        export PATH="${lib.makeBinPath runtimeInputs}:$PATH"
      '' + ''

        ${text}
      '';
      checkPhase =
        if checkPhase == null then ''
          runHook preCheck
          ${pkgs.stdenv.shellDryRun} "$target"
          ${lib.getExe pkgs.shellcheck-minimal} ${lib.optionalString (excludeShellChecks != [ ]) "--exclude=${lib.concatStringsSep "," excludeShellChecks}"} "$target"
          runHook postCheck
        '' else checkPhase;
    };

  # One directory with links to the files of all `paths` (like a profile).
  symlinkJoin = { name, paths, preferLocalBuild ? true, allowSubstitutes ? false, postBuild ? "", ... }@args:
    runCommand name (builtins.removeAttrs args [ "name" "postBuild" ] // {
      inherit preferLocalBuild allowSubstitutes;
      passAsFile = [ "paths" ];
    }) ''
      mkdir -p $out
      for i in $(cat $pathsPath); do
        cp -rs --no-preserve=mode "$i/." "$out/"
      done
      ${postBuild}
    '';

  # A package with a setup hook: `makeSetupHook { name = "my-hook"; } ./my-hook.sh`.
  # Packages that list it in `nativeBuildInputs` source the script before building.
  # `setupHookEnv` (a nixpkgs-lite extension) says what the hook exports, as a function of
  # the host dependencies, so that it shows in the derivation without building.
  makeSetupHook = { name, propagatedBuildInputs ? [ ], substitutions ? { }, meta ? { }, passthru ? { }, setupHookEnv ? null }: script:
    runCommand name ({
      inherit meta;
      inherit propagatedBuildInputs;
      passthru = passthru // lib.optionalAttrs (setupHookEnv != null) { inherit setupHookEnv; };
      strictDeps = true;
    } // substitutions) ''
      mkdir -p "$out/nix-support"
      cp ${script} "$out/nix-support/setup-hook"
      ${lib.concatMapStrings (n: ''
        substituteInPlace "$out/nix-support/setup-hook" --subst-var ${n}
      '') (builtins.attrNames substitutions)}
    '';
}
