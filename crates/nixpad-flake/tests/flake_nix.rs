//! `flake.nix` checked as Nix checks it: each error in Nix's words.

mod common;

use common::*;

fn error_of(text: &str) -> String {
    load_error(&[("flake.nix", text)])
}

#[test]
fn only_the_four_top_level_attributes() {
    let e = error_of("{ foo = 1; outputs = _: { }; }");
    assert!(
        e.starts_with("flake 'path:/project' has an unsupported attribute 'foo', at /nix/store/"),
        "{e}"
    );
    // At the attribute's position, as Nix says it.
    assert!(e.ends_with("-source/flake.nix:1:3"), "{e}");
}

#[test]
fn outputs_must_be_there_and_a_function() {
    assert_eq!(
        error_of("{ description = \"x\"; }"),
        "flake 'path:/project' lacks attribute 'outputs'"
    );
    let e = error_of("{ outputs = 5; }");
    assert!(
        e.starts_with("expected a function but got an integer at /nix/store/"),
        "{e}"
    );
}

#[test]
fn the_file_must_be_a_set() {
    // Nix reads only a file whose expression is a set literal: not even a `let` giving one.
    for text in ["5", "let x = { outputs = _: { }; }; in x"] {
        let e = error_of(text);
        assert!(
            e.starts_with("… while evaluating the file '/nix/store/")
                && e.ends_with("-source/flake.nix' must be an attribute set"),
            "{e}"
        );
    }
}

#[test]
fn description_and_inputs_types() {
    assert!(error_of("{ description = 5; outputs = _: { }; }")
        .starts_with("expected a string but got an integer at "));
    assert!(error_of("{ inputs = 5; outputs = _: { }; }")
        .starts_with("expected a set but got an integer at "));
    let e = error_of("{ inputs.a.url = 5; outputs = _: { }; }");
    assert!(
        e.starts_with("… while evaluating flake attribute 'url'\n  at /nix/store/")
            && e.contains("-source/flake.nix:1:3:\n     1| { inputs.a.url = 5;")
            && e.contains("\n\nerror: expected a string or a path but got an integer at "),
        "{e}"
    );
}

#[test]
fn only_trivial_values_are_forced() {
    // Nix forces set and list literals and functions there; any other expression stays
    // a thunk.
    let e = error_of("{ description = \"a\" + \"b\"; outputs = _: { }; }");
    assert!(
        e.starts_with("expected a string but got a thunk at "),
        "{e}"
    );
    let e = error_of("{ outputs = import ./outputs.nix; }");
    assert!(
        e.starts_with("expected a function but got a thunk at "),
        "{e}"
    );
    let e = error_of(
        "{ inputs.a = { type = \"path\"; path = \"./a\"; lastModified = -1; }; outputs = _: { }; }",
    );
    assert!(
        e.ends_with("error: flake input attribute 'lastModified' is a thunk while a string, Boolean, or integer is expected"),
        "{e}"
    );
}

#[test]
fn unexpected_input_attribute() {
    let e = error_of("{ inputs.a.urll = \"path:./a\"; outputs = _: { }; }");
    assert!(
        e.starts_with("unexpected flake input attribute 'urll', at /nix/store/"),
        "{e}"
    );
}

#[test]
fn unsupported_url() {
    assert_eq!(
        error_of("{ inputs.a.url = \"bogus:zz\"; outputs = _: { }; }"),
        "input 'bogus:zz' is unsupported"
    );
}

#[test]
fn missing_sub_flake() {
    let e = error_of("{ inputs.a.url = \"path:./nope\"; outputs = { self, a }: { }; }");
    assert!(
        e.starts_with(
            "… while updating the lock file of flake 'path:/project?lastModified=0&narHash=sha256-"
        ),
        "{e}"
    );
    assert!(
        e.contains("%3D'\n\n… while updating the flake input 'a'\n\nerror: path '/nix/store/"),
        "{e}"
    );
    assert!(e.ends_with("-source/nope/flake.nix' does not exist"), "{e}");
}

#[test]
fn follows_a_missing_input() {
    let e = error_of("{ inputs.a.follows = \"b\"; outputs = { self, a }: { }; }");
    assert!(
        e.starts_with("… while updating the lock file of flake 'path:/project?"),
        "{e}"
    );
    assert!(
        e.ends_with("'\n\nerror: input 'a' follows a non-existent input 'b'"),
        "{e}"
    );
}

#[test]
fn unknown_registry_name_says_what_there_is() {
    let e = error_of("{ outputs = { self, nope }: { }; }");
    assert!(e.contains("cannot fetch 'flake:nope': Nixpad has no network; its registry provides nixpkgs (github:NixOS/nixpkgs)"), "{e}");
}

#[test]
fn no_flake_nix() {
    assert_eq!(
        load_error(&[("default.nix", "1")]),
        "path '/project/flake.nix' does not exist"
    );
}

#[test]
fn nix_config_is_read_and_untrusted_settings_warned() {
    let flake = load(&[(
        "flake.nix",
        "{ nixConfig = { bash-prompt = \"dev> \"; extra-substituters = [ \"https://a\" \"https://b\" ]; foo-bar = true; }; outputs = _: { }; }",
    )])
    .unwrap();
    let config: Vec<(String, String)> = flake.file.nix_config.clone().into_iter().collect();
    assert_eq!(
        config,
        [
            ("bash-prompt".to_string(), "dev> ".to_string()),
            (
                "extra-substituters".to_string(),
                "https://a https://b".to_string()
            ),
            ("foo-bar".to_string(), "true".to_string())
        ]
    );
    assert_eq!(
        flake.warnings,
        [
            "ignoring untrusted flake configuration setting 'extra-substituters'.\nPass '--accept-flake-config' to trust it",
            "ignoring untrusted flake configuration setting 'foo-bar'.\nPass '--accept-flake-config' to trust it"
        ]
    );
    assert_eq!(
        nixpad_flake::accepted_settings(&flake.file, false),
        [("bash-prompt".to_string(), "dev> ".to_string())]
    );
    assert_eq!(nixpad_flake::accepted_settings(&flake.file, true).len(), 3);
    assert!(nixpad_flake::config_warnings(&flake.file, true).is_empty());
}

#[test]
fn a_flake_taking_itself_as_input_is_an_error_not_a_crash() {
    let e = error_of("{ inputs.me.url = \"path:.\"; outputs = { self, me }: { }; }");
    assert!(
        e.ends_with("… while updating the flake input 'me'\n\n… while updating the flake input 'me/me'\n\nerror: found circular import of flake 'path:.'"),
        "{e}"
    );
}
