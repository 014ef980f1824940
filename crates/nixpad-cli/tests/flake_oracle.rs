//! `nixpad flake` against real Nix with flakes (`nix-oracle nix --store local?root=TMP
//! --extra-experimental-features 'nix-command flakes'`), for flakes whose inputs are local
//! `path:` flakes: the lock file each writes, `flake show --json`, `flake metadata --json`,
//! `eval .#x` and pure evaluation's errors agree.

mod support;

use std::path::{Path, PathBuf};

use support::*;

const NIXPAD: &str = env!("CARGO_BIN_EXE_nixpad");
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// A fresh folder for one fixture (same name on every run, emptied first).
fn fresh_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("nixpad-flake-oracle-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_files(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let full = root.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text.replace("@ROOT@", &root.to_string_lossy())).unwrap();
    }
}

/// Sets every modification time below `root` to one instant, so `lastModified` is the
/// same whoever reads it.
fn fix_times(root: &Path) {
    let status = std::process::Command::new("find")
        .arg(root)
        .args(["-exec", "touch", "-h", "-d", "@1700000000", "{}", "+"])
        .status()
        .unwrap();
    assert!(status.success());
}

struct Oracle {
    script: String,
    store: PathBuf,
}

impl Oracle {
    fn new(name: &str) -> Oracle {
        let script = oracle_path();
        let store =
            std::env::temp_dir().join(format!("nixpad-flake-store-{}-{name}", std::process::id()));
        Oracle { script, store }
    }

    fn nix(&self, dir: &Path, args: &[&str]) -> Run {
        let store = format!("local?root={}", self.store.to_string_lossy());
        let mut all = vec![
            "nix",
            "--store",
            &store,
            // Running as root without a `nixbld` group, Nix would warn on every command.
            "--option",
            "build-users-group",
            "",
            "--extra-experimental-features",
            "nix-command flakes",
        ];
        all.extend_from_slice(args);
        run_in(Some(dir), &self.script, &all, "", PREFLIGHT_TIMEOUT)
    }
}

fn nixpad(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["flake"];
    all.extend_from_slice(args);
    run_in(Some(dir), NIXPAD, &all, "", TIMEOUT)
}

fn stdout(r: &Run) -> String {
    String::from_utf8_lossy(&r.stdout).trim().to_string()
}

