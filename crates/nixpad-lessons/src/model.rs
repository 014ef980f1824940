//! The curriculum: ordered chapters of lessons with stable ids, loaded from a lesson
//! directory ([`load`]) or from a pack ([`Curriculum::from_pack_json`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::markdown::{parse_markdown, Document};
use crate::tree::{FileTree, Problem};

/// The `format` field of a pack.
pub const PACK_FORMAT: &str = "nixpad-lessons";
/// The pack version this crate writes and reads.
pub const PACK_VERSION: u32 = 1;
/// The shared check library, relative to the lessons root; every `check.nix` receives it
/// as `check`.
pub const LIBRARY_FILE: &str = "lib/check.nix";

/// The largest pack [`Curriculum::from_pack`] decompresses (bytes of JSON).
pub const MAX_PACK_BYTES: usize = 32 << 20;

/// All chapters, in order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Curriculum {
    /// Chapters in teaching order.
    pub chapters: Vec<Chapter>,
}

/// A chapter: a folder `NN-slug/` with a `chapter.toml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chapter {
    /// Stable id: the folder name without its order prefix (`language`).
    pub id: String,
    /// From `chapter.toml`.
    pub title: String,
    /// From `chapter.toml`: one sentence.
    pub summary: String,
    /// Lessons in order.
    pub lessons: Vec<Lesson>,
}

/// One lesson: prose, files, hints and checks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// Stable id `CHAPTER/LESSON` (`language/strings`): use it for deep links and progress.
    pub id: String,
    /// The source folder relative to the lessons root (`01-language/02-strings`).
    pub dir: String,
    /// Title.
    pub title: String,
    /// One sentence: what the learner will be able to do.
    pub summary: String,
    /// Hints, shown one at a time, in order (Markdown, usually one paragraph each).
    pub hints: Vec<Document>,
    /// The file the learner's "Run" evaluates and that opens first.
    pub main: String,
    /// The lesson's files: the ones the learner edits first, then read-only ones.
    pub files: Vec<LessonFile>,
    /// The text of `check.nix`.
    pub check: String,
    /// The text of the shared check library (`lib/check.nix`), "" when there is none.
    #[serde(default)]
    pub check_library: String,
    /// The lesson text.
    pub document: Document,
    /// Known wrong answers (`wrong/NAME/`): each must fail at least one check.
    #[serde(default)]
    pub wrong: Vec<KnownAnswer>,
    /// Other correct answers (`alternatives/NAME/`): each must pass every check.
    #[serde(default)]
    pub alternatives: Vec<KnownAnswer>,
    /// Whether the lesson uses the miniature nixpkgs (`nixpkgs = true`): its checks and
    /// examples then see `<nixpkgs>`, and the host must load the package set first.
    #[serde(default)]
    pub nixpkgs: bool,
    /// Whether the learner's files are a flake (`flake = true`): the check receives it
    /// evaluated as Nix does (`flake.outputs`, `flake.lock`, `flake.show`, `flake.check`).
    /// Flake lessons use the miniature nixpkgs (it is the registry's `nixpkgs`).
    #[serde(default)]
    pub flake: bool,
    /// Nix's experimental features the lesson's checks and examples run with
    /// (`experimental-features = ["ca-derivations"]`).
    #[serde(default)]
    pub experimental_features: Vec<String>,
}

/// The experimental features a lesson may enable: those Nixpad implements.
pub const LESSON_FEATURES: [&str; 3] = [
    "ca-derivations",
    "impure-derivations",
    "dynamic-derivations",
];

/// A known answer of a lesson: learner files that differ from the solution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnownAnswer {
    /// The folder name (`literal`).
    pub name: String,
    /// For a wrong answer, the misconception it embodies (`note.md`, one line).
    pub note: String,
    /// The files it replaces, by name (the others are the solution's).
    pub files: BTreeMap<String, String>,
}

