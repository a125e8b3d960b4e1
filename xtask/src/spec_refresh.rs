//! `cargo xtask spec-refresh <index.bs> [--proposal <index.bs>]...`: rewrites
//! `spec/upstream/js-api.webidl` from the `<pre class="idl">` blocks of the
//! WebAssembly JS API's Bikeshed source, and keeps a copy of those blocks in
//! `spec/upstream/sources/`.
//!
//! The extraction is plain functions over strings ([`idl_blocks`],
//! [`split_definitions`], [`proposal_additions`], [`render_webidl`]); the test
//! `checked_in_idl_matches_sources` runs them on the checked-in sources and
//! fails when `spec/upstream/js-api.webidl` differs from what they give.
//!
//! The merge rule for proposals (see `spec/README.md`): a proposal repository
//! holds a whole, often older, copy of the JS API. Only what it adds is kept:
//! its `partial` definitions, and definitions whose name upstream does not
//! define. A definition upstream also has is the proposal's copy of it and is
//! left out (upstream wins); a proposal that changes an existing definition
//! must say so with a `partial` definition.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Where the refreshed files go, relative to the repository root.
const WEBIDL: &str = "spec/upstream/js-api.webidl";
/// The directory of the source excerpts, relative to the repository root.
const SOURCES: &str = "spec/upstream/sources";
/// The file name of the upstream excerpt in [`SOURCES`].
const UPSTREAM_FILE: &str = "spec.index.bs";
/// The path of the JS API's source in the spec repository and its proposal forks.
const DEFAULT_PATH: &str = "document/js-api/index.bs";
/// First line of an excerpt's header comment.
const EXCERPT_MARK: &str = "<!-- spec-refresh excerpt";

/// Where a source comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// `owner/name` on GitHub.
    pub repository: String,
    /// The file's path in that repository.
    pub path: String,
    /// The commit (or another revision name) the text was taken at.
    pub commit: String,
}

/// One source document: where it comes from and its text (a whole
/// `index.bs` or an excerpt written by [`excerpt`]).
#[derive(Debug, Clone)]
pub struct Source {
    /// Where the text comes from.
    pub origin: Origin,
    /// The file name of its excerpt in `spec/upstream/sources/`.
    pub file_name: String,
    /// The document text.
    pub text: String,
}

/// One top-level WebIDL definition, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// Written with `partial`.
    pub partial: bool,
    /// `interface`, `namespace`, `dictionary`, `enum`, `typedef`, `callback`, ...
    pub keyword: String,
    /// The defined name (`None` for statements such as `A includes B;`).
    pub name: Option<String>,
    /// The text, from its first token (extended attributes included) to its `;`.
    pub text: String,
}

/// The raw (entity-encoded) contents of every `<pre class="idl">` block of a
/// Bikeshed document, in document order, without the newline after the
/// opening tag and the whitespace before `</pre>`.
pub fn raw_idl_blocks(document: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut rest = document;
    while let Some(start) = rest.find("<pre") {
        // HTML comments (an excerpt's header among them) hold no blocks.
        if let Some(comment) = rest[..start].find("<!--") {
            let Some(end) = rest[comment..].find("-->") else { break };
            rest = &rest[comment + end + 3..];
            continue;
        }
        let after = &rest[start + 4..];
        let Some(tag_end) = after.find('>') else { break };
        let attributes = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(close) = body.find("</pre>") else { break };
        if is_idl_tag(attributes) {
            let content = body[..close].strip_prefix('\n').unwrap_or(&body[..close]);
            blocks.push(content.trim_end());
        }
        rest = &body[close + "</pre>".len()..];
    }
    blocks
}

/// Whether the attributes of a `<pre` tag give it the class `idl`.
fn is_idl_tag(attributes: &str) -> bool {
    let Some(at) = attributes.find("class=") else { return false };
    let value = &attributes[at + "class=".len()..];
    let value = match value.chars().next() {
        Some(quote @ ('"' | '\'')) => value[1..].split(quote).next().unwrap_or(""),
        _ => value.split(|c: char| c.is_whitespace()).next().unwrap_or(""),
    };
    value.split_whitespace().any(|class| class == "idl")
}

/// The `<pre class="idl">` blocks of a Bikeshed document with their HTML
/// entities decoded: the WebIDL text.
pub fn idl_blocks(document: &str) -> Vec<String> {
    raw_idl_blocks(document).into_iter().map(decode_entities).collect()
}