/// The last line of an error (Nix's innermost message), with the store's real location
/// (`local?root=`) taken out of paths.
fn last_error_line(r: &Run, store: &Path) -> String {
    let text = String::from_utf8_lossy(&r.stderr).replace(&*store.to_string_lossy(), "");
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Locks with Nix, then with nixpad (after removing Nix's lock file), and compares the
/// files; then compares show, metadata and each `eval` with the lock in place.
fn agree(name: &str, files: &[(&str, &str)], evals: &[&str], errors: &[&str]) {
    let oracle = Oracle::new(name);
    let dir = fresh_dir(name);
    write_files(&dir, files);
    fix_times(&dir);
    let nix_lock = oracle.nix(&dir, &["flake", "lock"]);
    assert_eq!(
        nix_lock.code,
        Some(0),
        "{name}: nix flake lock failed: {}",
        describe(&nix_lock)
    );
    // Nix writes no lock file for a flake without inputs.
    let nix_text = std::fs::read_to_string(dir.join("flake.lock")).ok();
    let _ = std::fs::remove_file(dir.join("flake.lock"));
    let ours = nixpad(&dir, &["lock"]);
    assert_eq!(
        ours.code,
        Some(0),
        "{name}: nixpad flake lock failed: {}",
        describe(&ours)
    );
    let our_text = std::fs::read_to_string(dir.join("flake.lock")).ok();
    assert_eq!(our_text, nix_text, "{name}: lock files differ");
    assert_eq!(
        String::from_utf8_lossy(&ours.stderr).trim_end(),
        String::from_utf8_lossy(&nix_lock.stderr).trim_end(),
        "{name}: what flake lock says"
    );
    fix_times(&dir);

    for args in [
        &["flake", "show", "--json", "."][..],
        &["flake", "metadata", "--json", "."][..],
        &["flake", "metadata", "."][..],
    ] {
        let theirs = oracle.nix(&dir, args);
        let ours = nixpad(&dir, &args[1..]);
        assert_eq!(
            theirs.code,
            Some(0),
            "{name}: nix {args:?}: {}",
            describe(&theirs)
        );
        assert_eq!(
            stdout(&ours),
            strip_ansi(&stdout(&theirs)),
            "{name}: nixpad {args:?} differs; stderr: {}",
            String::from_utf8_lossy(&ours.stderr)
        );
    }
    let theirs = oracle.nix(&dir, &["flake", "show", "."]);
    let ours = nixpad(&dir, &["show", "."]);
    assert_eq!(
        stdout(&ours),
        strip_ansi(&stdout(&theirs)),
        "{name}: flake show differs"
    );
    for attr in evals {
        for json in [false, true] {
            let installable = format!(".#{attr}");
            let mut args = vec!["eval"];
            if json {
                args.push("--json");
            }
            args.push(&installable);
            let theirs = oracle.nix(&dir, &args);
            let ours = nixpad(&dir, &args);
            if theirs.code != Some(0) {
                // A function has no JSON: the same error.
                assert_eq!(ours.code, Some(1), "{name}: nixpad {args:?} succeeded");
                assert_eq!(
                    innermost_error(&ours.stderr),
                    innermost_error(&theirs.stderr),
                    "{name}: {args:?}"
                );
                continue;
            }
            assert_eq!(
                stdout(&ours),
                stdout(&theirs).replace(&*oracle.store.to_string_lossy(), ""),
                "{name}: nixpad {args:?} differs; stderr: {}",
                String::from_utf8_lossy(&ours.stderr)
            );
        }
    }
    for attr in errors {
        let installable = format!(".#{attr}");
        let theirs = oracle.nix(&dir, &["eval", &installable]);
        let ours = nixpad(&dir, &["eval", &installable]);
        assert_ne!(theirs.code, Some(0), "{name}: nix eval {attr} succeeded");
        assert_eq!(
            ours.code,
            Some(1),
            "{name}: nixpad eval {attr}: {}",
            describe(&ours)
        );
        assert_eq!(
            last_error_line(&ours, &oracle.store),
            last_error_line(&theirs, &oracle.store),
            "{name}: {attr}"
        );
        // The message ends where Nix's ends: no empty line after it.
        let blank_end = |r: &Run| r.stderr.ends_with(b"\n\n");
        assert_eq!(
            blank_end(&ours),
            blank_end(&theirs),
            "{name}: {attr}: the end"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::process::Command::new("chmod")
        .args(["-R", "u+w"])
        .arg(&oracle.store)
        .status();
    let _ = std::fs::remove_dir_all(&oracle.store);
}

#[test]
fn relative_path_input_and_what_inputs_carry() {
    agree(
        "basic",
        &[
            (
                "flake.nix",
                r#"{
  description = "a flake with a sub-flake";
  inputs.sub.url = "path:./sub";
  outputs = { self, sub }: {
    x = sub.value + 1;
    attrs = {
      inherit (sub) narHash lastModified lastModifiedDate;
      self = self.outPath;
      subKeys = builtins.attrNames sub;
      selfKeys = builtins.attrNames self;
      subSource = sub.sourceInfo;
      subInputs = builtins.attrNames sub.inputs;
      type = sub._type;
    };
    subOut = sub.outPath;
    readme = builtins.readFile ./sub/README;
    paths = { folder = ./sub; files = [ ./sub/README ]; };
    packages.x86_64-linux.default = derivation { name = "hello-1.0"; builder = "/bin/sh"; system = "x86_64-linux"; };
    packages.aarch64-linux.default = derivation { name = "hello-1.0"; builder = "/bin/sh"; system = "aarch64-linux"; };
    devShells.x86_64-linux.default = derivation { name = "shell"; builder = "/bin/sh"; system = "x86_64-linux"; };
    overlays.default = final: prev: { };
    templates.default = { path = ./sub; description = "the sub-flake"; };
    lib.double = x: 2 * x;
  };
}
"#,
            ),
            ("sub/flake.nix", "{ outputs = { self }: { value = 41; upOne = builtins.readFile ../flake.nix; }; }\n"),
            ("sub/README", "hello\n"),
        ],
        &["x", "attrs", "subOut", "readme", "paths", "packages.x86_64-linux.default.name", "templates.default.description", "packages.x86_64-linux.default", "default", "lib.double"],
        // Missing outputs: Nix suggests names close to each path it tried.
        // A value on the way that is not a set is an error of its own.
        &["y", "defualt", "packages.x86_64-linux.defualt", "nothing-close-at-all", "x.y", "lib.double.z", "packages.x86_64-linux.default.name.z"],
    );
}

#[test]
fn sources_carry_their_store_paths_and_installables_look_in_outputs() {
    agree(
        "sources",
        &[
            (
                "flake.nix",
                r#"{
  inputs.lib.url = "path:./lib";
  inputs.data = { url = "path:./data"; flake = false; };
  outputs = { self, lib, data }: {
    packages.x86_64-linux.default = derivation {
      name = "app"; builder = "/bin/sh"; system = "x86_64-linux";
      src = self; data = data; lib = "${lib}/lib.sh";
    };
    contexts = {
      self = builtins.getContext "${self}";
      outPath = builtins.getContext self.outPath;
      sourceInfo = builtins.getContext self.sourceInfo.outPath;
      lib = builtins.getContext lib.outPath;
      data = builtins.getContext "${data}/x";
      dot = builtins.getContext "${./.}";
    };
    sourceInfo = "an output named like an attribute of self";
    # Flakes are evaluated with the flakes feature on.
    features = { getFlake = builtins ? getFlake; fetchTree = builtins ? fetchTree; };
  };
}
"#,
            ),
            ("lib/flake.nix", "{ outputs = { self }: { }; }\n"),
            ("lib/lib.sh", "echo hi\n"),
            ("data/x", "1\n"),
        ],
        &[
            "packages.x86_64-linux.default.drvPath",
            "contexts",
            "sourceInfo",
            "features",
        ],
        // What `self` adds to the outputs is not an output.
        &["lastModified", "narHash", "outPath", "inputs"],
    );
}

#[test]
fn dir_puts_the_flake_in_a_folder_of_its_source() {
    // `?dir=` and the attribute form's `dir`: the lock keeps it, the flake's outPath has
    // it and its sourceInfo does not; a relative input of such a flake is relative to
    // its folder; a non-flake input's value is its source.
    agree(
        "dir",
        &[
            (
                "flake.nix",
                r#"{
  inputs.x.url = "path:./x?dir=s";
  inputs.y = { type = "path"; path = "./y"; dir = "t"; };
  inputs.raw = { url = "path:./y?dir=t"; flake = false; };
  outputs = { self, x, y, raw }: {
    paths = [ x.outPath x.sourceInfo.outPath x.inputs.z.outPath y.outPath y.sourceInfo.outPath raw.outPath ];
    values = [ x.v x.inputs.z.w y.u ];
  };
}
"#,
            ),
            (
                "x/s/flake.nix",
                "{ inputs.z.url = \"path:./z\"; outputs = { self, z }: { v = 1; }; }\n",
            ),
            ("x/s/z/flake.nix", "{ outputs = { self }: { w = 2; }; }\n"),
            ("y/t/flake.nix", "{ outputs = { self }: { u = 3; }; }\n"),
        ],
        &["paths", "values"],
        &[],
    );
}

#[test]
fn follows_nested_overrides_non_flake_and_absolute_inputs() {
    agree(
        "follows",
        &[
            (
                "flake.nix",
                r#"{
  inputs = {
    a.url = "path:./a";
    a.inputs.b.follows = "b";
    b.url = "path:./b";
    x.url = "path:./x";
    data = { url = "path:./data"; flake = false; };
    ext.url = "path:@ROOT@/ext";
  };
  outputs = { self, a, b, x, data, ext }: {
    fromA = a.fromB;
    aSeesC = a.cValue;
    ax = a.xValue;
    dataKeys = builtins.attrNames data;
    dataText = builtins.readFile "${data}/note.txt";
    extValue = ext.value;
  };
}
"#,
            ),
            (
                "a/flake.nix",
                r#"{
  inputs.b.url = "path:./own-b";
  inputs.c.follows = "b";
  inputs.x.url = "path:./ax";
  outputs = { self, b, c, x }: { fromB = b.value; cValue = c.value; xValue = x.value; };
}
"#,
            ),
            (
                "a/own-b/flake.nix",
                "{ outputs = { self }: { value = \"a's own b\"; }; }\n",
            ),
            (
                "a/ax/flake.nix",
                "{ outputs = { self }: { value = \"a's x\"; }; }\n",
            ),
            (
                "b/flake.nix",
                "{ outputs = { self }: { value = \"the root's b\"; }; }\n",
            ),
            (
                "x/flake.nix",
                "{ outputs = { self }: { value = \"the root's x\"; }; }\n",
            ),
            ("data/note.txt", "not a flake\n"),
            (
                "ext/flake.nix",
                "{ outputs = { self }: { value = self.narHash; }; }\n",
            ),
        ],
        &["fromA", "aSeesC", "ax", "dataKeys", "dataText", "extValue"],
        &[],
    );
}

