//! `flake check --no-build` (each error and warning, in Nix's words) and `flake show`.

mod common;

use common::*;

const D: &str = r#"d = n: derivation { name = n; builder = "/bin/sh"; system = "x86_64-linux"; };"#;

fn check_of(outputs: &str) -> nixpad_flake::Check {
    let text = format!("{{ outputs = {{ self }}: let {D} in {{ {outputs} }}; }}");
    let mut flake = load(&[("flake.nix", &text)]).unwrap();
    nixpad_flake::check(&mut flake, Some("x86_64-linux"))
}

/// The error of checking `outputs`, as Nix prints it (without its last newline).
fn error_of(outputs: &str) -> String {
    check_of(outputs)
        .error
        .unwrap_or_else(|| panic!("no error for {outputs}"))
        .trim_end()
        .to_string()
}

#[test]
fn derivations_where_derivations_belong() {
    for output in ["packages", "devShells", "checks"] {
        let error = error_of(&format!("{output}.x86_64-linux.bad = 5;"));
        // Each frame is placed at the attribute it checks.
        assert!(error.starts_with(&format!(
            "error:\n       … while checking flake output '{output}'\n         at /nix/store/"
        )));
        assert!(error.contains(&format!(
            "… while checking the derivation '{output}.x86_64-linux.bad'\n         at /nix/store/"
        )));
        assert!(error.ends_with(&format!(
            "error: flake attribute '{output}.x86_64-linux.bad' is not a derivation"
        )));
    }
    assert!(error_of("formatter.x86_64-linux = 5;")
        .ends_with("error: flake attribute 'formatter.x86_64-linux' is not a derivation"));
    assert!(error_of("packages.x86_64-linux = 5;")
        .ends_with("error: expected a set but found an integer: 5"));
    let ok = check_of("packages.x86_64-linux.default = d \"hello\";");
    assert_eq!(ok.error, None);
    assert_eq!(ok.derivations.len(), 1);
    assert!(ok.derivations[0].1.ends_with("-hello.drv"));
}

#[test]
fn apps_need_type_and_program_and_should_have_meta() {
    assert!(error_of("apps.x86_64-linux.a = { program = \"/x\"; };")
        .ends_with("error: app 'apps.x86_64-linux.a' lacks attribute 'type'"));
    assert!(error_of("apps.x86_64-linux.a = { type = \"app\"; };")
        .ends_with("error: app 'apps.x86_64-linux.a' lacks attribute 'program'"));
    assert!(error_of("apps.x86_64-linux.a = { type = \"app\"; };")
        .contains("… while checking the app definition 'apps.x86_64-linux.a'"));
    let c = check_of("apps.x86_64-linux.a = { type = \"app\"; program = \"${d \"p\"}/bin/p\"; };");
    assert_eq!(c.error, None);
    assert_eq!(
        c.warnings,
        ["app 'apps.x86_64-linux.a' lacks attribute 'meta'"]
    );
    let c = check_of(
        "apps.x86_64-linux.a = { type = \"app\"; program = \"/x\"; meta.description = \"hi\"; };",
    );
    assert!(c.warnings.is_empty());
}

#[test]
fn overlays_are_functions() {
    let error = error_of("overlays.bad = 5;");
    assert!(error.contains("… while checking the overlay 'overlays.bad'"));
    assert!(error.ends_with("error: overlay is not a function, but an integer instead"));
    assert_eq!(check_of("overlays.good = final: prev: { };").error, None);
}

#[test]
fn templates_have_path_and_description_only() {
    assert!(error_of("templates.t = { path = ./.; };")
        .ends_with("error: template 'templates.t' lacks attribute 'description'"));
    assert!(error_of("templates.t = { description = \"x\"; };")
        .ends_with("error: template 'templates.t' lacks attribute 'path'"));
    assert!(
        error_of("templates.t = { path = ./.; description = \"x\"; foo = 1; };")
            .ends_with("error: template 'templates.t' has unsupported attribute 'foo'")
    );
    assert_eq!(
        check_of("templates.t = { path = ./.; description = \"x\"; welcomeText = \"hi\"; };").error,
        None
    );
}

#[test]
fn warnings_for_unknown_and_deprecated_outputs_and_other_systems() {
    assert_eq!(
        check_of("foo = 1;").warnings,
        ["unknown flake output 'foo'"]
    );
    assert_eq!(
        check_of("defaultPackage.x86_64-linux = d \"x\";").warnings,
        ["flake output attribute 'defaultPackage' is deprecated; use 'packages.<system>.default' instead"]
    );
    assert_eq!(
        check_of("devShell.x86_64-linux = d \"x\";").warnings,
        ["flake output attribute 'devShell' is deprecated; use 'devShells.<system>.default' instead"]
    );
    assert_eq!(
        check_of("overlay = final: prev: { };").warnings,
        ["flake output attribute 'overlay' is deprecated; use 'overlays.default' instead"]
    );
    assert_eq!(
        check_of("packages.aarch64-linux.x = d \"y\";").warnings,
        ["The check omitted these incompatible systems: aarch64-linux\nUse '--all-systems' to check all."]
    );
    assert!(
        check_of("lib = 1; nixosModules.m = 5; legacyPackages.x86_64-linux.a = 5;")
            .warnings
            .is_empty()
    );
}

