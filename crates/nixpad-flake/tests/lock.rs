//! Lock files: Nix's format worked out by hand, `follows` resolution, existing locks
//! respected, changed inputs re-locked, `flake update`, malformed lock files.

mod common;

use common::*;
use nixpad_flake::{LockFile, Update};
use serde_json::Value as Json;

/// A flake with relative `path:` inputs, a nested override, a relative `follows` in an
/// input's own flake.nix, a key collision and a non-flake input.
const TREE: &[(&str, &str)] = &[
    (
        "flake.nix",
        r#"{
  inputs = {
    a.url = "path:./a";
    a.inputs.b.follows = "b";
    b.url = "path:./b";
    x.url = "path:./x";
    data = { url = "path:./data"; flake = false; };
  };
  outputs = { self, a, b, x, data }: { fromA = a.fromB; aSeesC = a.cValue; ax = a.xValue; };
}"#,
    ),
    (
        "a/flake.nix",
        r#"{
  inputs.b.url = "path:./own-b";
  inputs.c.follows = "b";
  inputs.x.url = "path:./ax";
  outputs = { self, b, c, x }: { fromB = b.value; cValue = c.value; xValue = x.value; };
}"#,
    ),
    (
        "a/own-b/flake.nix",
        "{ outputs = _: { value = \"a's own b\"; }; }",
    ),
    ("a/ax/flake.nix", "{ outputs = _: { value = \"a's x\"; }; }"),
    (
        "b/flake.nix",
        "{ outputs = _: { value = \"the root's b\"; }; }",
    ),
    (
        "x/flake.nix",
        "{ outputs = _: { value = \"the root's x\"; }; }",
    ),
    ("data/note.txt", "data"),
];

/// Worked out by hand from Nix's rules: keys are input names (`x_2` when taken, depth
/// first in name order), `follows` are paths from the root (a's `c` follows a's `b`,
/// which the root overrides to follow the root's `b`), relative inputs name their parent.
const EXPECTED: &str = r#"{
  "nodes": {
    "a": {
      "inputs": {
        "b": [
          "b"
        ],
        "c": [
          "a",
          "b"
        ],
        "x": "x"
      },
      "locked": {
        "path": "./a",
        "type": "path"
      },
      "original": {
        "path": "./a",
        "type": "path"
      },
      "parent": []
    },
    "b": {
      "locked": {
        "path": "./b",
        "type": "path"
      },
      "original": {
        "path": "./b",
        "type": "path"
      },
      "parent": []
    },
    "data": {
      "flake": false,
      "locked": {
        "path": "./data",
        "type": "path"
      },
      "original": {
        "path": "./data",
        "type": "path"
      },
      "parent": []
    },
    "root": {
      "inputs": {
        "a": "a",
        "b": "b",
        "data": "data",
        "x": "x_2"
      }
    },
    "x": {
      "locked": {
        "path": "./ax",
        "type": "path"
      },
      "original": {
        "path": "./ax",
        "type": "path"
      },
      "parent": [
        "a"
      ]
    },
    "x_2": {
      "locked": {
        "path": "./x",
        "type": "path"
      },
      "original": {
        "path": "./x",
        "type": "path"
      },
      "parent": []
    }
  },
  "root": "root",
  "version": 7
}
"#;

#[test]
fn lock_file_worked_out_by_hand() {
    let flake = load(TREE).unwrap();
    assert_eq!(flake.lock.to_json(), EXPECTED);
    assert!(flake.lock_changed);
}

#[test]
fn follows_resolve_to_the_followed_flake() {
    let mut flake = load(TREE).unwrap();
    assert_eq!(eval(&mut flake, "fromA").unwrap(), "\"the root's b\"");
    assert_eq!(eval(&mut flake, "aSeesC").unwrap(), "\"the root's b\"");
    assert_eq!(eval(&mut flake, "ax").unwrap(), "\"a's x\"");
    assert_eq!(flake.lock.resolve(&["a".into(), "c".into()]).unwrap(), "b");
}

#[test]
fn an_existing_identical_lock_is_unchanged() {
    let mut files = TREE.to_vec();
    files.push(("flake.lock", EXPECTED));
    let flake = load(&files).unwrap();
    assert!(!flake.lock_changed);
}