/// Decodes `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;` and numeric character
/// references; anything else is kept as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let decoded = tail.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &tail[1..end];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Cuts WebIDL text into its top-level definitions (at `;` outside brackets,
/// comments and strings). Comments between definitions are not part of any.
pub fn split_definitions(idl: &str) -> Vec<Definition> {
    let mut definitions = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut chars = idl.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '/' if matches!(chars.peek(), Some((_, '/'))) => {
                while chars.next_if(|&(_, c)| c != '\n').is_some() {}
            }
            '/' if matches!(chars.peek(), Some((_, '*'))) => {
                chars.next();
                let mut previous = ' ';
                for (_, c) in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
            }
            c if c.is_whitespace() => {}
            _ => {
                let begin = *start.get_or_insert(i);
                match c {
                    '"' => while chars.next_if(|&(_, c)| c != '"').is_some() {},
                    '{' | '(' | '[' | '<' => depth += 1,
                    '}' | ')' | ']' | '>' => depth = depth.saturating_sub(1),
                    ';' if depth == 0 => {
                        definitions.push(definition(&idl[begin..=i]));
                        start = None;
                    }
                    _ => {}
                }
                if c == '"' {
                    chars.next();
                }
            }
        }
    }
    definitions
}

/// Names the parts of one definition's text.
fn definition(text: &str) -> Definition {
    // Skip the extended attributes: the words after the last top-level `]`
    // before the first `{` (or the whole text).
    let head_end = text.find('{').unwrap_or(text.len());
    let head = &text[..head_end];
    let head = match head.rfind(']') {
        Some(at) if head.starts_with('[') => &head[at + 1..],
        _ => head,
    };
    let words: Vec<&str> = head
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let partial = words.first() == Some(&"partial");
    let words = &words[usize::from(partial)..];
    let keyword = words.first().copied().unwrap_or_default().to_owned();
    let name = match keyword.as_str() {
        "typedef" => words.last().copied(),
        "interface" if words.get(1) == Some(&"mixin") => words.get(2).copied(),
        "callback" if words.get(1) == Some(&"interface") => words.get(2).copied(),
        "interface" | "namespace" | "dictionary" | "enum" | "callback" => words.get(1).copied(),
        _ => None,
    };
    Definition {
        partial,
        keyword,
        name: name.map(str::to_owned),
        text: text.to_owned(),
    }
}

/// What a proposal adds to `upstream`: its `partial` definitions (unless
/// upstream has the same text) and the definitions whose name upstream does
/// not define, in the proposal's order.
pub fn proposal_additions<'a>(upstream: &[Definition], proposal: &'a [Definition]) -> Vec<&'a Definition> {
    proposal
        .iter()
        .filter(|d| {
            if d.partial {
                !upstream.iter().any(|u| u.partial && u.text == d.text)
            } else {
                d.name.is_some() && !upstream.iter().any(|u| !u.partial && u.name == d.name)
            }
        })
        .collect()
}

/// The proposal's short name: its repository name (`js-promise-integration`).
fn proposal_name(origin: &Origin) -> &str {
    origin.repository.rsplit('/').next().unwrap_or(&origin.repository)
}

/// The whole `spec/upstream/js-api.webidl`: a header, the upstream blocks
/// verbatim (entities decoded), then one section per proposal with what it adds.
pub fn render_webidl(upstream: &Source, proposals: &[Source]) -> String {
    let o = &upstream.origin;
    let mut out = String::new();
    let _ = write!(
        out,
        "// The WebAssembly JavaScript Interface as WebIDL: the upstream IDL, verbatim.\n\
         //\n\
         // Generated by `cargo xtask spec-refresh` from the <pre class=\"idl\"> blocks of\n\
         // {path} in {repo} at commit {commit}\n\
         // (excerpt: spec/upstream/sources/{file}). Do not edit by hand: a test\n\
         // (xtask, spec_refresh::tests::checked_in_idl_matches_sources) fails when this\n\
         // file differs from the extraction of the sources. This crate's own additions\n\
         // are in spec/additions.webidl.\n",
        path = o.path,
        repo = o.repository,
        commit = o.commit,
        file = upstream.file_name,
    );
    let upstream_idl = idl_blocks(&upstream.text);
    for block in &upstream_idl {
        out.push('\n');
        out.push_str(block);
        out.push('\n');
    }
    let upstream_definitions = split_definitions(&upstream_idl.join("\n"));
    for proposal in proposals {
        let o = &proposal.origin;
        let definitions = split_definitions(&idl_blocks(&proposal.text).join("\n"));
        let _ = write!(
            out,
            "\n// ==== Proposal: {name} (not merged upstream yet) ====\n\
             //\n\
             // From {path} in {repo} at commit {commit}\n\
             // (excerpt: spec/upstream/sources/{file}). Only what the proposal adds: its\n\
             // `partial` definitions and the definitions upstream does not have. Its copies\n\
             // of definitions upstream also has are left out (upstream wins).\n",
            name = proposal_name(o),
            path = o.path,
            repo = o.repository,
            commit = o.commit,
            file = proposal.file_name,
        );
        for definition in proposal_additions(&upstream_definitions, &definitions) {
            out.push('\n');
            out.push_str(&definition.text);
            out.push('\n');
        }
    }
    out
}