/// A file of a lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonFile {
    /// Its name (`main.nix`); learner files are mounted at `/NAME` for evaluation.
    pub name: String,
    /// Whether the learner edits it (listed in `files`), or only reads it (`readonly`).
    pub editable: bool,
    /// What the editor opens with (`starter/NAME`).
    pub starter: String,
    /// The reference answer (`solution/NAME`); equal to `starter` for read-only files.
    pub solution: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChapterToml {
    title: String,
    summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    summary: String,
    files: Vec<String>,
    #[serde(default)]
    readonly: Vec<String>,
    hints: Vec<String>,
    main: Option<String>,
    #[serde(default)]
    nixpkgs: bool,
    #[serde(default)]
    flake: bool,
    #[serde(default, rename = "experimental-features")]
    experimental_features: Vec<String>,
}

/// What [`load`] found: the lessons that loaded, and every problem (a lesson with a
/// problem that prevents showing it is left out of the curriculum).
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// The lessons that loaded.
    pub curriculum: Curriculum,
    /// Everything wrong, by file and line.
    pub problems: Vec<Problem>,
}

/// Splits a folder name `NN-slug` into its slug, checking the slug's characters.
fn slug_of(dir: &str) -> Result<String, String> {
    let rest = match dir.find(|c: char| !c.is_ascii_digit()) {
        Some(i) if i > 0 && dir[i..].starts_with('-') => &dir[i + 1..],
        _ => dir,
    };
    let ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !rest.starts_with('-');
    if ok {
        Ok(rest.to_string())
    } else {
        Err(format!(
            "folder name '{dir}' must be an order number and a slug of lowercase letters, digits and '-' (like 03-strings)"
        ))
    }
}

/// Whether `name` is a valid lesson file name: a plain file name, no folders.
fn valid_file_name(name: &str) -> bool {
    let valid_part = |part: &str| {
        !part.is_empty()
            && !part.starts_with('.')
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    };
    // A file may be in a folder (`tools/flake.nix`: a flake lesson's sub-flake).
    name.len() <= 64 && name.split('/').count() <= 3 && name.split('/').all(valid_part)
}

/// Splits `+++`-delimited TOML front matter from the Markdown body. Returns the TOML,
/// the body and the 1-based line where the body starts.
pub fn split_front_matter(text: &str) -> Result<(&str, &str, u32), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        return Err("lesson.md must start with a TOML front matter between '+++' lines".into());
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let toml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + toml.matches('\n').count() as u32 + 1;
            return Ok((toml, body, body_line));
        }
        offset += line.len();
    }
    Err("the front matter is not closed by a '+++' line".into())
}

fn toml_problem(file: &str, first_line: u32, toml_text: &str, e: &toml::de::Error) -> Problem {
    let message = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            let line = toml_text.as_bytes()[..span.start.min(toml_text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Problem::at(file, first_line + line as u32, message)
        }
        None => Problem::new(file, message),
    }
}

fn text_of(files: &FileTree, path: &str, problems: &mut Vec<Problem>) -> Option<String> {
    match files.get(path) {
        None => None,
        Some(bytes) => match String::from_utf8(bytes.clone()) {
            Ok(s) => Some(s),
            Err(_) => {
                problems.push(Problem::new(path, "the file is not valid UTF-8"));
                None
            }
        },
    }
}

