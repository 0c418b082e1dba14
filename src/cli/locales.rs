//! `resumec locales`: list the built-in locales, one per line.

use resumec::model::locale;

use super::CliError;

pub fn locales() -> Result<(), CliError> {
    let width = locale::codes().map(str::len).max().unwrap_or(0);
    for locale in locale::all() {
        let name = match locale.name == locale.english_name {
            true => locale.name.clone(),
            false => format!("{} — {}", locale.name, locale.english_name),
        };
        println!("{:width$}  {name}", locale.code);
    }
    Ok(())
}
