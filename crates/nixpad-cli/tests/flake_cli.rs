//! `nixpad flake lock/update/init/new` and `nixpad registry list` on real folders.

use std::path::{Path, PathBuf};
use std::process::Command;

const NIXPAD: &str = env!("CARGO_BIN_EXE_nixpad");

fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nixpad-flake-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs nixpad in `dir` (its user registry `dir/registry.json`): exit code, stdout, stderr.
fn nixpad(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(NIXPAD)
        .current_dir(dir)
        .env("NIXPAD_REGISTRY", dir.join("registry.json"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn rev_of(lock: &str, node: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(lock).unwrap();
    v["nodes"][node]["locked"]["rev"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn registry_list_names_every_virtual_flake() {
    let (code, out, _) = nixpad(&fresh_dir("list"), &["registry", "list"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "global flake:nixpkgs github:NixOS/nixpkgs/nixpkgs-unstable
global flake:flake-utils github:numtide/flake-utils
global flake:systems github:nix-systems/default
global flake:flake-parts github:hercules-ci/flake-parts
global flake:rust-overlay github:oxalica/rust-overlay
global flake:templates github:NixOS/templates
"
    );
}

#[test]
fn new_from_a_template_then_lock_update_and_eval() {
    let dir = fresh_dir("new");
    let (code, out, err) = nixpad(&dir, &["flake", "new", "app", "-t", "templates#utils"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("# Getting started"), "welcome text: {out}");
    assert!(err.contains("wrote: "), "{err}");
    let app = dir.join("app");
    assert!(app.join("flake.nix").is_file());

    let (code, _, err) = nixpad(&app, &["flake", "lock"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: creating lock file"), "{err}");
    let lock = std::fs::read_to_string(app.join("flake.lock")).unwrap();
    // The lock is kept as it is: a second lock writes nothing.
    let (_, _, err) = nixpad(&app, &["flake", "lock"]);
    assert!(!err.contains("lock file"), "{err}");

    // A pinned revision survives `eval`, and `update nixpkgs` replaces only that one.
    let old_nixpkgs = rev_of(&lock, "nixpkgs");
    let pinned = lock.replace(&old_nixpkgs, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let old_utils = rev_of(&lock, "flake-utils");
    let pinned = pinned.replace(&old_utils, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    std::fs::write(app.join("flake.lock"), &pinned).unwrap();
    let (code, out, err) = nixpad(
        &app,
        &["flake", "eval", ".#packages.x86_64-linux.default.name"],
    );
    assert_eq!((code, out.as_str()), (0, "\"hello-2.12.1\"\n"), "{err}");
    assert_eq!(
        std::fs::read_to_string(app.join("flake.lock")).unwrap(),
        pinned
    );
    let (code, _, err) = nixpad(&app, &["flake", "update", ".", "nixpkgs"]);
    assert_eq!(code, 0, "{err}");
    let updated = std::fs::read_to_string(app.join("flake.lock")).unwrap();
    assert_eq!(rev_of(&updated, "nixpkgs"), old_nixpkgs);
    assert_eq!(
        rev_of(&updated, "flake-utils"),
        "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    );
    let (code, _, err) = nixpad(&app, &["flake", "update"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(app.join("flake.lock")).unwrap(),
        lock
    );
    let (code, _, err) = nixpad(&app, &["flake", "update", ".", "nope"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: 'nope' does not match any input of this flake\n"
    );

    // init refuses to overwrite a file that differs.
    let (code, _, err) = nixpad(&app, &["flake", "init", "-t", "templates#trivial"]);
    assert_eq!(code, 1);
    assert!(err.contains("refusing to overwrite existing file"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn init_from_a_folder_template() {
    let dir = fresh_dir("init");
    let source = dir.join("source");
    std::fs::create_dir_all(source.join("tmpl/sub")).unwrap();
    std::fs::write(
        source.join("flake.nix"),
        "{ outputs = { self }: { templates.default = { path = ./tmpl; description = \"t\"; welcomeText = \"welcome\"; }; }; }",
    )
    .unwrap();
    std::fs::write(source.join("tmpl/flake.nix"), "{ outputs = _: { }; }").unwrap();
    std::fs::write(source.join("tmpl/sub/a.txt"), "a").unwrap();
    let target = dir.join("target");
    std::fs::create_dir_all(&target).unwrap();
    let (code, out, err) = nixpad(
        &target,
        &[
            "flake",
            "init",
            "-t",
            &format!("{}#default", source.display()),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "welcome\n");
    assert_eq!(
        std::fs::read_to_string(target.join("sub/a.txt")).unwrap(),
        "a"
    );
    assert_eq!(
        std::fs::read_to_string(target.join("flake.nix")).unwrap(),
        "{ outputs = _: { }; }"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn registry_add_points_a_name_at_a_folder_and_remove_forgets_it() {
    let dir = fresh_dir("registry-add");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("sub/flake.nix"),
        "{ outputs = { self }: { value = 42; }; }",
    )
    .unwrap();
    std::fs::write(
        dir.join("flake.nix"),
        "{ inputs.mine.url = \"mine\"; outputs = { self, mine }: { v = mine.value; }; }",
    )
    .unwrap();
    // Without an entry the name is unknown.
    let (code, _, err) = nixpad(&dir, &["flake", "eval", ".#v"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot fetch 'flake:mine'"), "{err}");

    let (code, _, err) = nixpad(&dir, &["registry", "add", "mine", "path:./sub"]);
    assert_eq!(code, 0, "{err}");
    // The file is Nix's registry.json (version 2), with the folder made absolute.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("registry.json")).unwrap()).unwrap();
    let sub = std::fs::canonicalize(dir.join("sub")).unwrap();
    assert_eq!(
        json,
        serde_json::json!({ "version": 2, "flakes": [ {
            "from": { "id": "mine", "type": "indirect" },
            "to": { "path": sub.to_string_lossy(), "type": "path" },
        } ] })
    );
    let (_, out, _) = nixpad(&dir, &["registry", "list"]);
    assert!(
        out.starts_with(&format!(
            "user   flake:mine path:{}\nglobal flake:nixpkgs",
            sub.display()
        )),
        "{out}"
    );
    let (code, out, err) = nixpad(&dir, &["flake", "eval", ".#v"]);
    assert_eq!((code, out.trim()), (0, "42"), "{err}");
    // The lock keeps the indirect original and locks the folder.
    let lock: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("flake.lock")).unwrap()).unwrap();
    assert_eq!(
        lock["nodes"]["mine"]["original"],
        serde_json::json!({ "id": "mine", "type": "indirect" })
    );
    assert_eq!(lock["nodes"]["mine"]["locked"]["type"], "path");

    // A name can also stand for a virtual flake under another name.
    let (code, _, _) = nixpad(&dir, &["registry", "add", "pkgs", "github:NixOS/nixpkgs"]);
    assert_eq!(code, 0);
    let (_, out, _) = nixpad(&dir, &["registry", "list"]);
    assert!(
        out.contains("user   flake:pkgs github:NixOS/nixpkgs\n"),
        "{out}"
    );

    let (code, _, _) = nixpad(&dir, &["registry", "remove", "mine"]);
    assert_eq!(code, 0);
    let (code, _, err) = nixpad(&dir, &["registry", "remove", "mine"]);
    assert_eq!(code, 1);
    assert!(err.contains("no entry for 'mine'"), "{err}");
    let (code, _, err) = nixpad(&dir, &["registry", "add", "github:a/b", "path:/tmp"]);
    assert_eq!(code, 1);
    assert!(err.contains("is not a registry name"), "{err}");
}

#[test]
fn a_damaged_registry_file_is_a_clear_error() {
    let dir = fresh_dir("registry-bad");
    for (text, wanted) in [
        ("not json", "the registry is not JSON"),
        (
            "{\"version\": 3, \"flakes\": []}",
            "unsupported registry version 3",
        ),
        ("{\"version\": 2}", "no 'flakes' list"),
        (
            "{\"version\": 2, \"flakes\": [{\"from\": 1}]}",
            "registry entry 1 has no 'from' set",
        ),
    ] {
        std::fs::write(dir.join("registry.json"), text).unwrap();
        let (code, _, err) = nixpad(&dir, &["registry", "list"]);
        assert_eq!(code, 1);
        assert!(err.contains(wanted), "{text}: {err}");
    }
}

/// The project's own flake.nix, with its inputs (nixpkgs, rust-overlay) from the virtual
/// registry: `nixpad flake show` lists what `nix flake show` lists.
#[test]
fn the_projects_own_flake_is_shown_with_the_virtual_inputs() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = fresh_dir("own-flake");
    for file in ["flake.nix", "Cargo.toml", "Cargo.lock"] {
        std::fs::copy(repo.join(file), dir.join(file)).unwrap();
    }
    std::fs::create_dir_all(dir.join("nix")).unwrap();
    for e in std::fs::read_dir(repo.join("nix")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("nix").join(e.file_name())).unwrap();
    }
    let (code, out, err) = nixpad(&dir, &["flake", "show"]);
    assert_eq!(code, 0, "{err}");
    let lock = std::fs::read_to_string(repo.join("Cargo.lock")).unwrap();
    let bindgen = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"wasm-bindgen\"\n"))
        .and_then(|p| p.split("version = \"").nth(1))
        .and_then(|v| v.split('"').next())
        .unwrap()
        .to_string();
    let site = "package 'nixpad-site-0.1.0'";
    let cli = "'nixpad-0.1.0'";
    for line in [
        "│       └───default: app: Serve the Nixpad site on http://127.0.0.1:8080/ (nixpad serve --help)".to_string(),
        "│       ├───formatting: derivation 'nixpad-flake-formatting'".into(),
        "│       ├───lessons: derivation 'nixpad-lessons-check'".into(),
        format!("│       ├───nixpad: derivation {cli}"),
        "│       └───default: development environment 'nix-shell'".into(),
        "│   └───x86_64-linux: package 'nixfmt-tree'".into(),
        format!("        ├───default: {site}"),
        format!("        ├───nixpad: package {cli}"),
        "        ├───serve: package 'nixpad-serve'".into(),
        format!("        └───wasm-bindgen-cli: package 'wasm-bindgen-cli-{bindgen}'"),
        "│   │   └───default omitted (use '--all-systems' to show)".into(),
    ] {
        assert!(out.lines().any(|l| l == line), "missing {line:?} in\n{out}");
    }
    // The lock file locks both inputs to virtual flakes, rust-overlay's nixpkgs following ours.
    let lock: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("flake.lock")).unwrap()).unwrap();
    assert_eq!(lock["nodes"]["rust-overlay"]["locked"]["owner"], "oxalica");
    assert_eq!(
        lock["nodes"]["rust-overlay"]["inputs"]["nixpkgs"],
        serde_json::json!(["nixpkgs"])
    );
}
