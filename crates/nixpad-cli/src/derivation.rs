//! `nixpad derivation show`: the JSON `nix derivation show` prints for the derivation an
//! expression evaluates to (or, with `--aterm`, the `.drv` file's text).

use std::io::Write;
use std::process::ExitCode;
use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, Origin, Settings, Value};

/// Usage of the `derivation` command.
pub const USAGE: &str = "\
  nixpad derivation show [-r | --recursive] [--aterm] [-I PATH]...
                         [--extra-experimental-features NAMES] (FILE | -E EXPR)
      Prints what `nix derivation show` prints for the derivation (or list of derivations)
      the expression evaluates to; with --aterm, the .drv files' text instead
      (content-addressed derivations need `--extra-experimental-features ca-derivations`).
  nixpad derivation sbom [--licenses] [nixpad eval's options] [FILE | -E EXPR | -] [-A ATTR]
      A CycloneDX 1.5 JSON SBOM of the package's dependency graph (build-time and runtime
      components, licences, source hashes); with --licenses, a licence report instead
      (unfree and copyleft licences flagged).";

#[derive(Debug)]
struct ShowCommand {
    recursive: bool,
    aterm: bool,
    include: Vec<String>,
    /// `--extra-experimental-features` (space-separated names, each use adding).
    features: Vec<String>,
    file: Option<String>,
    expr: Option<String>,
}

fn parse(args: &[String]) -> Result<ShowCommand, String> {
    let Some(sub) = args.first() else {
        return Err("missing subcommand: expected 'show'".into());
    };
    if sub != "show" {
        return Err(format!("unknown subcommand 'derivation {sub}'"));
    }
    let mut cmd = ShowCommand {
        recursive: false,
        aterm: false,
        include: Vec::new(),
        features: Vec::new(),
        file: None,
        expr: None,
    };
    let mut i = 1;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-r" | "--recursive" => cmd.recursive = true,
            "--aterm" => cmd.aterm = true,
            "-I" | "-E" | "--expr" | "--extra-experimental-features" => {
                i += 1;
                let v = args
                    .get(i)
                    .cloned()
                    .ok_or_else(|| format!("flag '{a}' requires an argument"))?;
                match a {
                    "-I" => cmd.include.push(v),
                    "--extra-experimental-features" => {
                        cmd.features.extend(v.split_whitespace().map(String::from))
                    }
                    _ => cmd.expr = Some(v),
                }
            }
            _ if a.starts_with('-') => return Err(format!("unrecognised flag '{a}'")),
            _ if cmd.file.is_some() => return Err(format!("unexpected argument '{a}'")),
            _ => cmd.file = Some(a.to_string()),
        }
        i += 1;
    }
    if cmd.file.is_none() && cmd.expr.is_none() {
        return Err("nothing to show: give FILE or -E EXPR".into());
    }
    Ok(cmd)
}

/// The `.drv` paths of a derivation value, or of each derivation in a list.
fn drv_paths(ev: &mut Evaluator, v: &Value) -> Result<Vec<String>, String> {
    let render = |ev: &Evaluator, e: Box<nixpad_eval::Error>| ev.render_error(&e);
    if let Some(p) = ev.derivation_path(v).map_err(|e| render(ev, e))? {
        return Ok(vec![p]);
    }
    let items = match ev.view(v, true).map_err(|e| render(ev, e))? {
        nixpad_eval::ValueView::List(items) => items,
        _ => return Err(
            "error: the expression does not evaluate to a derivation or a list of derivations\n"
                .into(),
        ),
    };
    let mut out = Vec::new();
    for item in &items {
        match ev.derivation_path(item).map_err(|e| render(ev, e))? {
            Some(p) => out.push(p),
            None => return Err("error: a list element is not a derivation\n".into()),
        }
    }
    Ok(out)
}

fn run(cmd: ShowCommand) -> ExitCode {
    let mut settings = Settings {
        home: std::env::var("HOME").ok(),
        experimental_features: cmd.features.clone(),
        ..Settings::default()
    };
    for inc in &cmd.include {
        settings.add_nix_path(inc);
    }
    crate::nixpkgs::add_default_entry(&mut settings);
    // Like `nixpad eval`: the thread has a large stack, so builtins may nest deeply (each
    // derivation in a dependency chain forces the previous one from inside a builtin).
    let mut ev = Evaluator::new(
        Rc::new(crate::fs_io::FsIO::new()),
        settings,
        Limits {
            max_native_depth: 40_000,
            ..Limits::default()
        },
    );
    let base = std::env::current_dir()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "/".into());
    let value = match (&cmd.expr, &cmd.file) {
        (Some(e), _) => ev.eval_source(e, Origin::String, &base),
        (None, Some(f)) => ev.eval_file(&if f.starts_with('/') {
            f.clone()
        } else {
            format!("{base}/{f}")
        }),
        (None, None) => unreachable!("checked by parse"),
    };
    let paths = match value {
        Ok(v) => drv_paths(&mut ev, &v),
        Err(e) => Err(ev.render_error(&e)),
    };
    let paths = match paths {
        Ok(p) => p,
        Err(msg) => {
            eprint!("{msg}");
            return ExitCode::from(1);
        }
    };
    let out = if cmd.aterm {
        let mut out = Vec::new();
        for p in &paths {
            if let Some(info) = ev.derivation_info(p) {
                out.extend_from_slice(&info.aterm);
                out.push(b'\n');
            }
        }
        out
    } else {
        ev.derivation_show_json(&paths, cmd.recursive)
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(&out);
    let _ = stdout.flush();
    ExitCode::SUCCESS
}

