//! `nixpad eval` takes `nix-instantiate --eval`'s command line: every case below runs
//! `nix-instantiate --store dummy:// ARGS` (real Nix 2.26, the oracle) and
//! `nixpad eval ARGS` in the same folder with the same standard input, and compares
//! stdout, the whole of stderr (traces included) and the exit code. The cases cover each
//! flag.
//! Where Nix 2.26 has no such flag (`--timeout` for evaluation, `--file`, the `lint-*`
//! settings of Nix 2.34), a second test pins nixpad's own behaviour.

mod support;

use std::path::{Path, PathBuf};

use support::*;

/// A folder with files the cases use: `default.nix`, `f.nix` (a function), `dir/x.nix`.
/// One folder per test (`name`): tests run in parallel, and rewriting a file another
/// test's `nix-instantiate` is reading would let it read an empty file.
fn fixture(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("instantiate-cli")
        .join(name);
    std::fs::create_dir_all(dir.join("dir")).expect("fixture folder");
    let files = [
        (
            "default.nix",
            "{ x = 5; l = [ { a = 1; } 2 ]; \"c.d\" = 3; }\n",
        ),
        (
            "f.nix",
            "{ y ? 2, z }: { sum = y + z; inner = { w ? 0 }: { v = w + y; }; }\n",
        ),
        ("dir/x.nix", "{ hello = \"world\"; }\n"),
        ("warn.nix", "builtins.warn \"careful\" 1\n"),
        ("deep.nix", "let f = n: 1 + f n; in f 0\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("fixture file");
    }
    dir
}

/// `(arguments, standard input)`; the arguments are given to both tools as they are.
const CASES: &[(&[&str], &str)] = &[
    // -A: nested, repeated, list indices, quoted names, trailing dot, errors.
    (&["--eval", "-A", "x"], ""),
    (&["--eval", "-A", "x", "-A", "l.0.a", "-A", "\"c.d\""], ""),
    (&["--eval", "--attr", "l.1"], ""),
    (&["--eval", "-A", "l."], ""),
    (&["--eval", "-A", "nope"], ""),
    (&["--eval", "-A", "x.y"], ""),
    (&["--eval", "-A", "l.7"], ""),
    (&["--eval", "-A", "l.a"], ""),
    (&["--eval", "-A", "x..y"], ""),
    (&["--eval", "-A", "0"], ""),
    (&["--eval", "-A"], ""),
    // Auto-calling with --arg/--argstr, at each step of -A and at the end.
    (&["--eval", "f.nix", "--arg", "z", "40"], ""),
    (&["--eval", "--strict", "f.nix", "--arg", "z", "40"], ""),
    (
        &[
            "--eval", "f.nix", "-A", "sum", "--arg", "z", "1", "--arg", "y", "10",
        ],
        "",
    ),
    (&["--eval", "f.nix", "-A", "inner.v", "--arg", "z", "1"], ""),
    (
        &[
            "--eval", "--strict", "f.nix", "-A", "inner", "--arg", "z", "1", "--arg", "w", "7",
        ],
        "",
    ),
    (&["--eval", "f.nix", "-A", "sum"], ""),
    (&["--eval", "f.nix"], ""),
    (&["--eval", "f.nix", "--argstr", "z", "s", "-A", "sum"], ""),
    (&["--eval", "-E", "{ y ? 2 }: y"], ""),
    (&["--eval", "-E", "{ y ? 2 }: y", "--arg", "q", "1"], ""),
    (
        &[
            "--eval",
            "-E",
            "{ y ? 2, ... }@a: a",
            "--arg",
            "q",
            "1",
            "--strict",
        ],
        "",
    ),
    (&["--eval", "--arg", "x"], ""),
    // Inputs: -E / --expr as a mode, several of them, files, stdin, default.nix.
    (&["--eval", "-E", "1", "2"], ""),
    (&["--eval", "--expr", "1 + 2"], ""),
    (&["--eval", "-E"], ""),
    (&["--eval"], ""),
    (&["--eval", "dir/x.nix", "default.nix", "-A", "hello"], ""),
    (&["--eval", "-"], "{ a = 1; }.a"),
    (&["--eval", "-E", "-"], "[ 1 ]"),
    (&["--eval", "--strict", "dir"], ""),
    (&["--eval", "missing.nix"], ""),
    // Output forms with -A.
    (&["--eval", "--json", "-A", "l"], ""),
    (&["--eval", "--strict", "--json", "-A", "l.0"], ""),
    (&["--eval", "--json", "-E", "{ a = 1; }", "{ b = 2; }"], ""),
    (&["--eval", "--xml", "-A", "l.0"], ""),
    // --raw: the value coerced as interpolation coerces it, no newline; every input's
    // text back to back; --strict forces nothing more; the last of --raw/--json/--xml counts.
    (&["--eval", "--raw", "-E", "\"a\\nb\"", "\"c\""], ""),
    (&["--eval", "--raw", "-E", "./f.nix"], ""),
    (&["--eval", "--raw", "-E", "{ __toString = s: \"T\"; }"], ""),
    (
        &[
            "--eval",
            "--raw",
            "-E",
            "derivation { name = \"a\"; builder = \"b\"; system = \"c\"; }",
        ],
        "",
    ),
    (&["--eval", "--raw", "-E", "1.5"], ""),
    (
        &["--eval", "--raw", "--strict", "-E", "{ a = throw \"x\"; }"],
        "",
    ),
    (&["--eval", "--raw", "-E", "throw \"t\""], ""),
    (&["--eval", "--raw", "--json", "-E", "\"j\""], ""),
    (&["--eval", "--json", "--raw", "-E", "\"r\""], ""),
    (&["--eval", "--xml", "--raw", "-A", "x"], ""),
    (&["--eval", "--strict", "--xml", "-A", "x"], ""),
    // Lazy output: `[ ]` is a value, not a thunk; an unevaluated derivation's paths are
    // not read (XML), and its `outPath` is reported where it is defined (JSON).
    (
        &[
            "--eval",
            "-E",
            "let x = 1; in [ x [ ] { } [ [ ] ] { a = [ ]; } ]",
        ],
        "",
    ),
    (
        &[
            "--eval",
            "--xml",
            "-E",
            "derivation { name = \"a\"; builder = \"b\"; system = \"s\"; }",
        ],
        "",
    ),
    (
        &[
            "--eval",
            "--json",
            "-E",
            "derivation { name = \"a\"; builder = \"b\"; system = \"s\"; }",
        ],
        "",
    ),
    // Accepted and honoured or harmless.
    (&["--eval-only", "-A", "x"], ""),
    (&["--eval", "--read-write-mode", "-A", "x"], ""),
    (&["--eval", "--readonly-mode", "-A", "x"], ""),
    (&["--eval", "--show-trace", "-E", "{ a = 1; }.b"], ""),
    (
        &["--eval", "--show-trace", "--no-show-trace", "-E", "1"],
        "",
    ),
    (
        &[
            "--eval",
            "--include",
            "here=dir",
            "-E",
            "import <here/x.nix>",
        ],
        "",
    ),
    (&["--eval", "-I", "here=dir", "-E", "<here/x.nix>"], ""),
    (&["--eval", "-I", "dir", "-E", "(import <x.nix>).hello"], ""),
    // Pure evaluation mode and --impure.
    (
        &["--eval", "--pure-eval", "-E", "builtins.currentSystem"],
        "",
    ),
    (
        &["--eval", "--pure-eval", "-E", "builtins ? currentTime"],
        "",
    ),
    (
        &["--eval", "--pure-eval", "-E", "builtins.getEnv \"HOME\""],
        "",
    ),
    (
        &[
            "--eval",
            "--pure-eval",
            "-E",
            "builtins.readFile /etc/hostname",
        ],
        "",
    ),
    (
        &["--eval", "--pure-eval", "-E", "builtins.pathExists /etc"],
        "",
    ),
    (&["--eval", "--pure-eval", "-E", "import ./dir/x.nix"], ""),
    (
        &[
            "--eval",
            "--pure-eval",
            "-E",
            "<nixpkgs>",
            "-I",
            "nixpkgs=dir",
        ],
        "",
    ),
    (&["--eval", "--pure-eval", "-A", "x"], ""),
    (
        &[
            "--eval",
            "--pure-eval",
            "-E",
            "builtins.storePath \"/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-x\"",
        ],
        "",
    ),
    (
        &[
            "--eval",
            "--option",
            "pure-eval",
            "true",
            "-E",
            "builtins.readDir /etc",
        ],
        "",
    ),
    (
        &[
            "--eval",
            "--pure-eval",
            "--impure",
            "-E",
            "builtins.currentSystem",
        ],
        "",
    ),
    (&["--eval", "--impure", "-E", "builtins.currentSystem"], ""),
    // Settings: abort-on-warn, max-call-depth, unknown and invalid ones.
    (&["--eval", "warn.nix"], ""),
    (
        &["--eval", "--option", "abort-on-warn", "true", "warn.nix"],
        "",
    ),
    (&["--eval", "--abort-on-warn", "warn.nix"], ""),
    // `derivation` is evaluated at start-up: a lambda even before it is called.
    (
        &[
            "--eval",
            "-E",
            "builtins.intersectAttrs { derivation = 1; map = 1; } builtins",
        ],
        "",
    ),
    // --parse prints each input as parsed (paths resolved), checked but not evaluated.
    (&["--parse", "f.nix"], ""),
    (
        &[
            "--parse",
            "-E",
            "x: [ (x + ./a) \"s${x}\" 1.5 ] ++ [ (throw \"no\") ]",
        ],
        "",
    ),
    (&["--parse", "-E", "undefinedvar"], ""),
    (&["--parse", "-"], "{ a = 1; b.c = a; }"),
    // Every --arg is parsed before any input is read, used or not; each is evaluated
    // once however many functions take it.
    (&["--eval", "--arg", "unused", "undefinedvar", "f.nix"], ""),
    (&["--eval", "--arg", "z", "1 +", "nope.nix"], ""),
    (
        &[
            "--eval",
            "--strict",
            "--arg",
            "z",
            "builtins.trace \"t\" 1",
            "-E",
            "{ z }: z + z",
        ],
        "",
    ),
    (&["--eval", "--arg", "z", "1 + \"a\"", "f.nix"], ""),
    (
        &["--eval", "--option", "abort-on-warn", "maybe", "-E", "1"],
        "",
    ),
    (
        &["--eval", "--option", "max-call-depth", "5", "deep.nix"],
        "",
    ),
    (
        &[
            "--eval",
            "--max-call-depth",
            "5",
            "-E",
            "let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 3",
        ],
        "",
    ),
    (&["--eval", "--max-call-depth", "x", "-E", "1"], ""),
    (
        &["--eval", "--option", "no-such-setting", "1", "-E", "1"],
        "",
    ),
    (
        &[
            "--eval",
            "--extra-experimental-features",
            "no-url-literals",
            "-E",
            "http://example.org",
        ],
        "",
    ),
    (&["--eval", "--no-such-flag", "-E", "1"], ""),
    // Experimental builtins come with their features; -E and stdin text has no positions.
    (
        &[
            "--eval",
            "-E",
            "builtins.length (builtins.attrNames builtins)",
        ],
        "",
    ),
    (
        &[
            "--eval",
            "--strict",
            "--extra-experimental-features",
            "flakes",
            "-E",
            "[ (builtins ? getFlake) (builtins ? fetchTree) ]",
        ],
        "",
    ),
    (
        &[
            "--eval",
            "--strict",
            "--option",
            "extra-experimental-features",
            "fetch-tree",
            "-E",
            "[ (builtins ? getFlake) (builtins ? fetchTree) ]",
        ],
        "",
    ),
    (&["--eval", "-E", "fetchTree"], ""),
    (
        &[
            "--eval",
            "--strict",
            "-E",
            "[ __curPos (builtins.unsafeGetAttrPos \"a\" { a = 1; }) ]",
        ],
        "",
    ),
    (&["--eval", "--strict", "-"], "__curPos"),
    // Lazy printing: which attributes are still unevaluated (<CODE>).
    (
        &["--eval", "-E", "rec { a = 1; b = a; c = [ a ]; d = c; }"],
        "",
    ),
    (
        &[
            "--eval",
            "-E",
            "rec { __overrides = { x = 1 + 1; }; a = 1; }",
        ],
        "",
    ),
    (
        &[
            "--eval",
            "-E",
            "{ inherit ({ a = 1; }) a; b = 2; c = 1 + 1; }",
        ],
        "",
    ),
    // Messages from the real filesystem.
    (&["--eval", "-E", "builtins.readDir ./f.nix"], ""),
    (&["--eval", "-E", "builtins.readDir ./nonexistent"], ""),
    (&["--eval", "-E", "builtins.readFile ./nonexistent"], ""),
    (&["--eval", "-E", "builtins.readFile ./dir"], ""),
    // Pure evaluation refuses a path while realising it for readFile, readDir and
    // hashFile (they resolve symbolic links), when reading it for import and readFileType.
    (
        &["--eval", "--pure-eval", "-E", "builtins.readDir /etc"],
        "",
    ),
    (
        &[
            "--eval",
            "--pure-eval",
            "-E",
            "builtins.hashFile \"sha256\" /etc/hostname",
        ],
        "",
    ),
    (
        &["--eval", "--pure-eval", "-E", "builtins.readFileType /etc"],
        "",
    ),
    (&["--eval", "--pure-eval", "-E", "import /etc/x.nix"], ""),
];

/// Whether two tools' stderr agree, traces and all (a usage error names each tool's own
/// `--help`).
fn same_stderr(nix: &[u8], ours: &[u8]) -> bool {
    let nix = strip_ansi(&String::from_utf8_lossy(nix))
        .replace("Try 'nix-instantiate --help'", "Try 'nixpad eval --help'");
    nix == String::from_utf8_lossy(ours)
}

fn first_line(bytes: &[u8]) -> String {
    strip_ansi(&String::from_utf8_lossy(bytes))
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn each_flag_behaves_like_nix_instantiate() {
    let oracle = oracle_path();
    let dir = fixture("flags");
    let mut failures = Vec::new();
    for (args, input) in CASES {
        let mut nix_args = vec!["nix-instantiate", "--store", "dummy://"];
        nix_args.extend_from_slice(args);
        let mut our_args = vec!["eval"];
        our_args.extend_from_slice(args);
        let nix = run_in(Some(&dir), &oracle, &nix_args, input, TIMEOUT);
        let ours = run_in(
            Some(&dir),
            env!("CARGO_BIN_EXE_nixpad"),
            &our_args,
            input,
            TIMEOUT,
        );
        assert!(
            nix.spawn_error.is_none() && !nix.timed_out,
            "the oracle did not run: {}",
            describe(&nix)
        );
        let same = nix.stdout == ours.stdout
            && same_stderr(&nix.stderr, &ours.stderr)
            && nix.code == ours.code;
        if !same {
            failures.push(format!(
                "--- {args:?}\nnix:\n{}nixpad:\n{}",
                describe(&nix),
                describe(&ours)
            ));
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} command lines differ from nix-instantiate",
        failures.len(),
        CASES.len()
    );
}

/// Left-associative operator chains are as long as the text, as in Nix (whose parser reads
/// them without nesting): 20,000 `+` and 10,000 `&&` operators (a program given with
/// `-E` stays under the kernel's 128 KiB limit for one argument).
#[test]
fn long_operator_chains_evaluate() {
    let ours = |program: &str| {
        run_in(
            None,
            env!("CARGO_BIN_EXE_nixpad"),
            &["eval", "--strict", "-E", program],
            "",
            TIMEOUT,
        )
    };
    let sum = vec!["1"; 20_000].join(" + ");
    assert_eq!(String::from_utf8_lossy(&ours(&sum).stdout), "20000\n");
    let all = vec!["true"; 10_000].join(" && ");
    assert_eq!(String::from_utf8_lossy(&ours(&all).stdout), "true\n");
}

/// Flags Nix 2.26's `nix-instantiate` lacks or ignores for evaluation: `--timeout`
/// ends a long evaluation, `--file` names an input, and the `lint-*` settings of
/// Nix 2.34 warn about or refuse URL, short-path and absolute-path literals (the
/// absolute-path message is Nix 2.34's own).
#[test]
fn extensions_beyond_nix_2_26() {
    let dir = fixture("extensions");
    let ours = |args: &[&str]| {
        let mut all = vec!["eval"];
        all.extend_from_slice(args);
        run_in(Some(&dir), env!("CARGO_BIN_EXE_nixpad"), &all, "", TIMEOUT)
    };
    let slow = "let f = n: if n == 0 then 0 else f (n - 1) + f (n - 1); in f 60";
    let started = std::time::Instant::now();
    let r = ours(&["--timeout", "1", "-E", slow]);
    assert_eq!(
        (r.code, first_line(&r.stderr).as_str()),
        (Some(1), "error: evaluation timed out after 1 seconds")
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(8),
        "--timeout 1 took {:?}",
        started.elapsed()
    );

    // `--bench N` prints the value once, then times N more evaluations of it.
    let r = ours(&["--bench", "3", "--strict", "-E", "import ./dir/x.nix"]);
    assert_eq!(r.stdout.as_slice(), &b"{ hello = \"world\"; }\n"[..]);
    let report = String::from_utf8_lossy(&r.stderr);
    assert!(
        report.starts_with(
            "bench: 3 runs, each with a fresh evaluator sharing the lowered files: median "
        ),
        "{report}"
    );
    // Standard input is read once and evaluated by every run.
    let args = ["eval", "--bench", "2", "-"];
    let r = run_in(
        Some(&dir),
        env!("CARGO_BIN_EXE_nixpad"),
        &args,
        "1 + 2",
        TIMEOUT,
    );
    assert_eq!((r.code, r.stdout.as_slice()), (Some(0), &b"3\n"[..]));
    let r = ours(&["--bench", "2", "-E", "import ./missing.nix"]);
    assert_eq!(r.code, Some(1));
    assert!(first_line(&r.stderr).starts_with("error:"));
    let r = ours(&["--bench", "zero", "-E", "1"]);
    assert_eq!(
        (r.code, first_line(&r.stderr).as_str()),
        (
            Some(1),
            "error: '--bench' needs a positive number of runs, not 'zero'"
        )
    );

    let r = ours(&["--file", "dir/x.nix", "-A", "hello"]);
    assert_eq!(
        (r.code, r.stdout.as_slice()),
        (Some(0), &b"\"world\"\n"[..])
    );

    let r = ours(&[
        "--option",
        "lint-absolute-path-literals",
        "fatal",
        "-E",
        "/.",
    ]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        first_line(&r.stderr),
        "error: absolute path literals are not portable. Consider replacing path literal '/.' by a string, \
         relative path, or parameter (lint-absolute-path-literals)"
    );
    let r = ours(&["--lint-absolute-path-literals", "warn", "-E", "/."]);
    assert_eq!((r.code, r.stdout.as_slice()), (Some(0), &b"/\n"[..]));
    assert!(first_line(&r.stderr).starts_with("warning: absolute path literals are not portable"));

    let r = ours(&["--lint-short-path-literals", "fatal", "-E", "dir/x.nix"]);
    assert_eq!(r.code, Some(1));
    assert!(first_line(&r.stderr)
        .contains("relative path literal 'dir/x.nix' should be prefixed with '.'"));
    let r = ours(&[
        "--lint-short-path-literals",
        "fatal",
        "-E",
        "import ./dir/x.nix",
    ]);
    assert_eq!(
        (r.code, r.stdout.as_slice()),
        (Some(0), &b"{ hello = \"world\"; }\n"[..])
    );

    let r = ours(&["--lint-url-literals", "warn", "-E", "http://example.org"]);
    assert_eq!(
        (r.code, r.stdout.as_slice()),
        (Some(0), &b"\"http://example.org\"\n"[..])
    );
    assert!(first_line(&r.stderr).starts_with("warning: URL literal 'http://example.org'"));
    let r = ours(&["--lint-url-literals", "fatal", "-E", "http://example.org"]);
    assert_eq!(
        (r.code, first_line(&r.stderr).as_str()),
        (Some(1), "error: URL literals are disabled")
    );
    let r = ours(&["--lint-url-literals", "sometimes", "-E", "1"]);
    assert_eq!(r.code, Some(1));
}

/// A shell test suite of the kind tools ship (it shells out to `nix-instantiate --eval
/// ... --json` and checks the answers) gives the same transcript with real Nix behind
/// `nix-instantiate` as with nixpad behind the README's two-line wrapper.
#[test]
fn drop_in_wrapper_runs_a_shell_test_suite() {
    let dir = fixture("wrapper");
    let suite = r#"set -u
check() { # NAME EXPECTED ARGS...
  name=$1 want=$2; shift 2
  got=$(nix-instantiate "$@" 2>/dev/null); rc=$?
  if [ "$got" = "$want" ] && [ $rc = 0 ]; then echo "ok $name"; else echo "not ok $name ($rc): $got"; fi
}
check attr 5 --eval -A x
check json '[{"a":1},2]' --eval --strict --json -A l
check expr '{"n":3,"s":"a-b"}' --eval --strict --json -E '{ n = 1 + 2; s = "a" + "-b"; }'
check args 42 --eval f.nix -A sum --arg z 40
check argstr '"ab"' --eval --strict -E '{ s }: s + "b"' --argstr s a
check file '"world"' --eval --strict --json dir/x.nix -A hello
check stdin 6 --eval - <<< 'builtins.foldl'"'"' (a: b: a + b) 0 [ 1 2 3 ]'
nix-instantiate --eval -A nope >/dev/null 2>&1; echo "missing attribute exits $?"
nix-instantiate --eval -E 'throw "x"' 2>&1 >/dev/null | head -n 1
"#;
    let run_suite = |target: &str, args: &str| {
        let bin = dir.join(format!(
            "bin-{}",
            if args.is_empty() { "nix" } else { "nixpad" }
        ));
        std::fs::create_dir_all(&bin).expect("wrapper folder");
        let wrapper = bin.join("nix-instantiate");
        std::fs::write(
            &wrapper,
            format!("#!/bin/sh\nexec {target} {args} \"$@\"\n"),
        )
        .expect("wrapper");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(suite)
            .current_dir(&dir)
            .env("PATH", path)
            .output()
            .expect("bash runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let nix = run_suite(
        &format!("{} nix-instantiate --store dummy://", oracle_path()),
        "",
    );
    let ours = run_suite(env!("CARGO_BIN_EXE_nixpad"), "eval");
    assert!(
        nix.lines().filter(|l| l.starts_with("ok ")).count() == 7,
        "the suite fails with real Nix:\n{nix}"
    );
    assert_eq!(ours, nix, "transcripts differ (left: nixpad, right: nix)");
}

/// With `--show-trace` (and without), the whole of stderr matches Nix's for errors
/// inside nested calls and selections: every "from call site" / "while calling 'f'"
/// pair and "while evaluating the attribute" frame, with positions and source lines.
#[test]
fn traces_match_nix_with_and_without_show_trace() {
    let oracle = oracle_path();
    let throwing_file = fixture("traces").join("throws.nix");
    std::fs::write(&throwing_file, "throw \"inside\"\n").expect("fixture file");
    let import_throwing = format!("import {}", throwing_file.display());
    let nested_file = fixture("traces").join("imports.nix");
    let nested = format!("let x = import {}; in x + 1\n", throwing_file.display());
    std::fs::write(&nested_file, nested).expect("fixture file");
    let import_nested = format!("(import {}) + 1", nested_file.display());
    let position_file = fixture("traces").join("position.nix");
    let compared = "assert builtins.unsafeGetAttrPos \"a\" { a = 1; } == null; 1\n";
    std::fs::write(&position_file, compared).expect("fixture file");
    let import_position = format!("import {}", position_file.display());
    let programs = [
        // A builtin's result is forced inside its call (`break` excepted); an imported
        // file is evaluated in a frame naming it.
        import_throwing.as_str(),
        import_nested.as_str(),
        "builtins.seq 1 (throw \"x\")",
        "builtins.deepSeq 1 (throw \"z\")",
        "builtins.head [ (throw \"x\") ]",
        "builtins.getAttr \"a\" { a = throw \"x\"; }",
        "builtins.trace \"m\" (throw \"tr\")",
        "builtins.break (throw \"b\")",
        "builtins.addErrorContext \"c\" (builtins.head [ (throw \"x\") ])",
        "builtins.div 1 0",
        // A dynamic attribute name that is not a string: its frame, placed (also in a
        // nested set) at the start of the binding's attribute path.
        "{ x = { ${1} = 2; }; }",
        "{ a.${1} = 2; }",
        "builtins.unsafeGetAttrPos \"b\" { a.${\"b\"} = 1; }.a",
        "{ a = 1; }.${1}",
        // A dynamic attribute name given by an expression that has a position (a
        // variable, `+`, a call) is evaluated in a frame placed there; `+` is placed at
        // its operator when named as a whole.
        "let s = { }; x = 1; in s.${x}",
        "let s = { }; x = 1; in s ? ${x}",
        "let s = { }; x = 1; in s.${x + 1} or 2",
        "let x = 1; in !(x + 1)",
        // A selected or tested name cannot be null (a set literal's can); a message naming
        // a path with dynamic names shows them evaluated, or as their expression when that
        // fails.
        "let a = null; in { } ? ${a}",
        "let a = null; in { x = 1; }.${a} or 2",
        "1 ? ${throw \"x\"}",
        "{ a = 1; }.a.${throw \"x\"}",
        "let n = \"a\"; s = { a = { b = 1; }; }; in s.${n}.b.c",
        "let s = { \"a b\" = { c = 1; }; }; x = \"a b\"; in s.${x}.c.d",
        "let x = \"a\"; s = { ab = 1; }; in s.\"${x}b\".c",
        // A set shown in a message lists `_type` and `type` first (not in a trace).
        "{ z = 1; type = 2; _type = 3; a = 4; } + 1",
        "{ z = 1; type = 2; a = 4; } 1",
        "builtins.length { b = 1; type = 2; a = 4; c = 5; d = 6; e = 7; f = 8; g = 9; h = 10; i = 11; j = 12; }",
        "builtins.trace { z = 1; type = 2; a = 4; } 1",
        // What a message leaves out is counted, singular for one.
        "builtins.length [ 1 2 3 4 5 6 7 8 9 10 11 ]",
        "builtins.length (builtins.concatStringsSep \"\" (builtins.genList (x: \"a\") 1025))",
        // elemAt forces its index before its list.
        "builtins.elemAt (throw \"list\") (throw \"index\")",
        "builtins.elemAt \"l\" \"i\"",
        // Every error in an operand of `&&`, `||`, `->`, `//` and `-x` carries the
        // operator's frame (`-x` is a call of `__sub`).
        "(throw \"a\") // { }",
        "{ } // (throw \"b\")",
        "(1 - \"a\") // { }",
        "(throw \"x\") && true",
        "false || (throw \"w\")",
        "true -> throw \"y\"",
        "true -> 1",
        "[ (-(throw \"neg\")) ]",
        "let f = p: m: p || throw m; in f false \"x\"",
        // concatMap's result frame is placed at the returned function or else the
        // function called; genericClosure names the set without a `key`.
        "builtins.concatMap (x: x) [ 1 ]",
        "builtins.concatMap (x: y: y) [ 1 ]",
        "builtins.concatMap builtins.toString [ 1 ]",
        "builtins.genericClosure { startSet = [ { key = 1; } ]; operator = x: [ { } ]; }",
        // A functor is called where `__functor` is defined, inside a frame naming the
        // functor call; further arguments are applied at the call site.
        "let f = { __functor = self: 5; }; in f 2",
        "let f = { __functor = self: x: throw \"in\"; }; in f 2",
        "let f = { __functor = self: x: y: x + y; }; in f 2 \"a\"",
        "let f = { __functor = self: { a }: a; }; in f { }",
        // Infinite recursion through a selection: at the selection for a set selected
        // from, at the definition for the selected value, at the tested expression for `?`.
        "let s = { a = s.a.b; }; in s.a",
        "let s = { a = { b = s.a.b; }; }; in s.a.b",
        "let s = rec { a = b.c; b = { c = a; }; }; in s.a",
        "let s = { a = s.a.b or 1; }; in s.a",
        "let s = { a = s ? a.b; }; in s.a",
        // Attribute and argument names in messages are quoted unless they are identifiers.
        "{ \"a b\".c = 1; \"a b\".c = 2; }",
        "builtins.getAttr \"a b\" { }",
        "let s = { \"a b\" = throw \"x\"; }; in s.\"a b\"",
        "let f = { a }: a; in f { a = 1; \"b c\" = 1; }",
        "{ x = { \"if\" = { c = throw \"d\"; }; }; }",
        "(derivation { name = \"n\"; builder = \"b\"; system = \"s\"; \"a b\" = { }; }).drvPath",
        "builtins.toJSON { \"a b\" = x: x; }",
        "builtins.toString { \"if\" = x: x; }.\"if\"",
        // appendContext reports a field where it is defined.
        "builtins.appendContext \"x\" { \"foo\" = { path = true; }; }",
        "builtins.appendContext \"x\" { \"/nix/store/g76zcpqc540lrc8i6g7xy6ip0npn2hnp-a\" = { path = 1; }; }",
        "builtins.appendContext \"x\" { \"/nix/store/g76zcpqc540lrc8i6g7xy6ip0npn2hnp-a.drv\" = { outputs = [ 1 ]; }; }",
        // Up to five suggestions, as Nix trims them.
        "let s = { ab = 1; ac = 2; ad = 3; ae = 4; af = 5; ag = 6; ba = 7; }; in s.a",
        // Syntax errors name what Nix's parser wanted: an attribute path goes on with
        // `.` or `=`; an attribute name after `.` or `?`; nothing in an `inherit` list.
        "let args@{ a, ... } = { a = 1; }; in args",
        "{ a.1 = 1; }",
        "{ inherit (x) 1; }",
        "let inherit a = 1; in 1",
        "let a",
        "{ a, b }",
        "({ a })",
        "{ a, b } @",
        "{ a ? (x: x), a }: 1",
        // Where a binding could start, bison names what the construct wanted; after
        // `x@{ … }` only `:`; after `...` only `}`; an unterminated comment's `/` or `*`;
        // a string left open after an interpolation; `<…>` that is no search path.
        "{ a = 1; ; }",
        "rec { a = with x; 1; 2 }",
        "let { ; }",
        "let a = 1; ) in a",
        "{ x = { y = 1;",
        "let a = 1;",
        "x@{ a }@y: 1",
        "{ a, ..., b }: 1",
        "[ /* x",
        "x: /* x",
        "a.b /* x",
        "\"${a} foo",
        "[ <a/> ]",
        // A lazy application (of `map`, `mapAttrs`, `genList`, ...) forced by a builtin
        // has no call site; forced by a variable or selection, it is called there; by
        // printing or `deepSeq`, at the function. It is never marked while computed, so
        // one that needs itself runs out of call depth, as in Nix.
        "builtins.concatStringsSep \"\" (map (x: x + \"a\") [ 1 ])",
        "let l = map (x: x + \"a\") [ 1 ]; in builtins.head l",
        "(map (x: x + \"a\") [ 1 ]) == [ 1 ]",
        "builtins.foldl' (a: b: a + b) \"\" (map (x: x + \"a\") [ 1 ])",
        "builtins.deepSeq (map (x: x + \"a\") [ 1 ]) 1",
        "(builtins.mapAttrs (n: v: v + \"a\") { a = 1; }).a",
        "let l = map ({ a }: a) [ { b = 1; } ]; in builtins.elemAt l 0",
        "let l = map (x: builtins.head l) [ 1 ]; in builtins.head l",
        "let a = builtins.mapAttrs (n: v: a.x) { x = 1; }; in a.x",
        // A position's line and column are computed lazily, as in Nix.
        import_position.as_str(),
        // An assertion's text shows paths resolved against the directory and $HOME.
        "assert ./a/${\"b\"} == ./.; 1",
        "assert ~/x == ../y; 1",
        // Output checks as attributes of their own are ignored under structured attrs.
        "(derivation { name = \"x\"; builder = \"b\"; system = \"s\"; __structuredAttrs = true; maxSize = 1; allowedReferences = [ ]; }).drvPath",
        // A parenthesized expression is closed by `)` only; at the end of the text the
        // `)` is named once the expression inside could be complete.
        "[ (1 + 2 ]",
        "{ a = (1; }",
        "(1 + 2 }",
        "(1 +",
        "(a.b or",
        "(f or",
        // A broken interpolation in an attribute name (rnix's tree cannot be taken apart).
        "{ \"a${)}\" = 1; }",
        "{ a.\"b${]}c\" = 1; }",
        // `x or` as a list element or an argument is warned of, with its own text.
        "let or = 1; f = x: y: x; in [ (f 1 or) (f or 2) (f  or) ]",
        // `sort` compares with `lessThan` itself without calling it; `floor` and `ceil`
        // name their argument for every error in it.
        "builtins.sort builtins.lessThan [ 3 1 2 \"a\" ]",
        "builtins.sort builtins.lessThan [ [ 2 ] [ 1 ] [ 1 0 ] ]",
        "builtins.floor (1.0 / 0)",
        "builtins.ceil \"x\"",
        // Source lines are shown without trailing whitespace.
        "let\n  x = y;   \nin x",
        // A path literal ending in `/` is refused one past that `/`.
        "[ ./a/ 1 ]",
        "[ ./a${\"x\"}/ 1 ]",
        "{ a = 1; }.${\"${builtins.toFile \"a\" \"b\"}x\"}",
        // Builtin calls count towards max-call-depth, as in Nix.
        "let f = n: if n == 0 then 0 else builtins.seq n (f (n - 1)); in f 6000",
        "let f = n: if n == 0 then 0 else builtins.add 1 (f (n - 1)); in f 5001",
        "let f = n: if n == 0 then [ ] else builtins.map (x: x) (f (n - 1)); in f 5001",
        // A path argument is forced while "realising the context of a path"; a builtin
        // written out as JSON is reported where it is held.
        "builtins.readFile (throw \"x\")",
        "builtins.scopedImport { } (throw \"x\")",
        "import <nixpad-nonexistent>",
        "builtins.toJSON { a = [ builtins.toFile ]; }",
        // `(f a) b` is one call, placed where `f a` is, as Nix parses it.
        "(builtins.elemAt [ 1 ]) 5",
        "let f = a: b: c: c.x; in ((f 1) 2) { }",
        "let f = n: if n == 0 then throw \"boom\" else 1 + f (n - 1); in { a = f 3; }.a",
        "let f = { a }: throw \"a\"; in f { a = 1; }",
        "(x: throw \"a\") 1",
        "let s = { a.b = throw \"x\"; }; in s.a.b",
        "builtins.map (x: throw \"a\") [ 1 ]",
        "let f = x: x.y; in f { }",
        "let g = x: assert x > 1; x; in g 0",
        "{ a = { b = 1; }; }.a.c",
        "let f = n: if n == 0 then {}.x else f (n - 1); in f 2",
        // Calls made by builtins have no call site.
        "builtins.sort (a: b: throw \"c\") [ 1 2 ]",
        "builtins.foldl' (a: b: a.x) {} [ 1 ]",
        "builtins.filter (x: x.y) [ {} ]",
        "builtins.genList (x: throw \"g\") 1",
        "builtins.concatMap (x: x.y) [ {} ]",
        // One `trace:` line: `inherit (e)` evaluates `e` once.
        "let inherit (builtins.trace \"used\" { a = 1; b = 2; }) a b; in [ a b ]",
        "let s = { inherit (builtins.trace \"once\" { a = 1; b = 2; }) a b; }; in [ s.a s.b ]",
        // Interpolating a set: an error forcing its `outPath` or calling its `__toString`
        // is not in the "path segment" frame, a value that does not coerce is (what
        // `__toString` returns, in a frame of its own).
        "\"${{ outPath = { outPath = throw \"deep\"; }; }}\"",
        "let s = { outPath = s.outPath; }; in \"${s}\"",
        "\"${{ outPath = 1; }}\"",
        "\"${{ __toString = s: 1; outPath = throw \"no\"; }}\"",
        "\"${{ __toString = s: throw \"x\"; }}\"",
        "\"${{ __toString = s: { outPath = 2; }; }}\"",
        "\"x ${{ __toString = s: s.nope; }} y\"",
        // Through `derivation`: its file's lines as Nix quotes them, the `name`
        // attribute's position in words, and a trace cut short without `--show-trace`.
        "derivation { name = \"x\"; }",
        "(derivation { name = \"x\"; builder = \"b\"; system = \"s\"; args = [ { } ]; }).drvPath",
        "(derivation { name = \"x\"; builder = \"b\"; system = \"s\"; outputs = 1; }).drvPath",
        "(derivation { name = \"x\"; builder = \"b\"; system = \"s\"; outputs = [ ]; }).drvPath",
        // Value walks name every attribute and list element on the way down; the
        // short trace is cut by the weight of its frames.
        "builtins.toJSON { a = { b = [ { c = 1 + \"x\"; } ]; }; }",
        "builtins.deepSeq { a = { b = [ { c = 1 + \"x\"; } ]; }; } 1",
        "builtins.toJSON [ [ [ [ (builtins.toJSON { a = 1 + \"x\"; }) ] ] ] ]",
        "let s = { a = { b = { c = 1 + \"x\"; }; }; }; in s",
        "builtins.seq (builtins.seq (builtins.seq (throw \"x\") 1) 1) 1",
        // `addErrorContext` frames are printed even in a trace cut short.
        "builtins.addErrorContext \"c1\" (builtins.addErrorContext \"c2\" (builtins.addErrorContext \"c3\" (builtins.addErrorContext \"c4\" (builtins.addErrorContext \"c5\" (throw \"e\")))))",
        "builtins.toJSON { a = builtins.addErrorContext \"c1\" (builtins.addErrorContext \"c2\" (builtins.addErrorContext \"c3\" (throw \"e\"))); }",
        "builtins.toJSON [ [ (builtins.addErrorContext \"c1\" (builtins.addErrorContext \"c2\" (builtins.toJSON [ [ (1 + \"x\") ] ]))) ] ]",
        "builtins.addErrorContext 1 (throw \"e\")",
        // Every error in a condition or in the operand of `!` is in their frame; `!`
        // names its operand's position (none for a constant).
        "if throw \"x\" then 1 else 2",
        "let x = 1; in if x + \"a\" then 1 else 2",
        "assert (throw \"x\"); 2",
        "let x = 1; in assert x; 2",
        "!1",
        "!(throw \"x\")",
        "1 <= \"a\"",
        // Type errors whose place is in a frame; operands of `+` that do not coerce;
        // a path that cannot be copied, reported bare.
        "let x = 1; in x.y",
        "{ a = 1; }.a.b",
        "[ 1 ] ++ 2",
        "\"a\" + 1",
        "\"a${/nixpad-nonexistent}\"",
        "let f = x: \"${x}\"; in f (f /nixpad-nonexistent)",
        // Builtins: the frames Nix adds around their arguments and their own work.
        "builtins.toFile \"x\" (throw \"a\")",
        "builtins.substring 0 1 (throw \"x\")",
        "builtins.elemAt [ 1 ] (throw \"x\")",
        "builtins.length (throw \"x\")",
        "builtins.fromJSON \"[1, 2\"",
        "builtins.getAttr \"x\" { }",
        "builtins.listToAttrs [ { name = 1; value = 2; } ]",
        "builtins.listToAttrs [ { value = 2; } ]",
        "builtins.throw 1",
        "builtins.path { path = /nixpad-nonexistent; }",
        // A lambda right in a named lambda's body is called by that name.
        "let f = p: t: throw \"f\"; in f 1 2",
        // Binding a pattern lambda's argument is reported "from call site" only.
        "let f = { a }: a; in f (throw \"x\")",
        "let f = { a }: a; in f 1",
        "let f = { a }: a; in f { b = 1; }",
        "builtins.map ({ a }: a) [ 1 ]",
        // derivationStrict's own checks, each in the frame of the attribute at fault.
        "(derivation { name = \"x\"; builder = \"b\"; system = \"s\"; outputs = [ \"a\" \"a\" ]; }).drvPath",
        "(derivation { name = throw \"n\"; builder = \"b\"; system = \"s\"; }).drvPath",
        "(derivation { name = 1; builder = \"b\"; system = \"s\"; }).drvPath",
        "builtins.derivationStrict { }",
        // Coercions with Nix's error context: a value that does not coerce is in the
        // caller's frame, list elements and `__toString` results in frames of their own,
        // an error forcing the value or calling its `__toString` in none of them.
        "toString [ [ { } ] ]",
        "toString [ (throw \"x\") ]",
        "toString { __toString = s: [ { } ]; }",
        "builtins.concatStringsSep \",\" [ { } ]",
        "builtins.stringLength { __toString = s: throw \"s\"; }",
        "builtins.abort { }",
        "\"a\" + { __toString = s: 1; }",
        "\"a\" + { __toString = s: throw \"q\"; }",
        "(derivation { name = \"a\"; builder = \"b\"; system = \"c\"; x = [ [ { } ] ]; }).drvPath",
        "(derivation { name = \"a\"; builder = \"b\"; system = \"c\"; args = [ [ { } ] ]; }).drvPath",
        // Path arguments read as Nix's coerceToPath / realisePath read them.
        "builtins.readFile \"a\"",
        "import { __toString = s: 1; }",
        "builtins.path { path = throw \"p\"; }",
        "builtins.toPath \"a\"",
        // Repeated frames weigh nothing in a short trace; many in a row are counted.
        "builtins.toJSON [ [ [ [ [ [ [ [ [ { a = 1 + \"x\"; } ] ] ] ] ] ] ] ] ]",
        "let f = n: if n == 0 then throw \"z\" else builtins.toJSON [ (f (n - 1)) ]; in f 3",
        "let f = n: if n == 0 then throw \"z\" else f (n - 1); in f 10",
        // Values Nix cannot hold, parsed from JSON, and functions written out as JSON.
        "builtins.fromJSON \"9223372036854775808\"",
        "builtins.toJSON { a = x: x; }",
        "builtins.genericClosure { startSet = [ { key = \"a\"; } ]; operator = x: [ { key = 1; } ]; }",
        "builtins.warn { } 1",
        // `-`, `*` and `/` are calls of builtins: an overflow is in the call's frame.
        "9223372036854775807 * 2",
        "(-9223372036854775807 - 1) / (-1)",
        // `+` reports a left operand that does not coerce at the left operand.
        "{ } + \"a\"",
        "let x = null; in x + \"a\"",
        "\"x\" + { } + \"y\"",
        "{ __toString = x: { }; } + \"a\"",
        // `//`: the operand's frame has the position, the type error none.
        "{ } // 1",
        "1 // { }",
        // A failed `==` assertion explains itself without a position, inside frames
        // naming the differing element or attribute (sides without a position unnamed).
        "assert { a.b = 1; } == { a.b = 2; }; 3",
        "assert [ [ 1 ] 2 ] == [ [ 2 ] 2 ]; 3",
        "assert { a = 1; b = 2; c = 3; } == { a = 1; b = 5; c = 4; }; 3",
        "assert builtins.mapAttrs (n: v: v) { a = 1; } == { a = 2; }; 3",
        "let f = x: assert x == { a = 1; }; x; in f { a = 2; }",
        // A lazy call of a builtin (`mapAttrs`, `map`) forced without a position is "from"
        // the applied function if it was evaluated already, from nowhere otherwise.
        "builtins.mapAttrs (n: v: throw \"no\") { a = 1; }",
        "let f = n: v: throw \"no\"; in builtins.seq f (builtins.mapAttrs f { a = 1; })",
        "builtins.attrValues (builtins.mapAttrs (n: v: v.x) { a = { }; })",
        "builtins.deepSeq (builtins.mapAttrs (n: { x }: x) { a = 1; }) 1",
        "builtins.mapAttrs (n: { x }: x) { a = { }; }",
        "builtins.map ({ x }: x) [ { } ]",
        "builtins.toJSON (builtins.mapAttrs (n: v: throw \"no\") { a = 1; })",
        // max-call-depth: 10,000 open calls are allowed; `-` and `<` are calls of builtins
        // (also when the operand was ready to be computed ahead of time).
        "let f = n: if n == 0 then 0 else f (n - 1); in f 100000",
        "let f = n: if n < 0 then 0 else f (n + 1); in f 0",
        "let f = x: g x; g = x: f x; in f 1",
        "let big = builtins.foldl' (acc: _: { n = acc; }) { } (builtins.genList (x: x) 10000); f = s: if s ? n then f s.n else 0; in f big",
        "let big = builtins.foldl' (acc: _: { n = acc; }) { } (builtins.genList (x: x) 10001); f = s: if s ? n then f s.n else 0; in f big",
        // `with` on a value that is not a set.
        "with 1; x",
        "with { }; with 1; 2",
        // An empty line of a message is printed without indentation.
        "throw \"a\\n\\nb\"",
        // What a set's `__toString` returns in toJSON: its own frame, placed where the set
        // is; a path it returns is not copied.
        "builtins.toJSON { __toString = s: 1; }",
        "builtins.toJSON { a = [ { __toString = s: null; } ]; }",
        "builtins.toJSON { a = { __toString = s: ./f.nix; }; }",
        // A string with context is named so in type errors.
        "(builtins.toFile \"a\" \"b\") 1",
        "builtins.length (builtins.toFile \"a\" \"b\")",
    ];
    let mut failures = Vec::new();
    for program in programs {
        for trace in [&["--show-trace"][..], &[][..]] {
            let both = both_stderr(&oracle, env!("CARGO_BIN_EXE_nixpad"), trace, program);
            if both.nix != both.ours || !both.same_code {
                failures.push(format!(
                    "--- {program:?} {trace:?}\nnix:\n{}\nnixpad:\n{}",
                    both.nix, both.ours
                ));
            }
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(failures.is_empty(), "{} traces differ", failures.len());
}

/// A builtin given a value of the wrong type: the whole of stderr matches Nix's, so every
/// builtin names the argument as Nix does ("the first argument", "the argument", "(the
/// separator string)", `'builtins.head'`, `foldlStrict`) and checks its arguments in
/// Nix's order. The programs are in `builtin-argument-errors.txt`.
#[test]
fn builtin_argument_errors_match_nix() {
    let programs = program_list(include_str!("builtin-argument-errors.txt"));
    assert!(programs.len() > 80, "the list is there");
    // Nix raises an unknown hash algorithm as a usage error, which nix-instantiate
    // follows with a pointer to its own --help, as nixpad's CLI does to its own.
    let differ = programs_differing_from_nix(&programs, &["--strict"], |nix| {
        nix.replace("Try 'nix-instantiate --help'", "Try 'nixpad eval --help'")
    });
    assert!(differ == 0, "{differ} of {} differ", programs.len());
}

/// The programs of a list file: one a line, `#` starts a comment line.
fn program_list(list: &str) -> Vec<&str> {
    list.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
}

/// Asserts that every program of `list` (more than `at_least` of them) gives Nix's stdout,
/// stderr and exit code.
fn assert_list_matches_nix(list: &str, at_least: usize) {
    assert_list_matches_nix_with(list, at_least, &[]);
}

/// [`assert_list_matches_nix`] with `extra` options for both (`--json`, `--show-trace`).
fn assert_list_matches_nix_with(list: &str, at_least: usize, extra: &[&str]) {
    let mut options = vec!["--strict"];
    options.extend_from_slice(extra);
    assert_list_matches_nix_options(list, at_least, &options);
}

/// [`assert_list_matches_nix`] strictly, strictly with `--show-trace`, and lazily.
fn assert_list_matches_nix_every_way(list: &str, at_least: usize) {
    assert_list_matches_nix(list, at_least);
    assert_list_matches_nix_with(list, at_least, &["--show-trace"]);
    assert_list_matches_nix_options(list, at_least, &[]);
}

/// [`assert_list_matches_nix`] with exactly `options` (without `--strict` unless given).
fn assert_list_matches_nix_options(list: &str, at_least: usize, options: &[&str]) {
    let programs = program_list(list);
    assert!(programs.len() > at_least, "the list is there");
    let differ = programs_differing_from_nix(&programs, options, |nix| nix);
    assert!(differ == 0, "{differ} of {} differ", programs.len());
}

/// How many of `programs` (run with `options`) give a different stdout, stderr or exit
/// code than Nix's (after `adjust` of Nix's stderr); prints each difference.
fn programs_differing_from_nix(
    programs: &[&str],
    options: &[&str],
    adjust: fn(String) -> String,
) -> usize {
    let oracle = oracle_path();
    let mut failures = Vec::new();
    for program in programs {
        let both = both_outputs(&oracle, env!("CARGO_BIN_EXE_nixpad"), options, program);
        let nix = adjust(both.nix);
        if nix != both.ours || !both.same_code || !both.same_stdout {
            failures.push(format!(
                "--- {program}\nnix:\n{nix}\nnixpad:\n{}",
                both.ours
            ));
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    failures.len()
}

/// `builtins.fromTOML` given texts it refuses: the whole of stderr matches Nix's, so each
/// error is reported with toml11's title, marked lines, labels and hints, and as many
/// reports as Nix's parser makes before it stops. The programs are in `toml-errors.txt`.
#[test]
fn toml_errors_match_nix() {
    assert_list_matches_nix(include_str!("toml-errors.txt"), 100);
}

/// A search path entry that does not exist is skipped with Nix's warning, once per entry,
/// when a lookup reaches it (its prefix fits the name sought).
#[test]
fn missing_search_path_entries_warn_as_nix() {
    let programs = "<nix/fetchurl.nix>\n[ <nix/fetchurl.nix> <nix/fetch.nix> ]\n<foo>\n\
                    builtins.tryEval <foo/bar>\n1\n\
                    builtins.findFile [ { path = \"/nixpad-missing-c\"; } ] \"nix/fetchurl.nix\"\n";
    let entries = ["-I", "/nixpad-missing-a", "-I", "foo=/nixpad-missing-b"];
    for strict in [&["--strict"][..], &[]] {
        assert_list_matches_nix_options(programs, 5, &[strict, &entries[..]].concat());
    }
}

/// Naming an experimental feature Nix 2.26 does not know draws its warning, as the setting
/// is read; known ones draw none.
#[test]
fn unknown_experimental_features_warn_as_nix() {
    for features in [
        "foo",
        "flakes bar-baz",
        "parse-toml-timestamps pipe-operators",
    ] {
        let options = ["--strict", "--extra-experimental-features", features];
        assert_list_matches_nix_options("1 + 1\n", 0, &options);
    }
}

/// `builtins.fromTOML` with the experimental feature `parse-toml-timestamps`: dates and
/// times become `{ _type = "timestamp"; value = …; }` written back as Nix writes them, and
/// malformed ones are reported as Nix reports them. The programs are in
/// `toml-timestamps.txt`.
#[test]
fn toml_timestamps_match_nix() {
    assert_list_matches_nix_with(
        include_str!("toml-timestamps.txt"),
        40,
        &["--extra-experimental-features", "parse-toml-timestamps"],
    );
}

/// Messages as Nix's logger writes them to a standard error that is not a terminal: escape
/// sequences, `\r` and BEL dropped, tabs expanded to 8-column stops counted from the start
/// of the whole message by each character's width. The programs are in `logged-text.txt`.
#[test]
fn logged_text_matches_nix() {
    assert_list_matches_nix(include_str!("logged-text.txt"), 40);
    assert_list_matches_nix_with(include_str!("logged-text.txt"), 40, &["--show-trace"]);
}

/// Which argument of a builtin (or which part of one) Nix forces first: the whole of
/// stderr matches Nix's. The programs are in `argument-order.txt`.
#[test]
fn argument_order_matches_nix() {
    assert_list_matches_nix(include_str!("argument-order.txt"), 150);
}

/// Calls that builtins make back into Nix have no position (so "from call site" and
/// "while calling the 'X' builtin" have none), and `--strict` walks value slots as Nix
/// does (which error a cyclic value reports first): stdout, stderr and exit code match
/// Nix's, with and without `--show-trace`. The programs are in `callback-traces.txt`.
#[test]
fn callback_traces_match_nix() {
    assert_list_matches_nix(include_str!("callback-traces.txt"), 70);
    assert_list_matches_nix_with(include_str!("callback-traces.txt"), 70, &["--show-trace"]);
}

/// What `derivation`, the builtins reading and adding paths, `import`, `split` and
/// `listToAttrs` check and keep (empty builders, names with context or too long once
/// suffixed, symbolic links followed, contexts kept, error frames and positions): stdout,
/// stderr and exit code match Nix's, with and without `--show-trace`. The programs are in
/// `paths-and-derivations.txt`.
#[test]
fn paths_and_derivations_match_nix() {
    assert_list_matches_nix(include_str!("paths-and-derivations.txt"), 30);
    assert_list_matches_nix_with(
        include_str!("paths-and-derivations.txt"),
        30,
        &["--show-trace"],
    );
}

/// The fetchers check their arguments as Nix does before they would download anything
/// (`fetcher-arguments.txt`; with `--pure-eval`, `fetcher-arguments-pure.txt`): stdout,
/// stderr and exit code match Nix's, with and without `--show-trace`.
#[test]
fn fetcher_arguments_match_nix() {
    let list = include_str!("fetcher-arguments.txt");
    assert_list_matches_nix(list, 60);
    assert_list_matches_nix_with(list, 60, &["--show-trace"]);
    assert_list_matches_nix_with(
        include_str!("fetcher-arguments-pure.txt"),
        10,
        &["--pure-eval"],
    );
}

/// Given `--arg`s, a top-level functor is called with itself, then its result is called
/// as a top-level function would be: stdout, stderr and exit code match Nix's.
#[test]
fn top_level_functors_are_called_with_arguments() {
    let programs = "\
{ __functor = self: { a }: a + 1; }
{ __functor = self: { b }: b; }
{ __functor = self: x: x; }
{ __functor = self: { __functor = s: { a }: a; }; }
{ __functor = self: throw \"t\"; }
{ __functor = self: { a, ... }@args: args; }
";
    assert_list_matches_nix_options(programs, 4, &["--strict", "--arg", "a", "1"]);
    // Without arguments, a functor is printed as the set it is.
    assert_list_matches_nix_options(programs, 4, &["--strict"]);
}

/// A file importing itself (directly or through another) is evaluated again and again
/// until the call depth is exceeded, as in Nix: the whole stderr matches Nix's, with and
/// without `--show-trace`.
#[test]
fn a_file_importing_itself_matches_nix() {
    let program = "import ../nixpad-eval/tests/lang/eval-fail-import-self.nix";
    for options in [&["--strict"][..], &["--strict", "--show-trace"]] {
        assert_eq!(
            programs_differing_from_nix(&[program], options, |nix| nix),
            0
        );
    }
}

/// An empty program is a syntax error at 1:1 with no line of source to show, as in Nix.
#[test]
fn empty_program_matches_nix() {
    let differ = programs_differing_from_nix(&["", "   "], &["--strict"], |nix| nix);
    assert_eq!(differ, 0);
}

/// Lazy applications (`map`'s and `genList`'s elements) forced where their value is
/// needed: values, what prints as unevaluated, errors, traces and the call depth limit as
/// in Nix. The programs are in `lazy-applications.txt`.
#[test]
fn lazy_applications_match_nix() {
    assert_list_matches_nix_every_way(include_str!("lazy-applications.txt"), 20);
}

/// Dynamic attribute names (`x.${n}`, `x ? ${n}`, `{ ${n} = …; }`) that are variables,
/// evaluated or not, lazy applications or errors: values, errors and traces as in Nix,
/// strictly, with `--show-trace` and lazily. The programs are in `dynamic-names.txt`.
#[test]
fn dynamic_names_match_nix() {
    assert_list_matches_nix_every_way(include_str!("dynamic-names.txt"), 40);
}

/// How Nix's parser binds names: a set merged into an earlier one takes that one's
/// `rec`-ness, and a formal's default naming an earlier formal (or the whole argument) is
/// that very value. Strictly, with `--show-trace` and lazily; the programs are in
/// `binding-semantics.txt`.
#[test]
fn binding_semantics_match_nix() {
    assert_list_matches_nix_every_way(include_str!("binding-semantics.txt"), 10);
}

/// Values nested deeper than Nix's native stack allows give Nix's stack overflow error
/// alone, without a trace, with and without `--show-trace`. The programs are in
/// `deep-values.txt`.
#[test]
fn deep_values_match_nix() {
    assert_list_matches_nix(include_str!("deep-values.txt"), 5);
    assert_list_matches_nix_with(include_str!("deep-values.txt"), 5, &["--show-trace"]);
}

/// `or` used as a variable (`x or`): placed where Nix places it, with Nix's warning where
/// Nix gives it. The programs are in `or-identifier.txt`.
#[test]
fn or_identifier_matches_nix() {
    assert_list_matches_nix(include_str!("or-identifier.txt"), 20);
    assert_list_matches_nix_with(include_str!("or-identifier.txt"), 20, &["--show-trace"]);
}

/// Syntax errors are placed where Nix's lexer and parser place them: stdout, stderr and
/// exit code match Nix's. The programs are in `syntax-errors.txt`.
#[test]
fn syntax_errors_match_nix() {
    assert_list_matches_nix(include_str!("syntax-errors.txt"), 10);
}

/// An error in an operand of `-`, `*`, `/`, `<` or `>` (calls of builtins in Nix) is
/// inside "while calling the 'X' builtin", whatever the operand: stdout, stderr and exit
/// code match Nix's, with and without `--show-trace`. The programs are in
/// `operator-traces.txt`.
#[test]
fn operator_traces_match_nix() {
    assert_list_matches_nix(include_str!("operator-traces.txt"), 20);
    assert_list_matches_nix_with(include_str!("operator-traces.txt"), 20, &["--show-trace"]);
}

/// `+` on strings, paths and sets copies paths to the store only after a string, as Nix
/// does: stdout, stderr and exit code match Nix's, with and without `--show-trace`. The
/// programs are in `string-concatenation.txt`.
#[test]
fn string_concatenation_matches_nix() {
    assert_list_matches_nix(include_str!("string-concatenation.txt"), 20);
    assert_list_matches_nix_with(
        include_str!("string-concatenation.txt"),
        20,
        &["--show-trace"],
    );
}

/// `--json` and `--xml` output cut short by an error: what Nix writes before the message
/// (its XML, forced as it is written, with the open elements closed) and after it (its
/// JSON up to a string that is not UTF-8). The programs are in `cut-output.txt`.
#[test]
fn output_cut_by_an_error_matches_nix() {
    assert_list_matches_nix_with(include_str!("cut-output.txt"), 20, &["--json"]);
    assert_list_matches_nix_with(include_str!("cut-output.txt"), 20, &["--xml"]);
}

/// A failing `assert a == b;` is explained as Nix explains it: the first difference, where
/// each side was defined, and two derivations compared by their `outPath` alone. With and
/// without `--show-trace`; the programs are in `assert-equality.txt`.
#[test]
fn assert_equality_explanations_match_nix() {
    assert_list_matches_nix(include_str!("assert-equality.txt"), 10);
    assert_list_matches_nix_with(include_str!("assert-equality.txt"), 10, &["--show-trace"]);
}

/// Equality on values that share slots forces what Nix forces (`let a = { x = throw
/// "boom"; }; in a == a` fails, `[ a ] == [ a ]` does not): stdout, stderr and exit code
/// match Nix's. The programs are in `equality-slots.txt`.
#[test]
fn equality_on_shared_slots_matches_nix() {
    assert_list_matches_nix(include_str!("equality-slots.txt"), 20);
}

/// `--json` without `--strict` refuses what is not evaluated yet as Nix does: "a thunk",
/// or "a function application" (a call a builtin left for later) placed at its lambda,
/// under a frame for each attribute and list element leading to it. The programs are in
/// `lazy-json.txt`.
#[test]
fn lazy_json_matches_nix() {
    assert_list_matches_nix_options(include_str!("lazy-json.txt"), 25, &["--json"]);
    assert_list_matches_nix_options(
        include_str!("lazy-json.txt"),
        25,
        &["--json", "--show-trace"],
    );
}