/// The excerpt of `source` that is checked in: a header naming its origin,
/// then its `<pre class="idl">` blocks verbatim (entities kept).
pub fn excerpt(source: &Source) -> String {
    let o = &source.origin;
    let mut out = format!(
        "{EXCERPT_MARK}\nrepository: {}\npath: {}\ncommit: {}\n\
         The <pre class=\"idl\"> blocks of that file, verbatim and in document order; the prose\n\
         between them is left out. Written by `cargo xtask spec-refresh`: do not edit by hand.\n-->\n",
        o.repository, o.path, o.commit
    );
    for block in raw_idl_blocks(&source.text) {
        let _ = write!(out, "\n<pre class=\"idl\">\n{block}\n</pre>\n");
    }
    out
}

/// The origin written in an excerpt's header, if `text` is an excerpt.
pub fn excerpt_origin(text: &str) -> Option<Origin> {
    let header = text.strip_prefix(EXCERPT_MARK)?;
    let header = &header[..header.find("-->")?];
    let field = |key: &str| {
        header
            .lines()
            .find_map(|line| line.strip_prefix(key)?.strip_prefix(": "))
            .map(|value| value.trim().to_owned())
    };
    Some(Origin {
        repository: field("repository")?,
        path: field("path")?,
        commit: field("commit")?,
    })
}

/// The checked-in sources: the upstream excerpt and the proposal excerpts (by file name).
pub fn checked_in_sources(root: &Path) -> Result<(Source, Vec<Source>)> {
    let dir = root.join(SOURCES);
    let read = |file_name: &str| -> Result<Source> {
        let path = dir.join(file_name);
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let origin = excerpt_origin(&text).with_context(|| format!("{}: no excerpt header", path.display()))?;
        Ok(Source { origin, file_name: file_name.to_owned(), text })
    };
    let upstream = read(UPSTREAM_FILE)?;
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".index.bs") && name != UPSTREAM_FILE)
        .collect();
    names.sort();
    let proposals = names.iter().map(|name| read(name)).collect::<Result<_>>()?;
    Ok((upstream, proposals))
}

/// One source named on the command line, with its `--repo`/`--commit` if given.
struct Given {
    path: PathBuf,
    repository: Option<String>,
    commit: Option<String>,
}

const USAGE: &str = "usage: cargo xtask spec-refresh <index.bs> [--repo owner/name] [--commit rev] \
                     [--proposal <index.bs> [--repo owner/name] [--commit rev]]...";

/// `cargo xtask spec-refresh ...`: see the module docs and `spec/README.md`.
pub fn run(args: &[String]) -> Result<()> {
    let mut given: Vec<Given> = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |what: &str| args.next().cloned().with_context(|| format!("`{what}` needs a value\n{USAGE}"));
        match arg.as_str() {
            "--proposal" => {
                if given.is_empty() {
                    bail!("name the upstream index.bs before any --proposal\n{USAGE}");
                }
                given.push(Given { path: value("--proposal")?.into(), repository: None, commit: None });
            }
            "--repo" | "--commit" => {
                let v = value(arg)?;
                let last = given.last_mut().with_context(|| format!("`{arg}` applies to the file before it\n{USAGE}"))?;
                if arg == "--repo" { last.repository = Some(v) } else { last.commit = Some(v) }
            }
            path if given.is_empty() && !path.starts_with("--") => {
                given.push(Given { path: path.into(), repository: None, commit: None });
            }
            other => bail!("unexpected argument `{other}`\n{USAGE}"),
        }
    }
    if given.is_empty() {
        bail!("{USAGE}");
    }
    let mut sources = given.iter().enumerate().map(|(i, g)| load(g, i == 0)).collect::<Result<Vec<_>>>()?;
    let upstream = sources.remove(0);
    for source in std::iter::once(&upstream).chain(&sources) {
        if raw_idl_blocks(&source.text).is_empty() {
            bail!("{} has no <pre class=\"idl\"> block", source.file_name);
        }
    }
    let root = crate::command::root();
    let dir = root.join(SOURCES);
    std::fs::create_dir_all(&dir)?;
    for source in std::iter::once(&upstream).chain(&sources) {
        std::fs::write(dir.join(&source.file_name), excerpt(source))?;
    }
    // Read back what was written, so the output is exactly what the test recomputes.
    let (upstream, proposals) = checked_in_sources(&root)?;
    std::fs::write(root.join(WEBIDL), render_webidl(&upstream, &proposals))?;
    println!(
        "wrote {WEBIDL} and {} excerpt(s) in {SOURCES}/\nnext: cargo test -p pyodide_runtime_layer_macros, \
         then BLESS_EXPANDED=1 cargo test -p pyodide_runtime_layer_macros and review the diff",
        1 + proposals.len()
    );
    Ok(())
}

