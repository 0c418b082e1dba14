//! The built-in catalogs, embedded from `layouts/locales/`, each parsed
//! once, when first asked for.

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

/// Each catalog, parsed when first asked for.
static PARSED: [OnceLock<Locale>; FILES.len()] = [const { OnceLock::new() }; FILES.len()];

/// The catalog at `index` of [`FILES`].
fn parsed(index: usize) -> &'static Locale {
    PARSED[index].get_or_init(|| {
        let (code, text) = FILES[index];
        crate::model::load::settings_from_str::<Locale>(text).unwrap_or_else(|error| {
            panic!("the built-in catalog layouts/locales/{code}.yaml: {error}")
        })
    })
}

/// Every built-in locale, in listing order.
pub fn all() -> impl Iterator<Item = &'static Locale> {
    (0..FILES.len()).map(parsed)
}

/// The built-in locale named `code`, exactly as listed (`pt-BR`).
pub fn builtin(code: &str) -> Option<&'static Locale> {
    let index = FILES.iter().position(|(known, _)| *known == code)?;
    Some(parsed(index))
}

/// The codes of the built-in locales, in listing order (no catalog is
/// parsed for them).
pub fn codes() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(code, _)| *code)
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