/// Runs `nixpad derivation ARGS...` (on a thread with a large stack, like `eval`).
pub fn main(args: &[String]) -> ExitCode {
    if args.first().map(String::as_str) == Some("sbom") {
        return sbom(&args[1..]);
    }
    let cmd = match parse(args) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("error: {msg}\n\nusage:\n{USAGE}");
            return ExitCode::from(1);
        }
    };
    let handle = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || run(cmd));
    handle
        .ok()
        .and_then(|h| h.join().ok())
        .unwrap_or(ExitCode::from(1))
}

/// `nixpad derivation sbom [--licenses] ARGS…`: the input is read as `nixpad eval` reads it.
fn sbom(args: &[String]) -> ExitCode {
    let licences = args.iter().any(|a| a == "--licenses");
    let rest: Vec<String> = args
        .iter()
        .filter(|a| *a != "--licenses")
        .cloned()
        .collect();
    let options = match crate::instantiate::parse(&rest) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {}\n\nusage:\n{USAGE}", e.message());
            return ExitCode::from(1);
        }
    };
    let run = move || {
        crate::instantiate::for_each_value(options, |ev, v| {
            crate::instantiate::printed(nixpad_pkgs::sbom::graph(ev, v).map(|graph| {
                if licences {
                    nixpad_pkgs::sbom::licence_report(&graph)
                } else {
                    nixpad_pkgs::sbom::cyclonedx(&graph)
                }
                .into_bytes()
            }))
        })
    };
    let handle = std::thread::Builder::new().stack_size(512 << 20).spawn(run);
    handle
        .ok()
        .and_then(|h| h.join().ok())
        .unwrap_or(ExitCode::from(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_flags_and_inputs() {
        let cmd = parse(&args(&[
            "show",
            "-r",
            "--aterm",
            "-I",
            "x=/y",
            "--extra-experimental-features",
            "ca-derivations",
            "file.nix",
        ]))
        .expect("valid");
        assert!(cmd.recursive && cmd.aterm);
        assert_eq!(cmd.include, vec!["x=/y".to_string()]);
        assert_eq!(cmd.features, vec!["ca-derivations".to_string()]);
        assert_eq!(cmd.file.as_deref(), Some("file.nix"));
        let cmd = parse(&args(&["show", "-E", "1"])).expect("valid");
        assert_eq!(cmd.expr.as_deref(), Some("1"));
        assert!(parse(&args(&["show"]))
            .unwrap_err()
            .contains("nothing to show"));
        assert!(parse(&args(&["build", "x"]))
            .unwrap_err()
            .contains("unknown subcommand"));
        assert!(parse(&args(&["show", "--bogus"]))
            .unwrap_err()
            .contains("unrecognised flag"));
        assert!(parse(&args(&["show", "a", "b"]))
            .unwrap_err()
            .contains("unexpected argument"));
    }

    #[test]
    fn shows_what_nix_shows() {
        let mut ev = Evaluator::new(
            Rc::new(nixpad_eval::MemoryIO::new()),
            Settings::default(),
            Limits::default(),
        );
        let v = ev
            .eval_source(
                r#"derivation { name = "hello"; builder = "/bin/sh"; system = "x86_64-linux"; }"#,
                Origin::String,
                "/",
            )
            .expect("evaluates");
        let paths = drv_paths(&mut ev, &v).expect("a derivation");
        let want = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../nixpad-eval/tests/derivations/hello.json"
        ))
        .expect("known answer");
        assert_eq!(
            String::from_utf8(ev.derivation_show_json(&paths, false)).unwrap(),
            String::from_utf8(want).unwrap()
        );
        let v = ev
            .eval_source("[ 1 ]", Origin::String, "/")
            .expect("evaluates");
        assert!(drv_paths(&mut ev, &v)
            .unwrap_err()
            .contains("not a derivation"));
    }
}