/// Loads a lesson directory. Never fails: whatever cannot be loaded becomes a [`Problem`].
///
/// Layout: `CHAPTER/chapter.toml`, `CHAPTER/LESSON/lesson.md`, `CHAPTER/LESSON/check.nix`,
/// `CHAPTER/LESSON/starter/FILE`, `CHAPTER/LESSON/solution/FILE` (see `lessons/README.md`).
/// Files at the root (a README) and names starting with `.` are ignored.
pub fn load(files: &FileTree) -> Loaded {
    let mut problems = Vec::new();
    // chapter dir -> lesson dir -> relative file names
    let mut chapters: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    let library = text_of(files, LIBRARY_FILE, &mut problems).unwrap_or_default();
    for path in files.keys() {
        let parts: Vec<&str> = path.split('/').collect();
        if parts.len() < 2 || parts.iter().any(|p| p.starts_with('.') || p.is_empty()) {
            continue;
        }
        if parts[0] == "lib" {
            if path != LIBRARY_FILE {
                problems.push(Problem::new(
                    path.as_str(),
                    "unexpected file: lib/ holds only check.nix, the shared check library",
                ));
            }
            continue;
        }
        let chapter = chapters.entry(parts[0]).or_default();
        if parts.len() == 2 {
            if parts[1] != "chapter.toml" {
                problems.push(Problem::new(
                    path.as_str(),
                    "unexpected file: a chapter folder holds chapter.toml and lesson folders",
                ));
            }
            continue;
        }
        let lesson_dir = &path[..parts[0].len() + 1 + parts[1].len()];
        chapter
            .entry(lesson_dir)
            .or_default()
            .push(&path[lesson_dir.len() + 1..]);
    }

    let mut curriculum = Curriculum::default();
    let mut chapter_ids = BTreeSet::new();
    for (dir, lessons) in chapters {
        let id = match slug_of(dir) {
            Ok(id) => id,
            Err(m) => {
                problems.push(Problem::new(dir, m));
                continue;
            }
        };
        if !chapter_ids.insert(id.clone()) {
            problems.push(Problem::new(
                dir,
                format!("another chapter already has the id '{id}'"),
            ));
            continue;
        }
        let toml_path = format!("{dir}/chapter.toml");
        let Some(toml_text) = text_of(files, &toml_path, &mut problems) else {
            if !files.contains_key(&toml_path) {
                problems.push(Problem::new(
                    &toml_path,
                    "missing: every chapter needs a chapter.toml with title and summary",
                ));
            }
            continue;
        };
        let meta: ChapterToml = match toml::from_str(&toml_text) {
            Ok(m) => m,
            Err(e) => {
                problems.push(toml_problem(&toml_path, 1, &toml_text, &e));
                continue;
            }
        };
        let mut chapter = Chapter {
            id: id.clone(),
            title: meta.title,
            summary: meta.summary,
            lessons: Vec::new(),
        };
        let mut lesson_ids = BTreeSet::new();
        for (lesson_dir, names) in lessons {
            let Some(mut lesson) = load_lesson(files, &id, lesson_dir, &names, &mut problems)
            else {
                continue;
            };
            lesson.check_library = library.clone();
            if !lesson_ids.insert(lesson.id.clone()) {
                problems.push(Problem::new(
                    lesson_dir,
                    format!("another lesson already has the id '{}'", lesson.id),
                ));
                continue;
            }
            chapter.lessons.push(lesson);
        }
        curriculum.chapters.push(chapter);
    }
    // Cross-references between lessons.
    let ids: BTreeSet<String> = curriculum.lessons().map(|l| l.id.clone()).collect();
    for lesson in curriculum.lessons() {
        let docs = std::iter::once(&lesson.document).chain(lesson.hints.iter());
        for target in docs.flat_map(|d| d.lesson_links()) {
            if !ids.contains(target) {
                problems.push(Problem::new(
                    format!("{}/lesson.md", lesson.dir),
                    format!("link to a lesson that does not exist: lesson:{target}"),
                ));
            }
        }
    }
    Loaded {
        curriculum,
        problems,
    }
}

