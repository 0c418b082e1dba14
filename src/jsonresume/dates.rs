//! Dates as JSON Resume documents really write them, read into résumé dates.
//!
//! The schema asks for `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; real documents
//! also write `07/2018`, `Jan 2016`, `Dez 2020` or `heute`. A year stays a
//! year and a month a month; a day, which résumé dates do not hold, is dropped.
//! Whatever is read another way than the schema's is said so, and a text
//! that is no date at all is left to the caller to report.

use crate::model::date::Date;

/// A date read from a JSON Resume string.
#[derive(Debug, PartialEq, Eq)]
pub enum Reading {
    /// Nothing written (absent or blank).
    Empty,
    /// A word for "still ongoing" (`present`, `heute`, `atual`, …).
    Present,
    /// A date, with what a reader should be told about how it was read.
    Date { date: Date, remark: Option<Remark> },
    /// Not a date.
    Unreadable,
}

/// How a date was read, when it was not written as the schema asks.
#[derive(Debug, PartialEq, Eq)]
pub enum Remark {
    /// Read from another notation; nothing lost.
    Note(String),
    /// Part of it (a day, an ambiguous month) did not cross.
    Loss(String),
}

/// Words for an ongoing period, lowercase, in the languages résumés are
/// most often written in.
const PRESENT: &[&str] = &[
    "present",
    "current",
    "currently",
    "now",
    "today",
    "ongoing",
    "heute",
    "aktuell",
    "jetzt",
    "derzeit",
    "atual",
    "atualmente",
    "presente",
    "actual",
    "actualidad",
    "hoy",
    "aujourd'hui",
    "en cours",
    "oggi",
    "attuale",
    "nu",
    "heden",
];

/// Month names by their first three letters (English, German, French,
/// Spanish, Portuguese, Italian, Dutch), lowercase.
const MONTH_NAMES: &[(&str, u8)] = &[
    ("jan", 1),
    ("ene", 1),
    ("gen", 1),
    ("jän", 1),
    ("feb", 2),
    ("fev", 2),
    ("fév", 2),
    ("mar", 3),
    ("mär", 3),
    ("mrz", 3),
    ("apr", 4),
    ("abr", 4),
    ("avr", 4),
    ("may", 5),
    ("mai", 5),
    ("mei", 5),
    ("mag", 5),
    ("jun", 6),
    ("juin", 6),
    ("giu", 6),
    ("jul", 7),
    ("juil", 7),
    ("lug", 7),
    ("aug", 8),
    ("ago", 8),
    ("aoû", 8),
    ("sep", 9),
    ("set", 9),
    ("oct", 10),
    ("okt", 10),
    ("out", 10),
    ("ott", 10),
    ("nov", 11),
    ("dec", 12),
    ("dez", 12),
    ("dic", 12),
    ("déc", 12),
];

/// Reads one JSON Resume date.
pub fn read(text: Option<&str>) -> Reading {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Reading::Empty;
    };
    if PRESENT.contains(&text.to_lowercase().as_str()) {
        return Reading::Present;
    }
    let text = without_time_of_day(text);
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect();
    let all_digits = numbers
        .iter()
        .all(|n| n.bytes().all(|b| b.is_ascii_digit()));
    let reading = if all_digits {
        from_numbers(text, &numbers)
    } else {
        from_month_name(&numbers)
    };
    match reading {
        Some((date, remark)) => Reading::Date { date, remark },
        None => Reading::Unreadable,
    }
}

/// `2017-09-04` out of `2017-09-04T00:00:00Z`.
fn without_time_of_day(text: &str) -> &str {
    let bytes = text.as_bytes();
    let is_day = bytes.len() > 10
        && matches!(bytes[10], b'T' | b' ')
        && bytes[..10].iter().all(|b| b.is_ascii_digit() || *b == b'-');
    if is_day { &text[..10] } else { text }
}

