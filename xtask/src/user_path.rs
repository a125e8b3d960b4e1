//! The README's "Use it in your extension", followed word for word: its
//! files become a fresh crate outside this workspace, its shell commands run
//! as written (with `path/to/pyodide_runtime_layer` replaced by this
//! checkout, and `cargo install` kept out of `~/.cargo`), and its Python
//! snippet runs as a test against the wheel, installed the ways Pyodide
//! installs packages: `pyodide.loadPackage` and `micropip.install` under
//! Node, micropip in a Chromium Worker, `loadPackage` on a Chromium page's
//! main thread.

use crate::command::{Suite, root};
use crate::counts::Counts;
use crate::matrix::Host;
use anyhow::{Context, Result, ensure};
use std::time::Duration;

/// The README section this follows.
const SECTION: &str = "## Use it in your extension";
/// What the README writes for this checkout's path.
const PLACEHOLDER: &str = "path/to/pyodide_runtime_layer";

/// What the section holds.
#[derive(Debug, Default)]
struct Section {
    /// `(path, contents)` of each block whose info string names a file.
    files: Vec<(String, String)>,
    /// Each line of the `sh` blocks.
    commands: Vec<String>,
    /// The `python` block.
    python: String,
}

/// Reads the section's fenced blocks: ```` ```toml Cargo.toml ```` is a file,
/// ```` ```sh ```` commands, ```` ```python ```` the usage snippet.
fn read_section(readme: &str) -> Result<Section> {
    let start = readme.find(SECTION).with_context(|| format!("README.md has no `{SECTION}`"))?;
    let body = &readme[start + SECTION.len()..];
    let body = &body[..body.find("\n## ").unwrap_or(body.len())];
    let mut section = Section::default();
    let mut lines = body.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else { continue };
        let mut block = String::new();
        for line in lines.by_ref() {
            if line.starts_with("```") {
                break;
            }
            block.push_str(line);
            block.push('\n');
        }
        let mut words = info.split_whitespace();
        match (words.next(), words.next()) {
            (Some(_), Some(file)) => section.files.push((file.to_owned(), block)),
            (Some("sh"), None) => section.commands.extend(block.lines().map(str::to_owned)),
            (Some("python"), None) => section.python = block,
            _ => {}
        }
    }
    ensure!(!section.files.is_empty() && !section.commands.is_empty() && !section.python.is_empty(), "the README section lost its files, commands or snippet");
    Ok(section)
}

/// Follows the section and runs its snippet in every way the README names.
pub fn test() -> Result<Counts> {
    let readme = std::fs::read_to_string(root().join("README.md"))?;
    let section = read_section(&readme)?;
    let checkout = root().display().to_string();
    // Outside this workspace (cargo would take a crate under it for a member).
    let dir = std::env::temp_dir().join("pyodide-runtime-layer-user-path");
    let _ = std::fs::remove_dir_all(dir.join("src"));
    for (path, contents) in &section.files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap_or(&dir))?;
        std::fs::write(&file, contents.replace(PLACEHOLDER, &checkout))?;
    }
    let tools = root().join("target/user-path-tools");
    let path = format!("{}:{}", tools.join("bin").display(), std::env::var("PATH").unwrap_or_default());
    let mut printed = String::new();
    for command in &section.commands {
        let command = command.replace(PLACEHOLDER, &checkout);
        println!("$ {command}");
        let out = std::process::Command::new("sh")
            .args(["-c", &command])
            .current_dir(&dir)
            .env("PATH", &path)
            .env("CARGO_INSTALL_ROOT", &tools)
            .env_remove("CARGO_TARGET_DIR")
            .stderr(std::process::Stdio::inherit())
            .output()
            .with_context(|| format!("could not run `{command}`"))?;
        printed = String::from_utf8_lossy(&out.stdout).into_owned();
        print!("{printed}");
        ensure!(out.status.success(), "`{command}` failed ({})", out.status);
    }
    let wheel = dir.join(printed.lines().last().unwrap_or_default().trim());
    ensure!(wheel.extension().is_some_and(|e| e == "whl") && wheel.exists(), "the last command printed no wheel: {printed:?}");
    ensure!(readme.contains(&wheel.file_name().unwrap_or_default().to_string_lossy().into_owned()), "the README names another wheel than {}", wheel.display());

    let test_file = dir.join("test_readme_snippet.py");
    let indented: String = section.python.lines().map(|l| format!("    {l}\n")).collect();
    std::fs::write(&test_file, format!("def test_readme_snippet():\n{indented}"))?;
    let micropip = crate::setup::micropip_wheels()?;
    let mut counts = Counts::default();
    for (host, how) in [
        (Host::Node, Install::LoadPackage),
        (Host::Node, Install::Micropip),
        (Host::Browser("chromium"), Install::Micropip),
        (Host::Browser("chromium"), Install::MainThread),
    ] {
        println!("\n== the README's extension on {}, {how:?} ==", host.describe());
        let mut args: Vec<String> = Vec::new();
        match how {
            Install::LoadPackage => {}
            Install::Micropip => args.extend(["--micropip".to_owned(), micropip.display().to_string()]),
            Install::MainThread => args.push("--main-thread".to_owned()),
        }
        args.extend(["--wheel".to_owned(), wheel.display().to_string(), test_file.display().to_string()]);
        counts.add(host.run_watched(&args, Duration::from_secs(300)).map(|s: Suite| s.counts)?);
    }
    Ok(counts)
}

/// How the wheel is installed.
#[derive(Clone, Copy, Debug)]
enum Install {
    /// `pyodide.loadPackage(url)`.
    LoadPackage,
    /// `micropip.install(url)` (micropip from its PyPI wheel).
    Micropip,
    /// `pyodide.loadPackage(url)` on a browser page's main thread.
    MainThread,
}

#[cfg(test)]
mod tests {
    use super::read_section;

    #[test]
    fn reads_files_commands_and_the_snippet() {
        let readme = "# x\n## Use it in your extension\ntext\n```toml Cargo.toml\n[package]\n```\n```sh\na\nb\n```\n```python\nimport m\n```\n## Next\n```sh\nnot this\n```\n";
        let section = read_section(readme).unwrap();
        assert_eq!(section.files, [("Cargo.toml".to_owned(), "[package]\n".to_owned())]);
        assert_eq!(section.commands, ["a", "b"]);
        assert_eq!(section.python, "import m\n");
        assert!(read_section("# nothing").is_err());
    }
}
