//! The built-in registry's virtual flakes work as inputs: every template passes
//! `flake check`, flake-parts-lite and flake-utils-lite build per-system outputs, and a
//! lesson can add its own virtual flake.

mod common;

use std::collections::BTreeMap;
use std::rc::Rc;

use common::*;
use nixpad_flake::{Options, Registry, VirtualFlake};

#[test]
fn every_template_checks_cleanly() {
    let registry = Registry::builtin();
    let templates = registry
        .flakes
        .iter()
        .find(|f| f.id == "templates")
        .unwrap();
    let names = ["trivial", "utils", "shell"];
    for name in names {
        let text =
            String::from_utf8(templates.files[&format!("{name}/flake.nix")].clone()).unwrap();
        let mut flake = load(&[("flake.nix", &text)]).unwrap_or_else(|e| panic!("{name}: {e}"));
        let check = nixpad_flake::check(&mut flake, Some("x86_64-linux"));
        assert_eq!(check.error, None, "{name}");
        assert!(
            !check.derivations.is_empty(),
            "{name} has no derivation to check"
        );
    }
    let mut flake =
        nixpad_flake::load_registered(Rc::new(tree(&[])), "templates", &Options::default())
            .unwrap();
    assert_eq!(
        eval(&mut flake, "templates").map(|_| ()).and_then(|_| {
            let v = flake.select_exact("templates.default.description")?;
            let printed = flake
                .evaluator
                .print(&v, true)
                .map_err(|e| flake.evaluator.render_error(&e))?;
            Ok(String::from_utf8_lossy(&printed).into_owned())
        }),
        Ok("\"A flake with one package, for one system\"".to_string())
    );
}

#[test]
fn flake_parts_lite_per_system() {
    let text = r#"{
  inputs.nixpkgs.url = "nixpkgs";
  inputs.flake-parts.url = "github:hercules-ci/flake-parts";
  outputs = inputs@{ self, nixpkgs, flake-parts }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "aarch64-linux" ];
      perSystem = { pkgs, system, ... }: { packages.default = pkgs.hello; legacyPackages.name = system; };
      flake.overlays.default = final: prev: { };
    };
}"#;
    let mut flake = load(&[("flake.nix", text)]).unwrap();
    assert_eq!(
        eval(&mut flake, "legacyPackages.aarch64-linux.name").unwrap(),
        "\"aarch64-linux\""
    );
    assert_eq!(eval(&mut flake, "name").unwrap(), "\"x86_64-linux\"");
    assert_eq!(
        eval(&mut flake, "default.name").unwrap(),
        "\"hello-2.12.1\""
    );
    assert_eq!(
        nixpad_flake::check(&mut flake, Some("x86_64-linux")).error,
        None
    );
}

#[test]
fn nixos_machines_from_nixpkgs_lib_nixos_system() {
    let text = r#"{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }: {
    nixosModules.default = { lib, ... }: { options.demo.greeting = lib.mkOption { default = "hi"; }; };
    nixosConfigurations.demo = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [ self.nixosModules.default { networking.hostName = "demo"; } ];
    };
  };
}"#;
    let mut flake = load(&[("flake.nix", text)]).unwrap();
    assert_eq!(
        eval(
            &mut flake,
            "nixosConfigurations.demo.config.networking.hostName"
        )
        .unwrap(),
        "\"demo\""
    );
    assert_eq!(
        eval(&mut flake, "nixosConfigurations.demo.config.demo.greeting").unwrap(),
        "\"hi\""
    );
    assert_eq!(
        nixpad_flake::check(&mut flake, Some("x86_64-linux")).error,
        None
    );
}

#[test]
fn files_add_registry_entries_with_a_registry_json() {
    let files: BTreeMap<String, Vec<u8>> = [
        ("flake.nix", r#"{ inputs.tools.url = "mytools"; outputs = { self, tools }: { inherit (tools) answer; }; }"#),
        ("tools/flake.nix", "{ outputs = { self }: { answer = 42; }; }"),
        ("registry.json", r#"{ "version": 2, "flakes": [ { "from": { "type": "indirect", "id": "mytools" }, "to": { "type": "path", "path": "/tools" } } ] }"#),
    ]
    .iter()
    .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
    .collect();
    let nixpkgs = BTreeMap::new();
    let registry = nixpad_flake::registry_for_files(&files, &nixpkgs).unwrap();
    let mut flake = nixpad_flake::load_files(&files, registry, "x86_64-linux").unwrap();
    assert_eq!(eval(&mut flake, "answer").unwrap(), "42");
    let lock = flake.lock.to_json();
    assert!(
        lock.contains(r#""id": "mytools""#) && lock.contains(r#""type": "path""#),
        "{lock}"
    );
    let registry = nixpad_flake::registry_for_files(&files, &nixpkgs).unwrap();
    assert!(
        registry
            .list()
            .starts_with("user   flake:mytools path:/tools\n"),
        "{}",
        registry.list()
    );
    // A damaged registry file is a clear error naming it.
    let mut broken = files.clone();
    broken.insert("registry.json".into(), b"{ \"version\": 1 }".to_vec());
    let error = nixpad_flake::registry_for_files(&broken, &nixpkgs)
        .err()
        .unwrap();
    assert_eq!(error, "registry.json: unsupported registry version 1");
}

#[test]
fn a_lesson_adds_its_own_virtual_flake() {
    let mut registry = Registry::builtin();
    let files: BTreeMap<String, Vec<u8>> = [(
        "flake.nix".to_string(),
        b"{ outputs = { self }: { greeting = \"hi\"; }; }".to_vec(),
    )]
    .into();
    registry.add(VirtualFlake {
        id: "greeter".into(),
        owner: "nixpad".into(),
        repo: "greeter".into(),
        default_ref: None,
        description: "a lesson's flake".into(),
        files,
    });
    assert!(registry
        .list()
        .contains("global flake:greeter github:nixpad/greeter\n"));
    let options = Options {
        registry,
        ..Options::default()
    };
    let io = tree(&[("flake.nix", "{ inputs.greeter.url = \"greeter\"; outputs = { self, greeter }: { g = greeter.greeting; }; }")]);
    let mut flake = nixpad_flake::load(Rc::new(io), DIR, &options).unwrap();
    assert_eq!(eval(&mut flake, "g").unwrap(), "\"hi\"");
}
