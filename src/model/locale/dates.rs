//! Dates as a locale prints them: one place for every renderer.
//!
//! Patterns are CLDR's (`MMM y`, `d. MMMM y`, `y年M月`): a run of one
//! pattern letter is a field, text in single quotes is literal (`''` is a
//! quote), anything else prints as written. Digits stay ASCII in every
//! locale, as résumés write years.

use super::Locale;
use crate::model::date::{Date, EndDate};
use crate::model::day::Day;

/// The fields a pattern can print.
struct Fields {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl Locale {
    /// `Apr 2023`, `Apr. 2023`, `2023年4月`; a year alone by the year pattern.
    pub fn date(&self, date: Date) -> String {
        let pattern = match date.month {
            Some(_) => &self.patterns.month_year,
            None => &self.patterns.year,
        };
        self.format(
            pattern,
            &Fields {
                year: date.year,
                month: date.month,
                day: None,
            },
        )
    }

    /// A period's end: a date, or the word for an ongoing role.
    pub fn end(&self, end: EndDate) -> String {
        match end {
            EndDate::Date(date) => self.date(date),
            EndDate::Present => self.labels.present.clone(),
        }
    }

    /// `Apr 2023 – Present`, or one date when the period is one date or
    /// only one end is known; `None` when neither is.
    pub fn range(&self, start: Option<Date>, end: Option<EndDate>) -> Option<String> {
        match (start, end) {
            (Some(start), Some(EndDate::Date(end))) if start == end => Some(self.date(start)),
            (Some(start), Some(end)) => Some(
                self.patterns
                    .range
                    .replace("{0}", &self.date(start))
                    .replace("{1}", &self.end(end)),
            ),
            (Some(start), None) => Some(self.date(start)),
            (None, Some(end)) => Some(self.end(end)),
            (None, None) => None,
        }
    }

    /// A whole day, as a letter is dated: `March 14, 2025`, `14. März 2025`.
    pub fn day(&self, day: Day) -> String {
        self.format(
            &self.patterns.date,
            &Fields {
                year: day.year,
                month: Some(day.month),
                day: Some(day.day),
            },
        )
    }

    fn format(&self, pattern: &str, fields: &Fields) -> String {
        let mut out = String::new();
        let mut chars = pattern.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    out.push('\'');
                    continue;
                }
                while let Some(quoted) = chars.next() {
                    match quoted {
                        '\'' if chars.peek() == Some(&'\'') => {
                            chars.next();
                            out.push('\'');
                        }
                        '\'' => break,
                        quoted => out.push(quoted),
                    }
                }
                continue;
            }
            if !c.is_ascii_alphabetic() {
                out.push(c);
                continue;
            }
            let mut width = 1;
            while chars.peek() == Some(&c) {
                chars.next();
                width += 1;
            }
            out.push_str(&self.field(c, width, fields));
        }
        out
    }

    /// One pattern field: its letter repeated `width` times.
    fn field(&self, letter: char, width: usize, fields: &Fields) -> String {
        let month = |names: &[String; 12]| {
            fields
                .month
                .map(|month| names[usize::from(month - 1)].clone())
                .unwrap_or_default()
        };
        let number = |value: Option<u8>| match (value, width) {
            (Some(value), 1) => value.to_string(),
            (Some(value), _) => format!("{value:02}"),
            (None, _) => String::new(),
        };
        match (letter, width) {
            ('y', 2) => format!("{:02}", fields.year % 100),
            ('y', _) => fields.year.to_string(),
            ('M', 3) => month(&self.months.abbreviated),
            ('M', 4..) => month(&self.months.wide),
            ('L', 3) => month(&self.months.standalone_abbreviated),
            ('L', 4..) => month(&self.months.standalone_wide),
            ('M' | 'L', _) => number(fields.month),
            ('d', _) => number(fields.day),
            (other, width) => other.to_string().repeat(width),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::date::{Date, EndDate};
    use crate::model::day::Day;
    use crate::model::locale::builtin;

    #[test]
    fn english_dates_read_as_before() {
        let en = builtin("en").unwrap();
        assert_eq!(en.date(Date::month_of(2023, 4)), "Apr 2023");
        assert_eq!(en.date(Date::year_only(2016)), "2016");
        assert_eq!(
            en.range(Some(Date::month_of(2023, 4)), Some(EndDate::Present)),
            Some("Apr 2023 – Present".to_owned())
        );
        assert_eq!(en.day(Day::parse("2025-03-14").unwrap()), "March 14, 2025");
    }

    #[test]
    fn ranges_read_naturally() {
        let en = builtin("en").unwrap();
        let range = |start: &str, end: &str| {
            en.range(Date::parse(start).ok(), EndDate::parse(end).ok())
                .unwrap()
        };
        assert_eq!(range("2018-06", "2023-04"), "Jun 2018 – Apr 2023");
        assert_eq!(range("2016", "2019"), "2016 – 2019");
        assert_eq!(range("2016", "present"), "2016 – Present");
        assert_eq!(range("2022-12", "2022-12"), "Dec 2022");
        assert_eq!(range("2020", "2020"), "2020");
        assert_eq!(en.range(None, None), None);
    }

    #[test]
    fn quoted_text_and_numeric_months() {
        let mut locale = builtin("en").unwrap().clone();
        locale.patterns.date = "d 'de' MMMM 'de' y, 'o''clock' dd/MM/yy".to_owned();
        assert_eq!(
            locale.day(Day::parse("2025-03-04").unwrap()),
            "4 de March de 2025, o'clock 04/03/25"
        );
        locale.patterns.month_year = "y年M月".to_owned();
        assert_eq!(locale.date(Date::month_of(2023, 4)), "2023年4月");
    }
}
