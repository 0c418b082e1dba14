//! The built-in catalogs, embedded from `layouts/locales/` and parsed once.

use std::sync::OnceLock;

use super::Locale;

/// Each catalog's file, in the order `resumec locales` lists them.
const FILES: &[(&str, &str)] = &[
    ("en", include_str!("../../../layouts/locales/en.yaml")),
    ("de", include_str!("../../../layouts/locales/de.yaml")),
    ("fr", include_str!("../../../layouts/locales/fr.yaml")),
    ("es", include_str!("../../../layouts/locales/es.yaml")),
    ("it", include_str!("../../../layouts/locales/it.yaml")),
    ("pt-BR", include_str!("../../../layouts/locales/pt-BR.yaml")),
    ("nl", include_str!("../../../layouts/locales/nl.yaml")),
    ("pl", include_str!("../../../layouts/locales/pl.yaml")),
    ("sv", include_str!("../../../layouts/locales/sv.yaml")),
    ("tr", include_str!("../../../layouts/locales/tr.yaml")),
    ("ru", include_str!("../../../layouts/locales/ru.yaml")),
    ("ja", include_str!("../../../layouts/locales/ja.yaml")),
    ("zh", include_str!("../../../layouts/locales/zh.yaml")),
    ("ko", include_str!("../../../layouts/locales/ko.yaml")),
    ("ar", include_str!("../../../layouts/locales/ar.yaml")),
    ("he", include_str!("../../../layouts/locales/he.yaml")),
];

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
