//! `nixpad impact`: which packages an overlay (or any change between two package sets)
//! rebuilds, and why. The analysis is `nixpad_pkgs::impact`; this module builds the two
//! package sets from the command line and prints the result.

use std::process::ExitCode;
use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, Origin, Settings};

/// Usage of the `impact` command.
pub const USAGE: &str = "\
  nixpad impact [-I PATH]... [--config EXPR] [--json] (OVERLAY.nix | -E OVERLAY_EXPR)...
  nixpad impact [-I PATH]... [--json] --before EXPR --after EXPR
      Lists the packages whose .drv paths differ between `import <nixpkgs> { config = EXPR; }`
      and the same with the overlays (files or expressions, applied in order; a file may
      also hold a list of overlays), or between two package-set expressions; for each,
      why (an input, an attribute, a source), with counts.";

#[derive(Debug, Default, PartialEq)]
struct ImpactCommand {
    include: Vec<String>,
    config: Option<String>,
    json: bool,
    overlays: Vec<String>,
    before: Option<String>,
    after: Option<String>,
}

fn parse(args: &[String]) -> Result<ImpactCommand, String> {
    let mut cmd = ImpactCommand::default();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let mut value = || {
            i += 1;
            args.get(i)
                .cloned()
                .ok_or_else(|| format!("flag '{a}' requires an argument"))
        };
        match a {
            "--json" => cmd.json = true,
            "-I" => cmd.include.push(value()?),
            "--config" => cmd.config = Some(value()?),
            "-E" | "--expr" => cmd.overlays.push(format!("({})", value()?)),
            "--before" => cmd.before = Some(value()?),
            "--after" => cmd.after = Some(value()?),
            _ if a.starts_with('-') => return Err(format!("unrecognised flag '{a}'")),
            file => {
                let path = if file.starts_with('/') {
                    file.to_string()
                } else {
                    format!("{}/{file}", crate::cwd())
                };
                cmd.overlays
                    .push(format!("(import {})", nix_path_literal(&path)));
            }
        }
        i += 1;
    }
    match (&cmd.before, &cmd.after) {
        (Some(_), Some(_)) if !cmd.overlays.is_empty() || cmd.config.is_some() => Err(
            "--before/--after compare two expressions: give no overlays or --config with them"
                .into(),
        ),
        (Some(_), None) | (None, Some(_)) => Err("--before and --after go together".into()),
        (None, None) if cmd.overlays.is_empty() => Err(
            "nothing to compare: give overlay files, -E OVERLAY, or --before and --after".into(),
        ),
        _ => Ok(cmd),
    }
}

/// A path as a Nix string (interpolated into `import "..."`).
fn nix_path_literal(path: &str) -> String {
    nixpad_eval::quote_string(path.as_bytes())
}

/// The two package-set expressions to compare.
fn expressions(cmd: &ImpactCommand) -> (String, String) {
    if let (Some(before), Some(after)) = (&cmd.before, &cmd.after) {
        return (before.clone(), after.clone());
    }
    let config = cmd.config.clone().unwrap_or_else(|| "{ }".into());
    let before = format!("import <nixpkgs> {{ config = {config}; }}");
    let after = format!(
        "import <nixpkgs> {{ config = {config}; overlays = builtins.concatLists (map (o: if builtins.isList o then o else [ o ]) [ {} ]); }}",
        cmd.overlays.join(" ")
    );
    (before, after)
}

fn run(cmd: ImpactCommand) -> ExitCode {
    let mut settings = Settings {
        home: std::env::var("HOME").ok(),
        ..Settings::default()
    };
    for inc in &cmd.include {
        settings.add_nix_path(inc);
    }
    if let Ok(p) = std::env::var("NIX_PATH") {
        settings.add_nix_path(&p);
    }
    crate::nixpkgs::add_default_entry(&mut settings);
    let mut ev = Evaluator::new(
        Rc::new(crate::fs_io::FsIO::new()),
        settings,
        Limits {
            max_native_depth: 40_000,
            ..Limits::default()
        },
    );
    let base = crate::cwd();
    let (before, after) = expressions(&cmd);
    let result = ev
        .eval_source(&before, Origin::String, &base)
        .and_then(|b| {
            ev.eval_source(&after, Origin::String, &base)
                .map(|a| (b, a))
        })
        .and_then(|(b, a)| nixpad_pkgs::impact(&mut ev, &b, &a));
    match result {
        Ok(impact) => {
            if cmd.json {
                println!("{}", impact.to_json());
            } else {
                print!("{}", impact.render_text());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", ev.render_error(&e));
            ExitCode::from(1)
        }
    }
}

/// Runs `nixpad impact ARGS...` (on a thread with a large stack, like `eval`).
pub fn main(args: &[String]) -> ExitCode {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn overlays_become_one_list_in_order() {
        let cmd = parse(&args(&[
            "/o/a.nix",
            "-E",
            "final: prev: { }",
            "--config",
            "{ allowUnfree = true; }",
        ]))
        .expect("valid");
        let (before, after) = expressions(&cmd);
        assert_eq!(
            before,
            "import <nixpkgs> { config = { allowUnfree = true; }; }"
        );
        assert!(
            after.contains(r#"[ (import "/o/a.nix") (final: prev: { }) ]"#),
            "{after}"
        );
    }

    #[test]
    fn rejects_incomplete_or_mixed_requests() {
        assert!(parse(&args(&[]))
            .unwrap_err()
            .contains("nothing to compare"));
        assert!(parse(&args(&["--before", "x"]))
            .unwrap_err()
            .contains("go together"));
        assert!(parse(&args(&["--before", "x", "--after", "y", "o.nix"]))
            .unwrap_err()
            .contains("no overlays"));
        assert!(parse(&args(&["--bogus"]))
            .unwrap_err()
            .contains("unrecognised flag"));
        assert!(parse(&args(&["-I"]))
            .unwrap_err()
            .contains("requires an argument"));
        let cmd = parse(&args(&["--json", "--before", "x", "--after", "y"])).expect("valid");
        assert_eq!(expressions(&cmd), ("x".to_string(), "y".to_string()));
        assert!(cmd.json);
    }
}
