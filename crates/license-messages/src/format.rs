//! Fills a compiled pattern with arguments, as Fluent does for the subset
//! `build.rs` compiles: variables, and selects on exact numbers, plural
//! categories or words.

use std::borrow::Cow;

use crate::{Key, Lang, Piece};

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

/// The CLDR plural category of a whole number.
fn plural(lang: Lang, n: i64) -> &'static str {
    match lang {
        Lang::En => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
    }
}

fn arg<'b>(args: &'b Args<'_>, name: &str) -> Option<&'b Arg<'b>> {
    args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
}

pub(crate) fn format(lang: Lang, pattern: &[Piece], args: &Args<'_>) -> String {
    let mut out = String::new();
    write(&mut out, lang, pattern, args);
    out
}

fn write(out: &mut String, lang: Lang, pattern: &[Piece], args: &Args<'_>) {
    for piece in pattern {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Nested(inner) => write(out, lang, inner, args),
            Piece::Var(name) => match arg(args, name) {
                Some(Arg::Str(s)) => out.push_str(s),
                Some(Arg::Num(n)) => out.push_str(&n.to_string()),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Piece::Select(name, variants, default) => {
                let chosen = match arg(args, name) {
                    Some(Arg::Num(n)) => {
                        variants.iter().position(|(k, _)| matches!(k, Key::Number(v) if v == n)).or_else(|| {
                            variants.iter().position(|(k, _)| matches!(k, Key::Name(c) if *c == plural(lang, *n)))
                        })
                    }
                    Some(Arg::Str(s)) => {
                        variants.iter().position(|(k, _)| matches!(k, Key::Name(w) if *w == s.as_ref()))
                    }
                    None => None,
                };
                write(out, lang, variants[chosen.unwrap_or(*default)].1, args);
            }
        }
    }
}
