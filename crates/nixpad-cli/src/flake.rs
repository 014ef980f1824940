//! `nixpad flake …` and `nixpad registry list`: flakes like `nix flake`, with inputs from
//! the host's `path:` flakes and Nixpad's registry of virtual flakes.

use std::process::ExitCode;
use std::rc::Rc;

use nixpad_flake::{Flake, Options, Registry, ShowOptions, Update};

use crate::fs_io::FsIO;

const USAGE: &str = "\
usage:
  nixpad flake show [--json] [--all-systems] [--legacy] [--impure] [DIR]          (DIR may be a registry name: nixpkgs)
  nixpad flake check [--all-systems] [--impure] [DIR]
  nixpad flake eval [--json] [--impure] [--accept-flake-config] DIR#ATTR
  nixpad flake lock [DIR]
  nixpad flake update [DIR] [INPUT]...
  nixpad flake metadata --json [DIR]
  nixpad flake init -t DIR#NAME
  nixpad flake new DEST -t DIR#NAME
  nixpad registry list
  nixpad registry add FROM TO        (FROM a registry name; TO any flake reference; in $NIXPAD_REGISTRY or ~/.config/nixpad/registry.json)
  nixpad registry remove FROM";

/// Prints an error: rendered evaluation errors already start with `error:`; a stack of
/// `… context` lines is indented under `error:` as Nix prints it.
fn fail(msg: &str) -> ExitCode {
    if msg.starts_with("error:") {
        // A rendered evaluation error ends its last line already.
        if msg.ends_with('\n') {
            eprint!("{msg}");
        } else {
            eprintln!("{msg}");
        }
    } else if msg.starts_with("… ") {
        let indented: Vec<String> = msg
            .lines()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("       {l}")
                }
            })
            .collect();
        eprintln!("error:\n{}", indented.join("\n"));
    } else {
        eprintln!("error: {msg}");
    }
    ExitCode::from(1)
}

/// The command line after `flake SUBCOMMAND`.
#[derive(Default)]
struct Args {
    json: bool,
    impure: bool,
    accept_flake_config: bool,
    all_systems: bool,
    legacy: bool,
    show_trace: bool,
    template: Option<String>,
    positional: Vec<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut out = Args::default();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--json" => out.json = true,
            "--impure" => out.impure = true,
            "--accept-flake-config" => out.accept_flake_config = true,
            "--all-systems" => out.all_systems = true,
            "--legacy" => out.legacy = true,
            "--no-build" => {}
            "--show-trace" => out.show_trace = true,
            "-t" | "--template" => {
                i += 1;
                out.template = Some(
                    args.get(i)
                        .cloned()
                        .ok_or("'-t' needs a flake reference DIR#NAME")?,
                );
            }
            a if a.starts_with('-') => return Err(format!("unrecognised flag '{a}'")),
            a => out.positional.push(a.to_string()),
        }
        i += 1;
    }
    Ok(out)
}

/// An absolute folder from a command-line `DIR` (`.`, `path:DIR`).
fn absolute(dir: &str) -> String {
    let dir = dir.strip_prefix("path:").unwrap_or(dir);
    let joined = if dir.starts_with('/') {
        dir.to_string()
    } else {
        format!("{}/{}", crate::cwd(), dir)
    };
    std::fs::canonicalize(&joined)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or(joined)
}

/// The library's options from the command line.
fn options(args: &Args, update: Update) -> Result<Options, String> {
    Ok(Options {
        impure: args.impure,
        accept_flake_config: args.accept_flake_config,
        update,
        registry: registry()?,
        show_trace: args.show_trace,
        ..Options::default()
    })
}

