//! The language of the program's messages: from the POSIX locale variables
//! (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`), else on Windows the
//! user's display language, else English. A program embedding the library
//! may choose instead (`license_set_language` in the C interface).

use license_codes::messages::Lang;

/// The language this process's user reads.
pub fn from_environment() -> Lang {
    from_variables(|name| std::env::var(name).ok()).or_else(user_interface_language).unwrap_or_default()
}

/// The language the locale variables ask for (`get` reads one), as gettext
/// reads them: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
/// decides, and GNU's `LANGUAGE` list comes first unless that locale is C.
/// `None` when none is set; English for a language the catalogue lacks.
pub fn from_variables(get: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let set = |name: &str| get(name).filter(|v| !v.trim().is_empty());
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(set);
    let plain_c = locale.as_deref().is_some_and(|l| l == "C" || l == "POSIX" || l.starts_with("C."));
    if !plain_c {
        if let Some(list) = set("LANGUAGE") {
            if let Some(lang) = list.split(':').find_map(Lang::from_tag) {
                return Some(lang);
            }
        }
    }
    locale.map(|l| Lang::from_tag(&l).unwrap_or_default())
}

/// Windows: the user's display language (French or German by its primary
/// language id), when no locale variable is set.
#[cfg(windows)]
fn user_interface_language() -> Option<Lang> {
    #[link(name = "kernel32")]
    extern "system" {
        fn GetUserDefaultUILanguage() -> u16;
    }
    // SAFETY: no arguments, no state; documented to always succeed.
    let primary = unsafe { GetUserDefaultUILanguage() } & 0x3ff;
    Some(match primary {
        0x0c => Lang::Fr,
        0x07 => Lang::De,
        _ => Lang::En,
    })
}

#[cfg(not(windows))]
fn user_interface_language() -> Option<Lang> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> Option<Lang> {
        from_variables(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn locale_variables_in_gettext_order() {
        assert_eq!(with(&[("LANG", "fr_FR.UTF-8")]), Some(Lang::Fr));
        assert_eq!(with(&[("LANG", "fr_FR.UTF-8"), ("LC_MESSAGES", "de_DE.UTF-8")]), Some(Lang::De));
        assert_eq!(with(&[("LC_MESSAGES", "de_DE.UTF-8"), ("LC_ALL", "en_GB.UTF-8")]), Some(Lang::En));
        assert_eq!(with(&[("LANG", "es_ES.UTF-8")]), Some(Lang::En));
        assert_eq!(with(&[("LANG", "de_DE.UTF-8"), ("LANGUAGE", "es:fr")]), Some(Lang::Fr));
        assert_eq!(with(&[("LANG", "C.UTF-8"), ("LANGUAGE", "fr")]), Some(Lang::En));
        assert_eq!(with(&[("LANG", "")]), None);
        assert_eq!(with(&[]), None);
    }
}