fn load_lesson(
    files: &FileTree,
    chapter_id: &str,
    dir: &str,
    names: &[&str],
    problems: &mut Vec<Problem>,
) -> Option<Lesson> {
    let folder = dir.rsplit('/').next().unwrap_or(dir);
    let slug = match slug_of(folder) {
        Ok(s) => s,
        Err(m) => {
            problems.push(Problem::new(dir, m));
            return None;
        }
    };
    let md_path = format!("{dir}/lesson.md");
    let Some(md) = text_of(files, &md_path, problems) else {
        if !files.contains_key(&md_path) {
            problems.push(Problem::new(
                &md_path,
                "missing: every lesson needs a lesson.md",
            ));
        }
        return None;
    };
    let (toml_text, body, body_line) = match split_front_matter(&md) {
        Ok(x) => x,
        Err(m) => {
            problems.push(Problem::at(&md_path, 1, m));
            return None;
        }
    };
    let fm: FrontMatter = match toml::from_str(toml_text) {
        Ok(fm) => fm,
        Err(e) => {
            problems.push(toml_problem(&md_path, 2, toml_text, &e));
            return None;
        }
    };
    let before = problems.len();
    if fm.title.trim().is_empty() {
        problems.push(Problem::new(&md_path, "the title is empty"));
    }
    if fm.files.is_empty() {
        problems.push(Problem::new(
            &md_path,
            "`files` must name at least one file the learner edits",
        ));
    }
    if fm.hints.is_empty() {
        problems.push(Problem::new(
            &md_path,
            "`hints` must hold at least one hint",
        ));
    }
    for feature in &fm.experimental_features {
        if !LESSON_FEATURES.contains(&feature.as_str()) {
            problems.push(Problem::new(
                &md_path,
                format!(
                    "`experimental-features`: '{feature}' is not one a lesson may enable ({})",
                    LESSON_FEATURES.join(", ")
                ),
            ));
        }
    }
    let mut seen = BTreeSet::new();
    for name in fm.files.iter().chain(fm.readonly.iter()) {
        if !valid_file_name(name) {
            problems.push(Problem::new(
                &md_path,
                format!("'{name}' is not a valid file name (letters, digits, '.', '_', '-', in at most two folders)"),
            ));
        }
        if !seen.insert(name.as_str()) {
            problems.push(Problem::new(&md_path, format!("'{name}' is listed twice")));
        }
    }
    let main = fm
        .main
        .clone()
        .or_else(|| fm.files.first().cloned())
        .unwrap_or_default();
    if !fm.files.contains(&main) && !fm.readonly.contains(&main) {
        problems.push(Problem::new(
            &md_path,
            format!("`main` names '{main}', which is not one of the lesson's files"),
        ));
    }
    // Every file in the folder must have a role.
    for name in names {
        let known = *name == "lesson.md"
            || *name == "check.nix"
            || name
                .strip_prefix("starter/")
                .is_some_and(|n| seen.contains(n))
            || name
                .strip_prefix("solution/")
                .is_some_and(|n| fm.files.iter().any(|f| f == n))
            || known_answer_file(name).is_some_and(|(kind, _, n)| {
                fm.files.iter().any(|f| f == n) || (kind == "wrong" && n == "note.md")
            });
        if !known {
            problems.push(Problem::new(
                format!("{dir}/{name}"),
                "unexpected file: not listed in `files` or `readonly` (or misplaced)",
            ));
        }
    }
    let mut lesson_files = Vec::new();
    for (name, editable) in fm
        .files
        .iter()
        .map(|n| (n, true))
        .chain(fm.readonly.iter().map(|n| (n, false)))
    {
        let starter_path = format!("{dir}/starter/{name}");
        let starter = text_of(files, &starter_path, problems);
        if starter.is_none() && !files.contains_key(&starter_path) {
            problems.push(Problem::new(
                &md_path,
                format!("`{name}` is listed but {starter_path} does not exist"),
            ));
        }
        let solution = if editable {
            let solution_path = format!("{dir}/solution/{name}");
            let s = text_of(files, &solution_path, problems);
            if s.is_none() && !files.contains_key(&solution_path) {
                problems.push(Problem::new(
                    &md_path,
                    format!("`{name}` is listed but {solution_path} does not exist"),
                ));
            }
            s
        } else {
            starter.clone()
        };
        if let (Some(starter), Some(solution)) = (starter, solution) {
            lesson_files.push(LessonFile {
                name: name.clone(),
                editable,
                starter,
                solution,
            });
        }
    }
    let check_path = format!("{dir}/check.nix");
    let check = text_of(files, &check_path, problems);
    if check.is_none() && !files.contains_key(&check_path) {
        problems.push(Problem::new(
            &check_path,
            "missing: every lesson needs a check.nix",
        ));
    }
    let (wrong, alternatives) = known_answers(files, dir, names, problems);
    let (document, md_problems) = parse_markdown(body, &md_path, body_line);
    problems.extend(md_problems);
    let mut hints = Vec::new();
    for (i, h) in fm.hints.iter().enumerate() {
        let (doc, hint_problems) = parse_markdown(h, &md_path, 2);
        for mut p in hint_problems {
            p.message = format!("hint {}: {}", i + 1, p.message);
            p.line = None;
            problems.push(p);
        }
        hints.push(doc);
    }
    if problems.len() > before {
        return None;
    }
    Some(Lesson {
        id: format!("{chapter_id}/{slug}"),
        dir: dir.to_string(),
        title: fm.title,
        summary: fm.summary,
        hints,
        main,
        files: lesson_files,
        check: check.unwrap_or_default(),
        check_library: String::new(),
        document,
        wrong,
        alternatives,
        nixpkgs: fm.nixpkgs || fm.flake,
        flake: fm.flake,
        experimental_features: fm.experimental_features,
    })
}