/// The user's registry file (Nix's `registry.json` format): `$NIXPAD_REGISTRY`, else
/// `$XDG_CONFIG_HOME/nixpad/registry.json`, else `~/.config/nixpad/registry.json`.
fn user_registry_path() -> Option<std::path::PathBuf> {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    if let Some(p) = var("NIXPAD_REGISTRY") {
        return Some(p.into());
    }
    let config = var("XDG_CONFIG_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| var("HOME").map(|h| std::path::Path::new(&h).join(".config")))?;
    Some(config.join("nixpad").join("registry.json"))
}

/// The built-in registry with the user's entries (a missing file has none).
fn registry() -> Result<Registry, String> {
    let mut registry = Registry::builtin();
    if let Some(path) = user_registry_path() {
        match std::fs::read_to_string(&path) {
            Ok(text) => registry
                .read_user_json(&text)
                .map_err(|e| format!("in the registry '{}': {e}", path.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("reading the registry '{}': {e}", path.display())),
        }
    }
    Ok(registry)
}

fn load(dir: &str, options: &Options) -> Result<Flake, String> {
    nixpad_flake::load(Rc::new(FsIO::new()), dir, options)
}

/// Prints what Nix says when it applies the flake's `nixConfig` (as `eval`, `check` and
/// `lock` do; `show` and `metadata` do not).
fn config_warnings(flake: &Flake) {
    for w in &flake.warnings {
        eprintln!("warning: {w}");
    }
}

/// Writes the lock file if it changed, listing the changes as Nix does.
fn write_lock(flake: &Flake) -> Result<(), String> {
    // A registry flake has no folder to write to.
    if !flake.lock_changed || flake.dir.is_empty() {
        return Ok(());
    }
    let path = nixpad_flake::lock_path(&flake.dir);
    let old = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| nixpad_flake::LockFile::parse(&text, &path).ok());
    // Nix 2.26 quotes the path twice, and adds a space after creating's colon.
    let header = match old {
        Some(_) => format!("warning: updating lock file '\"{path}\"':"),
        None => format!("warning: creating lock file '\"{path}\"': "),
    };
    let mut message = header;
    for change in nixpad_flake::lock_changes(old.as_ref(), &flake.lock) {
        message.push('\n');
        message.push_str(&change);
    }
    eprintln!("{message}");
    std::fs::write(&path, flake.lock.to_json()).map_err(|e| format!("writing '{path}': {e}"))
}

const SYSTEM: &str = "x86_64-linux";

/// A folder's flake, or a registry flake by name (`templates`, `nixpkgs`) when no such
/// folder exists.
fn load_named_or_dir(text: &str, options: &Options) -> Result<Flake, String> {
    let registry = &options.registry;
    let name = text.strip_prefix("flake:").unwrap_or(text);
    let is_dir = std::path::Path::new(text.strip_prefix("path:").unwrap_or(text)).is_dir();
    if !is_dir && registry.flakes.iter().any(|f| f.id == name) {
        return nixpad_flake::load_registered(Rc::new(FsIO::new()), name, options);
    }
    load(&absolute(text), options)
}

fn run(sub: &str, args: Args) -> Result<(), String> {
    let dir_arg = || {
        args.positional
            .first()
            .cloned()
            .unwrap_or_else(|| ".".into())
    };
    match sub {
        "show" => {
            let mut flake = load_named_or_dir(&dir_arg(), &options(&args, Update::Keep)?)?;
            write_lock(&flake)?;
            let show = ShowOptions {
                system: SYSTEM.into(),
                all_systems: args.all_systems,
                legacy: args.legacy,
            };
            if args.json {
                let (json, warnings) = nixpad_flake::show_json(&mut flake, &show)?;
                for w in warnings {
                    eprintln!("warning: {w}");
                }
                println!("{json}");
            } else {
                print!("{}", nixpad_flake::show_text(&mut flake, &show)?);
            }
        }
        "check" => {
            let mut flake = load_named_or_dir(&dir_arg(), &options(&args, Update::Keep)?)?;
            config_warnings(&flake);
            write_lock(&flake)?;
            let result = nixpad_flake::check(&mut flake, (!args.all_systems).then_some(SYSTEM));
            for w in &result.warnings {
                eprintln!("warning: {w}");
            }
            if let Some(e) = result.error {
                return Err(e);
            }
        }
        "eval" => {
            let installable = dir_arg();
            let (source, attr) = installable
                .split_once('#')
                .ok_or("'flake eval' needs DIR#ATTR")?;
            let mut flake = load_named_or_dir(
                if source.is_empty() { "." } else { source },
                &options(&args, Update::Keep)?,
            )?;
            config_warnings(&flake);
            write_lock(&flake)?;
            let v = flake.select(attr, SYSTEM)?;
            println!("{}", print_value(&mut flake.evaluator, &v, args.json)?);
        }
        "lock" => {
            let flake = load(&absolute(&dir_arg()), &options(&args, Update::Keep)?)?;
            config_warnings(&flake);
            write_lock(&flake)?;
        }
        "update" => {
            let inputs: Vec<String> = args.positional.iter().skip(1).cloned().collect();
            let update = if inputs.is_empty() {
                Update::All
            } else {
                Update::Inputs(inputs.clone())
            };
            let flake = load(&absolute(&dir_arg()), &options(&args, update)?)?;
            if let Some(missing) = inputs.iter().find(|i| !flake.file.inputs.contains_key(*i)) {
                return Err(format!(
                    "'{missing}' does not match any input of this flake"
                ));
            }
            config_warnings(&flake);
            write_lock(&flake)?;
        }
        "metadata" => {
            let flake = load(&absolute(&dir_arg()), &options(&args, Update::Keep)?)?;
            write_lock(&flake)?;
            if args.json {
                println!("{}", flake.metadata_json());
            } else {
                println!("Resolved URL:  {}", flake.url);
                println!("Locked URL:    {}", flake.locked_url());
                if let Some(d) = &flake.file.description {
                    println!("Description:   {d}");
                }
                println!("Path:          {}", flake.source.store_path);
                println!(
                    "Last modified: {}",
                    nixpad_flake::format_readable_date(flake.source.last_modified)
                );
                let tree = flake.lock.inputs_tree();
                if !tree.is_empty() {
                    print!("Inputs:\n{tree}");
                }
            }
        }
        "init" | "new" => {
            let template = args
                .template
                .clone()
                .ok_or("a template is needed: -t DIR#NAME")?;
            let dest = if sub == "new" {
                let d = args
                    .positional
                    .first()
                    .ok_or("'flake new' needs a destination folder")?;
                std::fs::create_dir_all(d).map_err(|e| format!("creating '{d}': {e}"))?;
                absolute(d)
            } else {
                crate::cwd()
            };
            init_template(&template, &dest)?;
        }
        other => return Err(format!("unknown subcommand 'flake {other}'\n\n{USAGE}")),
    }
    Ok(())
}

/// A value as `nix eval [--json]` prints it; at the top, a derivation is
/// `«derivation /nix/store/….drv»` and a function `«lambda NAME @ FILE:LINE:COL»`.
fn print_value(
    ev: &mut nixpad_eval::Evaluator,
    v: &nixpad_eval::Value,
    json: bool,
) -> Result<String, String> {
    let render = |ev: &mut nixpad_eval::Evaluator, e: Box<nixpad_eval::Error>| ev.render_error(&e);
    if json {
        let out = ev.to_json_uncopied(v).map_err(|e| render(ev, e))?;
        return Ok(String::from_utf8_lossy(&out).into_owned());
    }
    if let Some(drv) = ev.derivation_path(v).map_err(|e| render(ev, e))? {
        return Ok(format!("«derivation {drv}»"));
    }
    if let nixpad_eval::ValueView::Lambda(name, position) =
        ev.view(v, true).map_err(|e| render(ev, e))?
    {
        return Ok(match name {
            Some(name) => format!("«lambda {name} @ {position}»"),
            None => format!("«lambda @ {position}»"),
        });
    }
    let out = ev.print(v, true).map_err(|e| render(ev, e))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

fn init_template(template: &str, dest: &str) -> Result<(), String> {
    let (source, name) = match template.split_once('#') {
        Some((s, n)) => (s, n.to_string()),
        None => (template, "default".to_string()),
    };
    let mut flake = load_named_or_dir(
        if source.is_empty() { "." } else { source },
        &Options::default(),
    )?;
    let template = flake.template_files(&name)?;
    let mut copied = Vec::new();
    for (relative, bytes) in &template.files {
        let target = format!("{dest}/{relative}");
        match std::fs::read(&target) {
            Ok(existing) if existing == *bytes => continue,
            Ok(_) => return Err(format!("refusing to overwrite existing file '{target}'\n please merge it manually with '{}/{relative}'", template.root)),
            Err(_) => {}
        }
        if let Some(dir) = std::path::Path::new(&target).parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("creating '{}': {e}", dir.display()))?;
        }
        std::fs::write(&target, bytes).map_err(|e| format!("writing '{target}': {e}"))?;
        copied.push(target);
    }
    for file in &copied {
        eprintln!("wrote: {file}");
    }
    if let Some(welcome) = template.welcome_text {
        println!("{welcome}");
    }
    Ok(())
}

