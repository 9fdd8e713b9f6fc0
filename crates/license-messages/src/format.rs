//! Fills a compiled pattern (see `build.rs`) with arguments, as Fluent does
//! for the subset compiled: variables, and selects on exact numbers, plural
//! categories or words.

use std::borrow::Cow;

use crate::Lang;

/// An argument: a word or text, or a whole number (selects by plural category).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg<'a> {
    Str(Cow<'a, str>),
    Num(i64),
}

/// Named arguments of one message.
pub type Args<'a> = [(&'a str, Arg<'a>)];

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Num(n as i64)
            }
        }
    )*};
}
numbers!(u8, u16, u32, u64, usize, i32, i64);

const VAR: char = '\u{1}';
const SELECT: char = '\u{2}';
const KEY: char = '\u{3}';
const THEN: char = '\u{4}';
const END: char = '\u{5}';

/// The CLDR plural category of a whole number.
fn plural(lang: Lang, n: i64) -> &'static str {
    match lang {
        // CLDR: French counts 0 and 1 as "one", English and German only 1.
        Lang::Fr if n == 0 || n == 1 => "one",
        Lang::En | Lang::De if n == 1 => "one",
        _ => "other",
    }
}

fn arg<'b>(args: &'b Args<'_>, name: &str) -> Option<&'b Arg<'b>> {
    args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
}

pub(crate) fn format(lang: Lang, pattern: &str, args: &Args<'_>) -> String {
    let mut out = String::new();
    write(&mut out, lang, pattern, args);
    out
}

/// The index just past the `END` that closes the select or variable
/// starting before `from`, nested selects skipped.
fn closing(pattern: &str, from: usize) -> usize {
    let mut depth = 1;
    for (i, c) in pattern[from..].char_indices() {
        match c {
            SELECT | VAR => depth += 1,
            END => {
                depth -= 1;
                if depth == 0 {
                    return from + i + END.len_utf8();
                }
            }
            _ => {}
        }
    }
    pattern.len()
}

fn write(out: &mut String, lang: Lang, pattern: &str, args: &Args<'_>) {
    let mut rest = pattern;
    while let Some(at) = rest.find([VAR, SELECT]) {
        out.push_str(&rest[..at]);
        let marker = rest[at..].chars().next().unwrap_or(VAR);
        let body_start = at + marker.len_utf8();
        let end = closing(rest, body_start);
        let body = &rest[body_start..end.saturating_sub(END.len_utf8()).max(body_start)];
        if marker == VAR {
            match arg(args, body) {
                Some(Arg::Str(s)) => out.push_str(s),
                Some(Arg::Num(n)) => out.push_str(&n.to_string()),
                None => {
                    out.push_str("{$");
                    out.push_str(body);
                    out.push('}');
                }
            }
        } else {
            select(out, lang, body, args);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
}

/// `var KEY key THEN pattern KEY *key THEN pattern …`: writes the variant
/// the argument chooses (an exact number, then its plural category, then a
/// word), or the default.
fn select(out: &mut String, lang: Lang, body: &str, args: &Args<'_>) {
    let (var, variants) = body.split_once(KEY).unwrap_or((body, ""));
    let mut chosen = None;
    let mut default = "";
    let mut rest = variants;
    while !rest.is_empty() {
        let (key, after) = rest.split_once(THEN).unwrap_or((rest, ""));
        // The variant's pattern runs to the next KEY at this depth.
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after.char_indices() {
            match c {
                SELECT | VAR => depth += 1,
                END => depth -= 1,
                KEY if depth == 0 => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let value = &after[..end];
        let (is_default, key) = match key.strip_prefix('*') {
            Some(k) => (true, k),
            None => (false, key),
        };
        if is_default {
            default = value;
        }
        let matches = match arg(args, var) {
            Some(Arg::Num(n)) => key.parse::<i64>().ok() == Some(*n) || key == plural(lang, *n),
            Some(Arg::Str(s)) => key == s.as_ref(),
            None => false,
        };
        if matches && chosen.is_none() {
            chosen = Some(value);
        }
        rest = after[end..].strip_prefix(KEY).unwrap_or("");
    }
    write(out, lang, chosen.unwrap_or(default), args);
}