/// Splits `wrong/NAME/FILE` or `alternatives/NAME/FILE` into its parts.
fn known_answer_file(name: &str) -> Option<(&str, &str, &str)> {
    let (kind, rest) = name.split_once('/')?;
    if kind != "wrong" && kind != "alternatives" {
        return None;
    }
    let (answer, file) = rest.split_once('/')?;
    (valid_file_name(answer) && !file.contains('/')).then_some((kind, answer, file))
}

/// Reads the `wrong/NAME/` and `alternatives/NAME/` folders of a lesson.
fn known_answers(
    files: &FileTree,
    dir: &str,
    names: &[&str],
    problems: &mut Vec<Problem>,
) -> (Vec<KnownAnswer>, Vec<KnownAnswer>) {
    let mut found: BTreeMap<(&str, &str), KnownAnswer> = BTreeMap::new();
    for name in names {
        let Some((kind, answer, file)) = known_answer_file(name) else {
            continue;
        };
        let path = format!("{dir}/{name}");
        let Some(text) = text_of(files, &path, problems) else {
            continue;
        };
        let entry = found.entry((kind, answer)).or_insert_with(|| KnownAnswer {
            name: answer.to_string(),
            note: String::new(),
            files: BTreeMap::new(),
        });
        if file == "note.md" {
            let note = text.trim();
            if note.is_empty() || note.contains('\n') {
                problems.push(Problem::new(
                    &path,
                    "note.md must be one line: the misconception this wrong answer embodies",
                ));
            }
            entry.note = note.to_string();
        } else {
            entry.files.insert(file.to_string(), text);
        }
    }
    let (mut wrong, mut alternatives) = (Vec::new(), Vec::new());
    for ((kind, answer), known) in found {
        let folder = format!("{dir}/{kind}/{answer}");
        if known.files.is_empty() {
            problems.push(Problem::new(
                &folder,
                "holds no learner file (put the files that differ from solution/ here)",
            ));
        } else if kind == "wrong" {
            if known.note.is_empty() {
                problems.push(Problem::new(
                    &folder,
                    "missing note.md: one line naming the misconception of this wrong answer",
                ));
            }
            wrong.push(known);
        } else {
            alternatives.push(known);
        }
    }
    (wrong, alternatives)
}

/// Where a lesson sits in the curriculum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Index of its chapter.
    pub chapter: usize,
    /// Index within the chapter.
    pub lesson: usize,
    /// Index in the whole course (0-based).
    pub overall: usize,
}

/// Why a pack could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError(pub String);

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot read the lesson pack: {}", self.0)
    }
}

impl std::error::Error for PackError {}

#[derive(Serialize, Deserialize)]
struct Pack {
    format: String,
    version: u32,
    chapters: Vec<Chapter>,
}

impl Curriculum {
    /// All lessons in teaching order.
    pub fn lessons(&self) -> impl Iterator<Item = &Lesson> {
        self.chapters.iter().flat_map(|c| c.lessons.iter())
    }

    /// Number of lessons.
    pub fn lesson_count(&self) -> usize {
        self.chapters.iter().map(|c| c.lessons.len()).sum()
    }