/// `nixpad flake SUBCOMMAND …`.
pub fn main(args: &[String]) -> ExitCode {
    let Some(sub) = args.first() else {
        return fail(&format!("no subcommand given\n\n{USAGE}"));
    };
    let parsed = match parse(&args[1..]) {
        Ok(p) => p,
        Err(e) => return fail(&format!("{e}\n\n{USAGE}")),
    };
    match run(sub, parsed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

/// `nixpad registry list | add FROM TO | remove FROM`, on the user's registry file.
pub fn registry_main(args: &[String]) -> ExitCode {
    match registry_command(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn registry_command(args: &[String]) -> Result<(), String> {
    let mut registry = registry()?;
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["list"] => {
            print!("{}", registry.list());
            return Ok(());
        }
        ["add", from, to] => {
            // A relative path: target means the folder it names now, as in Nix.
            let to = match to.strip_prefix("path:") {
                Some(p) if !p.starts_with('/') => format!("path:{}", absolute(p)),
                _ => to.to_string(),
            };
            registry.add_user(from, &to)?;
        }
        ["remove", from] => {
            if !registry.remove_user(from)? {
                return Err(format!("the registry has no entry for '{from}'"));
            }
        }
        _ => return Err(format!("unknown registry subcommand\n\n{USAGE}")),
    }
    let path = user_registry_path().ok_or("no registry file: set NIXPAD_REGISTRY or HOME")?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("creating '{}': {e}", dir.display()))?;
    }
    std::fs::write(&path, registry.user_json())
        .map_err(|e| format!("writing '{}': {e}", path.display()))
}
