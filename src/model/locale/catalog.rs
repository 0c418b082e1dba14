//! The built-in catalogs, embedded from `layouts/locales/` and parsed once.

use std::sync::OnceLock;

use super::Locale;

/// Each catalog's file, in the order `resumec locales` lists them.
const FILES: &[(&str, &str)] = &[("en", include_str!("../../../layouts/locales/en.yaml"))];

/// Every built-in locale, in listing order.
pub fn all() -> &'static [Locale] {
    static PARSED: OnceLock<Vec<Locale>> = OnceLock::new();
    PARSED.get_or_init(|| {
        FILES
            .iter()
            .map(|(code, text)| {
                crate::model::load::settings_from_str::<Locale>(text).unwrap_or_else(|error| {
                    panic!("the built-in catalog layouts/locales/{code}.yaml: {error}")
                })
            })
            .collect()
    })
}

/// The built-in locale named `code`, exactly as listed (`pt-BR`).
pub fn builtin(code: &str) -> Option<&'static Locale> {
    all().iter().find(|locale| locale.code == code)
}

/// The codes of the built-in locales.
pub fn codes() -> impl Iterator<Item = &'static str> {
    all().iter().map(|locale| locale.code.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_parses_under_its_own_code() {
        for (code, _) in FILES {
            assert_eq!(builtin(code).map(|l| l.code.as_str()), Some(*code));
        }
    }
}
