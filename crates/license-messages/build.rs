//! Compiles `locales/<lang>/*.ftl` into static tables (`$OUT_DIR/catalogue.rs`).
//!
//! Fluent is the source format (translators' tools read it); the binaries
//! carry the parsed messages as data, formatted by `src/format.rs`. The
//! subset compiled: text, `{ $variable }`, select expressions on a variable
//! (plural categories, exact numbers or words), nested selects, and
//! references to other messages and to terms without arguments, which are
//! inlined here. Anything else stops the build with the message named.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

use fluent_syntax::ast;

type Ast<'a> = ast::Resource<&'a str>;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<(String, Vec<PathBuf>)> = Vec::new();
    for entry in std::fs::read_dir(&root).expect("locales/") {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for f in &files {
            println!("cargo:rerun-if-changed={}", f.display());
        }
        langs.push((dir.file_name().unwrap().to_string_lossy().into_owned(), files));
    }
    langs.sort_by_key(|(lang, _)| (lang != "en", lang.clone()));
    let mut out = String::new();
    for (lang, files) in &langs {
        let sources: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
        let messages = compile(lang, files, &sources);
        writeln!(out, "pub(crate) static {}: &[Message] = &[", lang.to_uppercase()).unwrap();
        for (id, (value, attributes)) in &messages {
            let value = value.as_ref().map_or("None".to_string(), |v| format!("Some({v})"));
            let attrs: Vec<String> = attributes.iter().map(|(name, p)| format!("({name:?}, {p})")).collect();
            writeln!(out, "    Message {{ id: {id:?}, value: {value}, attributes: &[{}] }},", attrs.join(", "))
                .unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let table: Vec<String> = langs.iter().map(|(l, _)| format!("({l:?}, {})", l.to_uppercase())).collect();
    writeln!(out, "pub(crate) static LANGUAGES: &[(&str, &[Message])] = &[{}];", table.join(", ")).unwrap();
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("catalogue.rs"), out).unwrap();
}

/// Message id -> (value, [(attribute, pattern)]), patterns as Rust expressions.
type Compiled = BTreeMap<String, (Option<String>, Vec<(String, String)>)>;

fn compile(lang: &str, files: &[PathBuf], sources: &[String]) -> Compiled {
    let mut messages: BTreeMap<&str, &ast::Message<&str>> = BTreeMap::new();
    let mut terms: BTreeMap<&str, &ast::Term<&str>> = BTreeMap::new();
    let resources: Vec<Ast<'_>> = files
        .iter()
        .zip(sources)
        .map(|(file, source)| match fluent_syntax::parser::parse(source.as_str()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{}: {errors:?}", file.display()),
        })
        .collect();
    for resource in &resources {
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    assert!(messages.insert(m.id.name, m).is_none(), "{lang}: message {} twice", m.id.name);
                }
                ast::Entry::Term(t) => {
                    assert!(terms.insert(t.id.name, t).is_none(), "{lang}: term -{} twice", t.id.name);
                }
                ast::Entry::Junk { content } => panic!("{lang}: cannot parse {content:?}"),
                _ => {}
            }
        }
    }
    let ctx = Context { lang, messages: &messages, terms: &terms };
    messages
        .iter()
        .map(|(id, m)| {
            let value = m.value.as_ref().map(|p| ctx.pattern(id, p, 0));
            let attributes =
                m.attributes.iter().map(|a| (a.id.name.to_string(), ctx.pattern(id, &a.value, 0))).collect();
            (id.to_string(), (value, attributes))
        })
        .collect()
}

struct Context<'a> {
    lang: &'a str,
    messages: &'a BTreeMap<&'a str, &'a ast::Message<&'a str>>,
    terms: &'a BTreeMap<&'a str, &'a ast::Term<&'a str>>,
}

impl Context<'_> {
    fn pattern(&self, id: &str, pattern: &ast::Pattern<&str>, depth: usize) -> String {
        assert!(depth < 8, "{}: {id}: references nest too deep", self.lang);
        let pieces: Vec<String> = pattern.elements.iter().map(|e| self.element(id, e, depth)).collect();
        format!("&[{}]", pieces.join(", "))
    }

    fn element(&self, id: &str, element: &ast::PatternElement<&str>, depth: usize) -> String {
        match element {
            ast::PatternElement::TextElement { value } => format!("Piece::Text({value:?})"),
            ast::PatternElement::Placeable { expression } => self.expression(id, expression, depth),
        }
    }

    fn expression(&self, id: &str, expression: &ast::Expression<&str>, depth: usize) -> String {
        match expression {
            ast::Expression::Inline(inline) => self.inline(id, inline, depth),
            ast::Expression::Select { selector, variants } => {
                let ast::InlineExpression::VariableReference { id: var } = selector else {
                    panic!("{}: {id}: a select expression must select on a $variable", self.lang)
                };
                let default = variants.iter().position(|v| v.default).expect("a default variant");
                let vs: Vec<String> = variants
                    .iter()
                    .map(|v| {
                        let key = match &v.key {
                            ast::VariantKey::Identifier { name } => format!("Key::Name({name:?})"),
                            ast::VariantKey::NumberLiteral { value } => {
                                format!("Key::Number({})", value.parse::<i64>().expect("whole-number keys"))
                            }
                        };
                        format!("({key}, {})", self.pattern(id, &v.value, depth))
                    })
                    .collect();
                format!("Piece::Select({:?}, &[{}], {default})", var.name, vs.join(", "))
            }
        }
    }

    fn inline(&self, id: &str, inline: &ast::InlineExpression<&str>, depth: usize) -> String {
        match inline {
            ast::InlineExpression::VariableReference { id: var } => format!("Piece::Var({:?})", var.name),
            ast::InlineExpression::StringLiteral { value } => format!("Piece::Text({:?})", unescape(value)),
            ast::InlineExpression::NumberLiteral { value } => format!("Piece::Text({value:?})"),
            ast::InlineExpression::Placeable { expression } => self.expression(id, expression, depth),
            ast::InlineExpression::MessageReference { id: target, attribute } => {
                let m = self
                    .messages
                    .get(target.name)
                    .unwrap_or_else(|| panic!("{}: {id}: no message {}", self.lang, target.name));
                let pattern = match attribute {
                    None => m.value.as_ref(),
                    Some(a) => m.attributes.iter().find(|x| x.id.name == a.name).map(|x| &x.value),
                }
                .unwrap_or_else(|| panic!("{}: {id}: {} has no such value", self.lang, target.name));
                format!("Piece::Nested({})", self.pattern(id, pattern, depth + 1))
            }
            ast::InlineExpression::TermReference { id: target, attribute, arguments } => {
                assert!(arguments.is_none(), "{}: {id}: term arguments are not supported", self.lang);
                let t = self
                    .terms
                    .get(target.name)
                    .unwrap_or_else(|| panic!("{}: {id}: no term -{}", self.lang, target.name));
                let pattern = match attribute {
                    None => &t.value,
                    Some(a) => &t.attributes.iter().find(|x| x.id.name == a.name).expect("term attribute").value,
                };
                format!("Piece::Nested({})", self.pattern(id, pattern, depth + 1))
            }
            ast::InlineExpression::FunctionReference { .. } => {
                panic!("{}: {id}: functions are not supported", self.lang)
            }
        }
    }
}

/// Fluent string literals: `\"`, `\\` and `\uXXXX`.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('u')) => {
                chars.next();
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            ('\\', Some(next)) => {
                chars.next();
                out.push(next);
            }
            (c, _) => out.push(c),
        }
    }
    out
}