    /// The lesson with this id.
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons().find(|l| l.id == id)
    }

    /// The chapter with this id.
    pub fn chapter(&self, id: &str) -> Option<&Chapter> {
        self.chapters.iter().find(|c| c.id == id)
    }

    /// Where a lesson is.
    pub fn position(&self, id: &str) -> Option<Position> {
        let mut overall = 0;
        for (ci, c) in self.chapters.iter().enumerate() {
            for (li, l) in c.lessons.iter().enumerate() {
                if l.id == id {
                    return Some(Position {
                        chapter: ci,
                        lesson: li,
                        overall,
                    });
                }
                overall += 1;
            }
        }
        None
    }

    /// The lesson after `id` (across chapters), if any.
    pub fn next(&self, id: &str) -> Option<&Lesson> {
        let mut it = self.lessons().skip_while(|l| l.id != id);
        it.next()?;
        it.next()
    }

    /// The lesson before `id` (across chapters), if any.
    pub fn previous(&self, id: &str) -> Option<&Lesson> {
        let mut prev = None;
        for l in self.lessons() {
            if l.id == id {
                return prev;
            }
            prev = Some(l);
        }
        None
    }

    /// Serialises the curriculum as a pack (JSON) for the web app.
    pub fn to_pack_json(&self) -> String {
        let pack = Pack {
            format: PACK_FORMAT.into(),
            version: PACK_VERSION,
            chapters: self.chapters.clone(),
        };
        serde_json::to_string(&pack).unwrap_or_default()
    }

    /// The pack file the web app loads (`curriculum.pack`, `workshop.pack`): the pack JSON
    /// ([`Curriculum::to_pack_json`]) compressed as one zlib stream (RFC 1950), level 10.
    pub fn to_pack(&self) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec_zlib(self.to_pack_json().as_bytes(), 10)
    }

    /// Reads a pack file: a zlib stream of the pack JSON ([`Curriculum::to_pack`]) or the
    /// plain JSON (its first non-blank byte is `{`). At most [`MAX_PACK_BYTES`] once
    /// decompressed; any damage is an error, never a panic.
    pub fn from_pack(bytes: &[u8]) -> Result<Curriculum, PackError> {
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        let json = if first == Some(&b'{') {
            bytes.to_vec()
        } else {
            miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(bytes, MAX_PACK_BYTES).map_err(
                |e| {
                    PackError(match e.status {
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                            format!("larger than {MAX_PACK_BYTES} bytes once decompressed")
                        }
                        _ => "neither a compressed pack nor pack JSON (damaged or truncated?)"
                            .to_string(),
                    })
                },
            )?
        };
        let json = String::from_utf8(json).map_err(|_| PackError("not UTF-8 text".into()))?;
        Curriculum::from_pack_json(&json)
    }

    /// Reads a pack written by [`Curriculum::to_pack_json`], checking the invariants the
    /// rest of the crate relies on (unique ids, every lesson has its `main` file).
    pub fn from_pack_json(json: &str) -> Result<Curriculum, PackError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| PackError(format!("not JSON: {e}")))?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(PACK_FORMAT) => {}
            _ => {
                return Err(PackError(format!(
                    "not a Nixpad lesson pack (no \"format\": \"{PACK_FORMAT}\")"
                )))
            }
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v == PACK_VERSION as u64 => {}
            other => {
                return Err(PackError(format!(
                    "unsupported pack version {other:?} (this app reads {PACK_VERSION})"
                )))
            }
        }
        let pack: Pack = serde_json::from_value(value).map_err(|e| PackError(e.to_string()))?;
        let curriculum = Curriculum {
            chapters: pack.chapters,
        };
        let mut ids = BTreeSet::new();
        for lesson in curriculum.lessons() {
            if !ids.insert(lesson.id.as_str()) {
                return Err(PackError(format!(
                    "lesson id '{}' appears twice",
                    lesson.id
                )));
            }
            if !lesson.files.iter().any(|f| f.name == lesson.main) {
                return Err(PackError(format!(
                    "lesson '{}' has no file '{}'",
                    lesson.id, lesson.main
                )));
            }
            if let Some(f) = lesson.files.iter().find(|f| !valid_file_name(&f.name)) {
                return Err(PackError(format!(
                    "lesson '{}' has an invalid file name '{}'",
                    lesson.id, f.name
                )));
            }
        }
        Ok(curriculum)
    }
}

impl Lesson {
    /// The starter text of every file, by name (what a fresh editor shows).
    pub fn starter_files(&self) -> BTreeMap<String, String> {
        self.files
            .iter()
            .map(|f| (f.name.clone(), f.starter.clone()))
            .collect()
    }

    /// The reference solution of every file, by name.
    pub fn solution_files(&self) -> BTreeMap<String, String> {
        self.files
            .iter()
            .map(|f| (f.name.clone(), f.solution.clone()))
            .collect()
    }

    /// The files of a known answer: the solution with the answer's files in place.
    pub fn answer_files(&self, answer: &KnownAnswer) -> BTreeMap<String, String> {
        let mut files = self.solution_files();
        files.extend(answer.files.clone());
        files
    }

    /// The chapter id (the part of the id before `/`).
    pub fn chapter_id(&self) -> &str {
        self.id.split('/').next().unwrap_or("")
    }
}