/// A lock file with `narHash` and `rev` values replaced by placeholders.
fn shape(lock: &LockFile) -> String {
    fn walk(v: &mut Json) {
        match v {
            Json::Object(map) => {
                for (k, item) in map.iter_mut() {
                    if k == "narHash" || k == "rev" {
                        *item = Json::String(format!("<{k}>"));
                    } else {
                        walk(item);
                    }
                }
            }
            Json::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut v = lock.to_value();
    walk(&mut v);
    serde_json::to_string(&v).unwrap()
}

const VIRTUAL: &str = r#"{
  inputs.nixpkgs.url = "nixpkgs";
  inputs.utils = { type = "github"; owner = "numtide"; repo = "flake-utils"; };
  inputs.utils.inputs.systems.follows = "systems";
  inputs.systems.url = "github:nix-systems/default";
  outputs = { self, nixpkgs, utils, systems }: {
    rev = nixpkgs.rev;
    short = nixpkgs.shortRev;
    hello = nixpkgs.legacyPackages.x86_64-linux.hello.name;
    helloByImport = (import nixpkgs { system = "x86_64-linux"; }).hello.name;
    nixpkgsKeys = builtins.attrNames nixpkgs;
    perSystem = builtins.attrNames (utils.lib.eachDefaultSystem (system: { packages.x = system; })).packages;
    date = nixpkgs.lastModifiedDate;
  };
}"#;

#[test]
fn registry_and_github_inputs_lock_to_virtual_flakes() {
    let mut flake = load(&[("flake.nix", VIRTUAL)]).unwrap();
    assert_eq!(
        shape(&flake.lock),
        r#"{"nodes":{"nixpkgs":{"locked":{"lastModified":1733011200,"narHash":"<narHash>","owner":"NixOS","repo":"nixpkgs","rev":"<rev>","type":"github"},"original":{"id":"nixpkgs","type":"indirect"}},"root":{"inputs":{"nixpkgs":"nixpkgs","systems":"systems","utils":"utils"}},"systems":{"locked":{"lastModified":1733011200,"narHash":"<narHash>","owner":"nix-systems","repo":"default","rev":"<rev>","type":"github"},"original":{"owner":"nix-systems","repo":"default","type":"github"}},"utils":{"inputs":{"systems":["systems"]},"locked":{"lastModified":1733011200,"narHash":"<narHash>","owner":"numtide","repo":"flake-utils","rev":"<rev>","type":"github"},"original":{"owner":"numtide","repo":"flake-utils","type":"github"}}},"root":"root","version":7}"#
    );
    let rev = flake.lock.nodes["nixpkgs"].locked.as_ref().unwrap()["rev"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(rev.len(), 40);
    assert_eq!(eval(&mut flake, "rev").unwrap(), format!("\"{rev}\""));
    assert_eq!(
        eval(&mut flake, "short").unwrap(),
        format!("\"{}\"", &rev[..7])
    );
    assert_eq!(eval(&mut flake, "hello").unwrap(), "\"hello-2.12.1\"");
    assert_eq!(
        eval(&mut flake, "helloByImport").unwrap(),
        "\"hello-2.12.1\""
    );
    assert_eq!(
        eval(&mut flake, "nixpkgsKeys").unwrap(),
        "[ \"_type\" \"inputs\" \"lastModified\" \"lastModifiedDate\" \"legacyPackages\" \"lib\" \"narHash\" \"outPath\" \"outputs\" \"overlays\" \"rev\" \"shortRev\" \"sourceInfo\" ]"
    );
    assert_eq!(
        eval(&mut flake, "perSystem").unwrap(),
        "[ \"aarch64-darwin\" \"aarch64-linux\" \"x86_64-darwin\" \"x86_64-linux\" ]"
    );
    assert_eq!(eval(&mut flake, "date").unwrap(), "\"20241201000000\"");
    // Deterministic: the same flake locks to the same revisions again.
    let again = load(&[("flake.nix", VIRTUAL)]).unwrap();
    assert_eq!(again.lock.to_json(), flake.lock.to_json());
}

#[test]
fn a_branch_gets_its_own_revision() {
    let on = |r: &str| {
        let text = format!("{{ inputs.nixpkgs.url = \"github:NixOS/nixpkgs/{r}\"; outputs = {{ self, nixpkgs }}: {{ }}; }}");
        let flake = load(&[("flake.nix", &text)]).unwrap();
        let node = &flake.lock.nodes["nixpkgs"];
        assert_eq!(node.original.as_ref().unwrap()["ref"], r);
        node.locked.as_ref().unwrap()["rev"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_ne!(on("nixos-24.05"), on("nixos-unstable"));
}

const TWO_INPUTS: &str = r#"{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";
  inputs.utils.url = "github:numtide/flake-utils";
  outputs = { self, nixpkgs, utils }: { rev = nixpkgs.rev; utilsRev = utils.rev; };
}"#;

/// The lock of [`TWO_INPUTS`] with both revisions replaced by `fake`.
fn lock_with_revs(fake_nixpkgs: &str, fake_utils: &str) -> String {
    let mut lock = load(&[("flake.nix", TWO_INPUTS)]).unwrap().lock;
    for (key, fake) in [("nixpkgs", fake_nixpkgs), ("utils", fake_utils)] {
        let node = lock.nodes.get_mut(key).unwrap();
        node.locked
            .as_mut()
            .unwrap()
            .insert("rev".into(), Json::String(fake.into()));
    }
    lock.to_json()
}

const OLD_A: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const OLD_B: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

#[test]
fn an_existing_lock_is_respected() {
    let old = lock_with_revs(OLD_A, OLD_B);
    let mut flake = load(&[("flake.nix", TWO_INPUTS), ("flake.lock", &old)]).unwrap();
    assert!(!flake.lock_changed);
    assert_eq!(eval(&mut flake, "rev").unwrap(), format!("\"{OLD_A}\""));
}

#[test]
fn a_changed_input_is_relocked_and_the_others_kept() {
    let old = lock_with_revs(OLD_A, OLD_B);
    let changed = TWO_INPUTS.replace("nixos-24.05", "nixos-unstable");
    let mut flake = load(&[("flake.nix", &changed), ("flake.lock", &old)]).unwrap();
    assert!(flake.lock_changed);
    assert_eq!(
        flake.lock.nodes["nixpkgs"].original.as_ref().unwrap()["ref"],
        "nixos-unstable"
    );
    assert_ne!(eval(&mut flake, "rev").unwrap(), format!("\"{OLD_A}\""));
    assert_eq!(
        eval(&mut flake, "utilsRev").unwrap(),
        format!("\"{OLD_B}\"")
    );
}

#[test]
fn update_relocks_all_or_the_inputs_named() {
    let old = lock_with_revs(OLD_A, OLD_B);
    let files = [("flake.nix", TWO_INPUTS), ("flake.lock", old.as_str())];
    let mut all = load_with(&files, Update::All).unwrap();
    assert_ne!(eval(&mut all, "rev").unwrap(), format!("\"{OLD_A}\""));
    assert_ne!(eval(&mut all, "utilsRev").unwrap(), format!("\"{OLD_B}\""));
    let mut one = load_with(&files, Update::Inputs(vec!["utils".into()])).unwrap();
    assert_eq!(eval(&mut one, "rev").unwrap(), format!("\"{OLD_A}\""));
    assert_ne!(eval(&mut one, "utilsRev").unwrap(), format!("\"{OLD_B}\""));
    assert!(one.lock_changed);
}

#[test]
fn malformed_lock_files_are_clear_errors() {
    let with_lock =
        |lock: &str| load_error(&[("flake.nix", "{ outputs = _: { }; }"), ("flake.lock", lock)]);
    assert!(
        with_lock("{").starts_with("lock file '/project/flake.lock' is malformed: invalid JSON: ")
    );
    assert_eq!(
        with_lock(r#"{"nodes":{"root":{}},"root":"root","version":99}"#),
        "lock file '/project/flake.lock' has unsupported version 99"
    );
    assert_eq!(
        with_lock(r#"{"nodes":{"root":{}},"root":"top","version":7}"#),
        "lock file '/project/flake.lock' is malformed: the root node 'top' does not exist"
    );
    assert_eq!(
        with_lock(r#"{"nodes":{"root":{"inputs":{"a":"gone"}}},"root":"root","version":7}"#),
        "lock file '/project/flake.lock' is malformed: input 'a' of node 'root' refers to a missing node 'gone'"
    );
    assert_eq!(
        with_lock(
            r#"{"nodes":{"root":{"inputs":{"a":"a"}},"a":{"locked":{}}},"root":"root","version":7}"#
        ),
        "lock file '/project/flake.lock' is malformed: node 'a' lacks 'locked' or 'original'"
    );
    assert_eq!(
        with_lock(r#"{"nodes":{"root":{"inputs":{"a":5}}},"root":"root","version":7}"#),
        "lock file '/project/flake.lock' is malformed: input 'a' of node 'root' is neither a node name nor a path"
    );
    assert_eq!(
        with_lock("[]"),
        "lock file '/project/flake.lock' is malformed: expected a JSON object"
    );
}

#[test]
fn no_inputs_means_no_lock_file_to_write() {
    let flake = load(&[("flake.nix", "{ outputs = _: { }; }")]).unwrap();
    assert!(!flake.lock_changed);
    assert_eq!(
        flake.lock.to_json(),
        "{\n  \"nodes\": {\n    \"root\": {}\n  },\n  \"root\": \"root\",\n  \"version\": 7\n}\n"
    );
}

#[test]
fn git_urls_and_non_flake_virtual_inputs() {
    let text = r#"{
  inputs.pkgs.url = "git+https://github.com/NixOS/nixpkgs.git?ref=nixos-24.05";
  inputs.src = { type = "github"; owner = "numtide"; repo = "flake-utils"; ref = "main"; flake = false; };
  outputs = { self, pkgs, src }: { count = pkgs.revCount; srcKeys = builtins.attrNames src; hasLib = builtins.pathExists "${src}/lib.nix"; };
}"#;
    let mut flake = load(&[("flake.nix", text)]).unwrap();
    assert_eq!(
        shape(&flake.lock),
        r#"{"nodes":{"pkgs":{"locked":{"lastModified":1733011200,"narHash":"<narHash>","ref":"nixos-24.05","rev":"<rev>","revCount":1,"type":"git","url":"https://github.com/NixOS/nixpkgs.git"},"original":{"ref":"nixos-24.05","type":"git","url":"https://github.com/NixOS/nixpkgs.git"}},"root":{"inputs":{"pkgs":"pkgs","src":"src"}},"src":{"flake":false,"locked":{"lastModified":1733011200,"narHash":"<narHash>","owner":"numtide","repo":"flake-utils","rev":"<rev>","type":"github"},"original":{"owner":"numtide","ref":"main","repo":"flake-utils","type":"github"}}},"root":"root","version":7}"#
    );
    assert_eq!(eval(&mut flake, "count").unwrap(), "1");
    assert_eq!(
        eval(&mut flake, "srcKeys").unwrap(),
        "[ \"lastModified\" \"lastModifiedDate\" \"narHash\" \"outPath\" \"rev\" \"shortRev\" ]"
    );
    assert_eq!(eval(&mut flake, "hasLib").unwrap(), "true");
}

#[test]
fn changes_are_listed_as_nix_lists_them() {
    let fresh = load(&[("flake.nix", TWO_INPUTS)]).unwrap().lock;
    let rev = fresh.nodes["nixpkgs"].locked.as_ref().unwrap()["rev"]
        .as_str()
        .unwrap()
        .to_string();
    let hash = fresh.nodes["nixpkgs"].locked.as_ref().unwrap()["narHash"]
        .as_str()
        .unwrap()
        .replace('+', "%2B")
        .replace('=', "%3D");
    let added = nixpad_flake::lock_changes(None, &fresh);
    // nixpkgs, utils and utils/systems (flake-utils' own input).
    assert_eq!(added.len(), 3);
    assert!(
        added[2].starts_with("• Added input 'utils/systems':\n    'github:nix-systems/default/")
    );
    assert_eq!(
        added[0],
        format!("• Added input 'nixpkgs':\n    'github:NixOS/nixpkgs/{rev}?lastModified=1733011200&narHash={hash}' (2024-12-01)")
    );
    let old = LockFile::parse(&lock_with_revs(OLD_A, OLD_B), "flake.lock").unwrap();
    let updated = nixpad_flake::lock_changes(Some(&old), &fresh);
    assert_eq!(updated.len(), 2);
    assert!(updated[0].starts_with(&format!(
        "• Updated input 'nixpkgs':\n    'github:NixOS/nixpkgs/{OLD_A}?lastModified=1733011200&narHash={hash}' (2024-12-01)\n  → 'github:NixOS/nixpkgs/{rev}?"
    )));
    let fewer = load(&[("flake.nix", "{ outputs = _: { }; }")])
        .unwrap()
        .lock;
    assert_eq!(
        nixpad_flake::lock_changes(Some(&fresh), &fewer),
        [
            "• Removed input 'nixpkgs'",
            "• Removed input 'utils'",
            "• Removed input 'utils/systems'"
        ]
    );
    assert!(nixpad_flake::lock_changes(Some(&fresh), &fresh).is_empty());
}