#[test]
fn an_override_url_is_relative_to_the_flake_that_wrote_it() {
    agree(
        "override",
        &[
            (
                "flake.nix",
                "{\n  inputs.a.url = \"path:./a\";\n  inputs.a.inputs.x.url = \"path:./x2\";\n  outputs = { self, a }: { v = a.xv; };\n}\n",
            ),
            ("a/flake.nix", "{ inputs.x.url = \"path:./ax\"; outputs = { self, x }: { xv = x.value; }; }\n"),
            ("a/ax/flake.nix", "{ outputs = _: { value = \"a's x\"; }; }\n"),
            ("x2/flake.nix", "{ outputs = _: { value = \"the root's x2\"; }; }\n"),
        ],
        &["v"],
        &[],
    );
}

#[test]
fn pure_evaluation_refuses_what_nix_refuses() {
    agree(
        "pure",
        &[(
            "flake.nix",
            r#"{
  nixConfig = { bash-prompt = "dev> "; sandbox = false; extra-substituters = [ "https://a" ]; foo-bar = 1; };
  outputs = { self }: {
    system = builtins.currentSystem;
    home = builtins.getEnv "HOME";
    search = <nixpkgs>;
    outside = builtins.readFile /etc/hostname;
    inside = builtins.readFile ./flake.nix != "";
  };
}
"#,
        )],
        &["home", "inside"],
        &["system", "search", "outside"],
    );
}