/// Reads a source named on the command line and works out its origin: from
/// its excerpt header, else from `--repo`/`--commit` and the git checkout it is in.
fn load(given: &Given, is_upstream: bool) -> Result<Source> {
    let text = std::fs::read_to_string(&given.path).with_context(|| format!("reading {}", given.path.display()))?;
    let git = |args: &[&str]| -> Option<String> {
        let dir = given.path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let out = std::process::Command::new("git").arg("-C").arg(dir).args(args).output().ok()?;
        let text = String::from_utf8(out.stdout).ok()?.trim().to_owned();
        (out.status.success() && !text.is_empty()).then_some(text)
    };
    let file = given.path.file_name().and_then(|f| f.to_str()).unwrap_or("index.bs");
    let origin = match excerpt_origin(&text) {
        Some(origin) => Origin {
            repository: given.repository.clone().unwrap_or(origin.repository),
            commit: given.commit.clone().unwrap_or(origin.commit),
            path: origin.path,
        },
        None => Origin {
            repository: given
                .repository
                .clone()
                .or_else(|| git(&["remote", "get-url", "origin"]).and_then(|url| github_repository(&url)))
                .or_else(|| is_upstream.then(|| "WebAssembly/spec".to_owned()))
                .with_context(|| format!("{}: cannot tell its repository; give --repo owner/name", given.path.display()))?,
            commit: given
                .commit
                .clone()
                .or_else(|| git(&["log", "-1", "--format=%H", "--", file]))
                .unwrap_or_else(|| "unknown".to_owned()),
            path: git(&["ls-files", "--full-name", "--", file]).unwrap_or_else(|| DEFAULT_PATH.to_owned()),
        },
    };
    let file_name = if is_upstream {
        UPSTREAM_FILE.to_owned()
    } else {
        format!("{}.index.bs", proposal_name(&origin))
    };
    Ok(Source { origin, file_name, text })
}