const SHOWN: &str = r#"{
  description = "shown";
  inputs.nixpkgs.url = "nixpkgs";
  outputs = { self, nixpkgs }: let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
    packages.x86_64-linux.default = pkgs.hello;
    packages.aarch64-linux.default = nixpkgs.legacyPackages.aarch64-linux.hello;
    devShells.x86_64-linux.default = pkgs.mkShell { };
    apps.x86_64-linux.default = { type = "app"; program = "${pkgs.hello}/bin/hello"; };
    overlays.default = final: prev: { };
    nixosModules.default = { ... }: { };
    templates.default = { path = ./.; description = "a template"; };
    formatter.x86_64-linux = pkgs.hello;
    legacyPackages.x86_64-linux = pkgs;
    lib = { };
  };
}"#;

#[test]
fn show_json_and_text_like_nix() {
    let mut flake = load(&[("flake.nix", SHOWN)]).unwrap();
    let (json, warnings) = nixpad_flake::show_json(&mut flake, &Default::default()).unwrap();
    let hello = r#"{"description":"Program that produces a familiar, friendly greeting","name":"hello-2.12.1","type":"derivation"}"#;
    assert_eq!(
        json.to_string(),
        format!(
            r#"{{"apps":{{"x86_64-linux":{{"default":{{"type":"app"}}}}}},"devShells":{{"x86_64-linux":{{"default":{{"description":"","name":"nix-shell","type":"derivation"}}}}}},"formatter":{{"x86_64-linux":{hello}}},"legacyPackages":{{"x86_64-linux":{{}}}},"lib":{{"type":"unknown"}},"nixosModules":{{"default":{{"type":"nixos-module"}}}},"overlays":{{"default":{{"type":"nixpkgs-overlay"}}}},"packages":{{"aarch64-linux":{{"default":{{}}}},"x86_64-linux":{{"default":{hello}}}}},"templates":{{"default":{{"description":"a template","type":"template"}}}}}}"#
        )
    );
    assert_eq!(
        warnings,
        [
            "legacyPackages.x86_64-linux omitted (use '--legacy' to show)",
            "packages.aarch64-linux.default omitted (use '--all-systems' to show)",
        ]
    );
    let text = nixpad_flake::show_text(&mut flake, &Default::default()).unwrap();
    let body: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(
        body.join("\n"),
        "├───apps
│   └───x86_64-linux
│       └───default: app: no description
├───devShells
│   └───x86_64-linux
│       └───default: development environment 'nix-shell'
├───formatter
│   └───x86_64-linux: package 'hello-2.12.1'
├───legacyPackages
│   └───x86_64-linux omitted (use '--legacy' to show)
├───lib: unknown
├───nixosModules
│   └───default: NixOS module
├───overlays
│   └───default: Nixpkgs overlay
├───packages
│   ├───aarch64-linux
│   │   └───default omitted (use '--all-systems' to show)
│   └───x86_64-linux
│       └───default: package 'hello-2.12.1'
└───templates
    └───default: template: a template"
    );
    assert!(
        text.starts_with("path:/project?lastModified=0&narHash=sha256-"),
        "{text}"
    );
}

#[test]
fn pure_evaluation_and_impure() {
    let text = r#"{ outputs = { self }: { s = builtins.currentSystem; h = builtins.getEnv "HOME"; n = <nixpkgs>; }; }"#;
    let mut io = tree(&[("flake.nix", text)]);
    io.set_env("HOME", "/home/me");
    let io: std::rc::Rc<dyn nixpad_eval::EvalIO> = std::rc::Rc::new(io);
    let mut pure = nixpad_flake::load(io.clone(), DIR, &Default::default()).unwrap();
    assert!(eval(&mut pure, "s")
        .unwrap_err()
        .contains("error: attribute 'currentSystem' missing"));
    assert_eq!(eval(&mut pure, "h").unwrap(), "\"\"");
    assert!(eval(&mut pure, "n").unwrap_err().contains(
        "error: cannot look up '<nixpkgs>' in pure evaluation mode (use '--impure' to override)"
    ));
    let options = nixpad_flake::Options {
        impure: true,
        ..Default::default()
    };
    let mut impure = nixpad_flake::load(io, DIR, &options).unwrap();
    assert_eq!(eval(&mut impure, "s").unwrap(), "\"x86_64-linux\"");
    assert_eq!(eval(&mut impure, "h").unwrap(), "\"/home/me\"");
}