/// `flake check --no-build` on a flake with these outputs: the same warnings and the same
/// error (its innermost line) as Nix.
/// Whether `line` is one of the progress lines `nix flake check` prints as it goes.
fn is_progress_line(line: &str) -> bool {
    ["evaluating ", "checking ", "derivation evaluated to "]
        .iter()
        .any(|p| line.starts_with(p))
}

/// `flake check` of a flake with these `outputs` (and `flags`), by Nix and by nixpad:
/// the same warnings, exit code and error.
fn check_agrees(name: &str, outputs: &str, flags: &[&str]) {
    let oracle = Oracle::new(name);
    let dir = fresh_dir(name);
    let text = format!(
        "{{ outputs = {{ self }}: let d = n: derivation {{ name = n; builder = \"/bin/sh\"; system = \"x86_64-linux\"; }}; in {{ {outputs} }}; }}\n"
    );
    write_files(&dir, &[("flake.nix", &text)]);
    let mut args = vec!["flake", "check", "--no-build", "."];
    args.extend_from_slice(flags);
    let theirs = oracle.nix(&dir, &args);
    let ours = nixpad(&dir, &args[1..]);
    let warnings = |r: &Run| -> Vec<String> {
        String::from_utf8_lossy(&r.stderr)
            .lines()
            .filter(|l| l.starts_with("warning:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(warnings(&ours), warnings(&theirs), "{name}: warnings");
    assert_eq!(
        ours.code == Some(0),
        theirs.code == Some(0),
        "{name}: exit codes {:?} {:?}",
        ours.code,
        theirs.code
    );
    if theirs.code != Some(0) {
        // The whole error, trace and positions included, without Nix's progress lines
        // and with its store's root taken out of paths.
        let root = oracle.store.to_string_lossy().into_owned();
        let error = |r: &Run| {
            strip_ansi(&String::from_utf8_lossy(&r.stderr))
                .replace(&root, "")
                .lines()
                .filter(|l| !l.starts_with("warning:") && !is_progress_line(l))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(error(&ours), error(&theirs), "{name}: error");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::process::Command::new("chmod")
        .args(["-R", "u+w"])
        .arg(&oracle.store)
        .status();
    let _ = std::fs::remove_dir_all(&oracle.store);
}

#[test]
fn flake_check_agrees() {
    let cases: [&str; 56] = [
        "packages.x86_64-linux.bad = 5;",
        "packages.x86_64-linux.default = d \"hello\";",
        "devShells.x86_64-linux.default = 5;",
        "checks.x86_64-linux.t = 5;",
        "formatter.x86_64-linux = 5;",
        "apps.x86_64-linux.a = { program = \"/x\"; };",
        "apps.x86_64-linux.a = { type = \"app\"; };",
        "apps.x86_64-linux.a = { type = \"app\"; program = \"/bin/sh\"; };",
        "apps.x86_64-linux.a = { type = \"other\"; program = \"/bin/sh\"; };",
        "apps.x86_64-linux.a = { type = 5; program = \"/bin/sh\"; };",
        "apps.x86_64-linux.a = { type = \"app\"; program = \"/bin/sh\"; meta = { }; };",
        "apps.x86_64-linux.a = { type = \"app\"; program = \"/bin/sh\"; meta.description = \"d\"; };",
        "overlays.bad = 5;",
        "overlays.good = final: prev: { };",
        "overlay = final: prev: { };",
        "templates.t = { path = ./.; };",
        "templates.t = { description = \"x\"; };",
        "templates.t = { path = ./.; description = \"x\"; foo = 1; };",
        "defaultPackage.x86_64-linux = d \"x\";",
        "devShell.x86_64-linux = d \"x\";",
        "foo = 1;",
        "lib = 1;",
        "legacyPackages.x86_64-linux.hello = 5;",
        "packages.aarch64-linux.default = d \"arm\";",
        "bundlers.x86_64-linux.default = 5;",
        "bundlers.x86_64-linux.default = drv: drv;",
        "defaultBundler.x86_64-linux = 5;",
        "homeManagerModules = 1;",
        "flakeModules = 1;",
        "nixosModules.m = throw \"boom\";",
        "nixosConfigurations.x = { };",
        "nixosConfigurations.x = { config.system.build.toplevel = 5; };",
        "hydraJobs = 5;",
        "hydraJobs.a.b = { type = \"derivation\"; };",
        "hydraJobs.a = d \"h\";",
        "lib = throw \"l\";",
        "packages.x86_64-linux.b = { type = \"derivation\"; };",
        // Outputs, systems and packages are checked in the order Nix keeps them (names in
        // the order they were first met), not alphabetically.
        "overlay = final: prev: { }; nixosModule = { };",
        "apps.x86_64-linux = { zz = { type = \"app\"; program = \"/x\"; }; aa = { type = \"app\"; program = \"/y\"; }; };",
        "packages.x86_64-linux = { zz = 1; aa = 2; };",
        "checks.aarch64-linux = { }; packages.aarch64-darwin = { }; apps.armv7l-linux = { };",
        "packages = 5;",
        "packages.x86_64-linux = 5;",
        // Each check's frame is placed at the attribute it checks; the trace is cut short
        // as Nix cuts it.
        "packages = {\n x86_64-linux = {\n default = throw \"boom\";\n };\n };",
        "packages = builtins.listToAttrs [ { name = \"x86_64-linux\"; value = { default = 5; }; } ];",
        "checks = { x86_64-linux.a = 5; } // { };",
        "hydraJobs = { a.b = { type = \"derivation\"; name = throw \"x\"; }; };",
        // A derivation is read as Nix's commands read one: `name` a string, `drvPath` a
        // store path.
        "packages.x86_64-linux.a = { type = \"derivation\"; name = 5; };",
        "checks.x86_64-linux.a = { type = \"derivation\"; name = \"x\"; drvPath = 5; };",
        "packages.x86_64-linux.b = { type = \"derivation\"; name = \"x\"; drvPath = \"/nix/store/abc\"; };",
        "apps.x86_64-linux.a = { type = \"app\"; program = 5; };",
        "apps.x86_64-linux.a = { type = \"app\"; program = \"x\"; meta.description = 5; };",
        "templates.a = 5;",
        "templates.a = { path = 1; };",
        "templates.a = { path = \"/nonexistent\"; description = 5; };",
        "templates.b = { path = ./.; description = 5; zz = 1; };",
    ];
    for (i, outputs) in cases.iter().enumerate() {
        check_agrees(&format!("check{i}"), outputs, &[]);
    }
}

#[test]
fn flake_check_show_trace_agrees() {
    // With --show-trace, every check's frame and the evaluation's own frames.
    let cases = [
        "packages = {\n x86_64-linux = {\n default = throw \"boom\";\n };\n };",
        "hydraJobs = { a.b = { type = \"derivation\"; name = throw \"x\"; }; };",
        "checks.x86_64-linux.a = { type = \"derivation\"; name = \"x\"; drvPath = 5; };",
        "apps.x86_64-linux.a = { type = 5; program = \"x\"; };",
        "nixosModules.m = throw \"boom\";",
    ];
    for (i, outputs) in cases.iter().enumerate() {
        check_agrees(&format!("trace{i}"), outputs, &["--show-trace"]);
    }
}

#[test]
fn show_flags_agree() {
    // Empty outputs and systems are left out, as Nix leaves them out (apps are shown for
    // every system; with --json, what is left out is said in warnings); hydraJobs are
    // shown as a tree of derivations; descriptions are in the JSON only.
    let oracle = Oracle::new("show-flags");
    let dir = fresh_dir("show-flags");
    write_files(
        &dir,
        &[(
            "flake.nix",
            r#"{
  outputs = _: let d = n: derivation { name = n; builder = "/bin/sh"; system = "x86_64-linux"; }; in {
    legacyPackages.aarch64-linux.x = d "x";
    legacyPackages.x86_64-linux = { x = d "x"; y.z = d "z"; w = { recurseForDerivations = true; v = d "v"; }; };
    packages.aarch64-linux.x = d "x";
    packages.x86_64-linux = { };
    formatter.aarch64-linux = d "fmt";
    checks.x86_64-linux.t = d "t" // { meta.description = "a test"; };
    checks.aarch64-linux = { };
    apps.aarch64-darwin.a = { type = "app"; program = "/bin/sh"; meta.description = "hi"; };
    devShells = { };
    overlays = { };
    nixosConfigurations = { };
    hydraJobs = { a.x86_64-linux = d "h"; b = { }; };
  };
}
"#,
        )],
    );
    for flags in [
        &[][..],
        &["--legacy"],
        &["--all-systems"],
        &["--all-systems", "--legacy"],
    ] {
        for json in [false, true] {
            let mut args = vec!["flake", "show"];
            if json {
                args.push("--json");
            }
            args.extend_from_slice(flags);
            args.push(".");
            let theirs = oracle.nix(&dir, &args);
            let ours = nixpad(&dir, &args[1..]);
            assert_eq!(theirs.code, Some(0), "nix {args:?}: {}", describe(&theirs));
            assert_eq!(stdout(&ours), strip_ansi(&stdout(&theirs)), "{args:?}");
            // With --json, what is left out is said in warnings.
            let warnings = |r: &Run| -> Vec<String> {
                strip_ansi(&String::from_utf8_lossy(&r.stderr))
                    .lines()
                    .filter(|l| l.starts_with("warning:"))
                    .map(str::to_string)
                    .collect()
            };
            assert_eq!(warnings(&ours), warnings(&theirs), "{args:?}: warnings");
        }
    }
    // Something that is not a derivation where one is shown is an error.
    write_files(
        &dir,
        &[(
            "flake.nix",
            "{ outputs = _: { packages.x86_64-linux.a = 1; }; }\n",
        )],
    );
    for json in [false, true] {
        let args: &[&str] = if json {
            &["flake", "show", "--json", "."]
        } else {
            &["flake", "show", "."]
        };
        let theirs = oracle.nix(&dir, args);
        let ours = nixpad(&dir, &args[1..]);
        assert_eq!(theirs.code, Some(1), "nix {args:?}: {}", describe(&theirs));
        assert_eq!(ours.code, Some(1), "{args:?}: {}", describe(&ours));
        let last = |r: &Run| {
            let err = strip_ansi(&String::from_utf8_lossy(&r.stderr));
            err.lines().last().unwrap_or_default().to_string()
        };
        assert_eq!(last(&ours), last(&theirs), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::process::Command::new("chmod")
        .args(["-R", "u+w"])
        .arg(&oracle.store)
        .status();
    let _ = std::fs::remove_dir_all(&oracle.store);
}

/// `flake lock` on a broken flake: the same innermost error as Nix (and, for a missing
/// sub-flake, the same whole message).
#[test]
fn flake_nix_errors_agree() {
    // `true`: the whole standard error agrees; `false`: its last line (Nix also shows the
    // source around the attribute a frame names).
    let cases: [(&str, bool); 23] = [
        (
            "{ inputs.a.url = \"path:./nope\"; outputs = { self, a }: { }; }",
            true,
        ),
        ("{ outputs = 5; }", true),
        ("{ description = \"x\"; }", true),
        (
            "{ inputs.a.url = \"bogus:zz\"; outputs = { self, a }: { }; }",
            true,
        ),
        (
            "{ inputs.me.url = \"path:.\"; outputs = { self, me }: { }; }",
            true,
        ),
        (
            "{ inputs.a.follows = \"b\"; outputs = { self, a }: { }; }",
            true,
        ),
        (
            "{ inputs.a = { url = \"path:./a\"; urll = 1; }; outputs = _: { }; }",
            true,
        ),
        ("{\n  description = 5;\n  outputs = _: { };\n}", true),
        ("{\n  inputs.x = 5;\n  outputs = _: { };\n}", true),
        ("{\n  outputs = _: { };\n  extra = 1;\n}", true),
        ("{\n  nixConfig.foo = { };\n  outputs = _: { };\n}", true),
        (
            "{\n  nixConfig.foo = [ \"a\" 1 ];\n  outputs = _: { };\n}",
            true,
        ),
        (
            "{\n  inputs.x = { url = \"path:./x\"; flake = \"no\"; };\n  outputs = _: { };\n}",
            true,
        ),
        (
            "{\n  inputs.x.inputs.y = { flake = \"no\"; };\n  outputs = _: { };\n}",
            true,
        ),
        ("{\n  description = \"a\" + \"b\";\n  outputs = _: { };\n}", true),
        ("{\n  outputs = import ./outputs.nix;\n}", true),
        ("let x = { outputs = _: { }; }; in x", true),
        (
            "{\n  inputs.x = { type = \"path\"; path = \"./x\"; foo = \"bar\"; };\n  outputs = _: { };\n}",
            true,
        ),
        (
            "{\n  inputs.x = { type = \"github\"; owner = \"a\"; };\n  outputs = _: { };\n}",
            true,
        ),
        (
            "{\n  inputs.x = { url = \"path:./x\"; dir = \"s\"; };\n  outputs = _: { };\n}",
            true,
        ),
        (
            "{\n  inputs.x = { type = \"path\"; path = \"./x\"; lastModified = -1; };\n  outputs = _: { };\n}",
            true,
        ),
        (
            "{\n  inputs.x = { type = \"path\"; path = \"./x\"; foo = [ 1 ]; };\n  outputs = _: { };\n}",
            true,
        ),
        ("{\n  nixConfig.bar = 1.5;\n  outputs = _: { };\n}", true),
    ];
    for (i, (text, whole)) in cases.iter().enumerate() {
        let name = format!("error{i}");
        let oracle = Oracle::new(&name);
        let dir = fresh_dir(&name);
        write_files(&dir, &[("flake.nix", text)]);
        let theirs = oracle.nix(&dir, &["flake", "lock"]);
        let ours = nixpad(&dir, &["lock"]);
        assert_ne!(theirs.code, Some(0), "{text}");
        assert_eq!(ours.code, Some(1), "{text}");
        let store = oracle.store.to_string_lossy().into_owned();
        let clean = |r: &Run| {
            String::from_utf8_lossy(&r.stderr)
                .replace(&store, "")
                .trim_end()
                .to_string()
        };
        if *whole {
            assert_eq!(clean(&ours), clean(&theirs), "{text}");
        } else {
            let last = |t: String| t.lines().last().unwrap_or_default().trim().to_string();
            assert_eq!(last(clean(&ours)), last(clean(&theirs)), "{text}");
        }
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::process::Command::new("chmod")
            .args(["-R", "u+w"])
            .arg(&oracle.store)
            .status();
        let _ = std::fs::remove_dir_all(&oracle.store);
    }
}