/// `owner/name` of a GitHub remote URL (`https://github.com/o/n.git`, `git@github.com:o/n`).
fn github_repository(url: &str) -> Option<String> {
    let rest = url.split("github.com").nth(1)?.trim_start_matches([':', '/']);
    let rest = rest.trim_end_matches('/').trim_end_matches(".git");
    (rest.split('/').count() == 2).then(|| rest.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(file_name: &str, repository: &str, text: &str) -> Source {
        Source {
            origin: Origin { repository: repository.into(), path: DEFAULT_PATH.into(), commit: "abc".into() },
            file_name: file_name.into(),
            text: text.into(),
        }
    }

    #[test]
    fn blocks_in_order_with_entities_decoded() {
        let doc = "<!-- <pre class=\"idl\">x</pre> --><pre class='metadata'>\nTitle: x\n</pre>\ntext <pre class=\"idl\">\nenum A { \"a\" };\n  </pre>\n\
                   <pre class=idl>\ntypedef sequence&lt;any&gt; B;\n</pre><pre class=\"idl extra\">\nC &amp;&#39;&#x41;&nbsp;\n</pre>";
        assert_eq!(idl_blocks(doc), ["enum A { \"a\" };", "typedef sequence<any> B;", "C &'A&nbsp;"]);
        assert_eq!(raw_idl_blocks(doc)[1], "typedef sequence&lt;any&gt; B;");
        assert!(idl_blocks("<pre class=\"idl\">unterminated").is_empty());
    }

    #[test]
    fn definitions_are_split_and_named() {
        let idl = "// lead\n[Exposed=*]\nnamespace N { any f(optional D d = {}); };\n\
                   /* c; */ partial dictionary D { boolean b = false; };\ntypedef sequence<any> T;\n\
                   enum E { \"a;b\" }; A includes B; callback Function = any (any... arguments);";
        let defs = split_definitions(idl);
        let summary: Vec<(bool, &str, Option<&str>)> =
            defs.iter().map(|d| (d.partial, d.keyword.as_str(), d.name.as_deref())).collect();
        assert_eq!(
            summary,
            [
                (false, "namespace", Some("N")),
                (true, "dictionary", Some("D")),
                (false, "typedef", Some("T")),
                (false, "enum", Some("E")),
                (false, "A", None),
                (false, "callback", Some("Function")),
            ]
        );
        assert_eq!(defs[0].text, "[Exposed=*]\nnamespace N { any f(optional D d = {}); };");
        assert_eq!(defs[3].text, "enum E { \"a;b\" };");
    }

    #[test]
    fn proposals_add_partials_and_new_definitions_only() {
        let upstream = split_definitions("interface A { }; dictionary D { }; partial interface A { any x(); };");
        let proposal = split_definitions(
            "interface A { any old(); }; partial interface A { any x(); }; partial namespace N { any p(); }; interface S { };",
        );
        let added: Vec<&str> = proposal_additions(&upstream, &proposal).iter().map(|d| d.text.as_str()).collect();
        assert_eq!(added, ["partial namespace N { any p(); };", "interface S { };"]);
    }

    #[test]
    fn excerpts_round_trip() {
        let full = source("spec.index.bs", "WebAssembly/spec", "prose <pre class=\"idl\">\nenum A { \"a\" };\n</pre> more");
        let text = excerpt(&full);
        assert_eq!(excerpt_origin(&text), Some(full.origin.clone()));
        assert_eq!(raw_idl_blocks(&text), raw_idl_blocks(&full.text));
        let again = Source { text: text.clone(), ..full };
        assert_eq!(excerpt(&again), text, "refreshing from an excerpt changes nothing");
        assert_eq!(excerpt_origin("<pre>"), None);
    }

    #[test]
    fn rendering_names_sources_and_sections() {
        let upstream = source("spec.index.bs", "WebAssembly/spec", "<pre class=\"idl\">\ninterface A { };\n</pre>");
        let proposal = source(
            "p.index.bs",
            "WebAssembly/p",
            "<pre class=\"idl\">\ninterface A { };\n\n[Exposed=*]\ninterface S { };\n</pre>",
        );
        let text = render_webidl(&upstream, &[proposal]);
        assert!(text.contains("document/js-api/index.bs in WebAssembly/spec at commit abc"), "{text}");
        assert!(text.contains("// ==== Proposal: p (not merged upstream yet) ===="), "{text}");
        assert!(text.ends_with("\n[Exposed=*]\ninterface S { };\n"), "{text}");
        assert_eq!(text.matches("interface A { };").count(), 1);
    }

    #[test]
    fn github_urls() {
        assert_eq!(github_repository("https://github.com/WebAssembly/spec.git").as_deref(), Some("WebAssembly/spec"));
        assert_eq!(github_repository("git@github.com:WebAssembly/js-promise-integration").as_deref(), Some("WebAssembly/js-promise-integration"));
        assert_eq!(github_repository("https://example.com/x"), None);
    }

    /// Fails when `spec/upstream/js-api.webidl` was edited by hand, or the
    /// sources were refreshed without regenerating it.
    #[test]
    fn checked_in_idl_matches_sources() {
        let root = crate::command::root();
        let (upstream, proposals) = checked_in_sources(&root).unwrap();
        let expected = render_webidl(&upstream, &proposals);
        let actual = std::fs::read_to_string(root.join(WEBIDL)).unwrap();
        assert!(
            actual == expected,
            "{WEBIDL} differs from the extraction of {SOURCES}/ (first differing line: {:?}); \
             do not edit it by hand: run `cargo xtask spec-refresh {SOURCES}/{UPSTREAM_FILE} --proposal ...`",
            actual.lines().zip(expected.lines()).find(|(a, e)| a != e)
        );
        for source in std::iter::once(&upstream).chain(&proposals) {
            assert_eq!(excerpt(source), source.text, "{} is not in the form spec-refresh writes", source.file_name);
        }
    }
}