/// `2016`, `2016-04`, `2016-04-12`, `04/2016`, `2016/04`, `12.04.2016`.
fn from_numbers(text: &str, numbers: &[&str]) -> Option<(Date, Option<Remark>)> {
    let year_at = numbers.iter().position(|n| n.len() == 4)?;
    let year: u16 = numbers[year_at].parse().ok()?;
    let small: Vec<u8> = numbers
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != year_at)
        .map(|(_, n)| n.parse().ok().filter(|_| n.len() <= 2))
        .collect::<Option<_>>()?;
    let iso = year_at == 0 && text.starts_with(numbers[0]);
    let note = |date: Date| Remark::Note(format!("`{text}` read as `{date}`"));
    match small.as_slice() {
        [] => Some((Date::year_only(year), None)),
        [month] if (1..=12).contains(month) => {
            let date = Date::month_of(year, *month);
            let plain = iso && text.len() == 7 && text.as_bytes()[4] == b'-';
            Some((date, (!plain).then(|| note(date))))
        }
        [a, b] => {
            // ISO `YYYY-MM-DD` has its month first; day-first and
            // month-first are told apart only when one number exceeds 12.
            let month = match (iso, *a, *b) {
                (true, m, _) => Some(m),
                (false, d, m) if d > 12 => Some(m),
                (false, m, d) if d > 12 => Some(m),
                (false, m, n) if m == n => Some(m),
                _ => None,
            };
            Some(match month.filter(|m| (1..=12).contains(m)) {
                Some(month) => {
                    let date = Date::month_of(year, month);
                    let why = format!(
                        "the day of `{text}` is dropped (`{date}`): résumé dates are months"
                    );
                    (date, Some(Remark::Loss(why)))
                }
                None => {
                    let why = format!(
                        "`{text}` could be day-month or month-day; kept as the year `{year}`"
                    );
                    (Date::year_only(year), Some(Remark::Loss(why)))
                }
            })
        }
        _ => None,
    }
}

/// `Jan 2016`, `January 2016`, `Dez. 2020`, `2016 March`.
fn from_month_name(words: &[&str]) -> Option<(Date, Option<Remark>)> {
    let [first, second] = words else {
        return None;
    };
    let (name, year) = if first.bytes().all(|b| b.is_ascii_digit()) {
        (second, first)
    } else {
        (first, second)
    };
    let year: u16 = year.parse().ok().filter(|_| year.len() == 4)?;
    let name = name.to_lowercase();
    let month = MONTH_NAMES
        .iter()
        .filter(|(prefix, _)| name.starts_with(prefix))
        .max_by_key(|(prefix, _)| prefix.len())?
        .1;
    let date = Date::month_of(year, month);
    let remark = Remark::Note(format!("`{} {}` read as `{date}`", words[0], words[1]));
    Some((date, Some(remark)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> (String, bool) {
        match read(Some(text)) {
            Reading::Date { date, remark } => (date.to_string(), remark.is_some()),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn schema_dates_read_as_written() {
        assert_eq!(date("2016"), ("2016".to_owned(), false));
        assert_eq!(date("2016-04"), ("2016-04".to_owned(), false));
        assert_eq!(date("2016-04-12"), ("2016-04".to_owned(), true));
        assert_eq!(read(Some("  ")), Reading::Empty);
        assert_eq!(read(None), Reading::Empty);
    }

    #[test]
    fn other_notations_are_read_and_remarked() {
        assert_eq!(date("07/2018"), ("2018-07".to_owned(), true));
        assert_eq!(date("2018/07"), ("2018-07".to_owned(), true));
        assert_eq!(date("24.12.2019"), ("2019-12".to_owned(), true));
        assert_eq!(date("12/24/2019"), ("2019-12".to_owned(), true));
        assert_eq!(date("03/04/2019"), ("2019".to_owned(), true));
        assert_eq!(date("Jan 2016"), ("2016-01".to_owned(), true));
        assert_eq!(date("Dez 2020"), ("2020-12".to_owned(), true));
        assert_eq!(date("September 2012"), ("2012-09".to_owned(), true));
        assert_eq!(date("2017-09-04T00:00:00Z"), ("2017-09".to_owned(), true));
    }

    #[test]
    fn words_for_now_and_nonsense() {
        assert_eq!(read(Some("heute")), Reading::Present);
        assert_eq!(read(Some("Present")), Reading::Present);
        for bad in ["soon", "2016-13", "Q3 2019", "1/2/3", "Smarch 2019", "99"] {
            assert_eq!(read(Some(bad)), Reading::Unreadable, "{bad}");
        }
    }
}
