//! Résumé dates: a year and month written `YYYY-MM`, or `present` for an ongoing role.
//!
//! Dates are parsed strictly when the YAML is deserialized, so an impossible
//! month is reported by the loader at the exact line and column of the value.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar month, ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

impl YearMonth {
    /// Parses `YYYY-MM`, explaining what is wrong when it is not.
    pub fn parse(text: &str) -> Result<Self, String> {
        let hint = "write dates as `YYYY-MM`, e.g. `2023-04`";
        let (year, month) = text
            .trim()
            .split_once('-')
            .ok_or_else(|| format!("invalid date `{text}`: {hint}"))?;
        if year.len() != 4 || month.len() != 2 {
            return Err(format!("invalid date `{text}`: {hint}"));
        }
        let year: u16 = year
            .parse()
            .map_err(|_| format!("invalid year in `{text}`: {hint}"))?;
        let month: u8 = month
            .parse()
            .map_err(|_| format!("invalid month in `{text}`: {hint}"))?;
        if !(1..=12).contains(&month) {
            return Err(format!(
                "invalid month {month} in `{text}`: months run from 01 to 12"
            ));
        }
        Ok(Self { year, month })
    }

    /// `Apr 2023`.
    pub fn display(self) -> String {
        format!("{} {}", MONTHS[usize::from(self.month - 1)], self.year)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The end of a period: a month, or still ongoing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndDate {
    Month(YearMonth),
    Present,
}

impl EndDate {
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.trim().eq_ignore_ascii_case("present") {
            Ok(Self::Present)
        } else {
            YearMonth::parse(text)
                .map(Self::Month)
                .map_err(|e| format!("{e}, or `present`"))
        }
    }

    pub fn display(self) -> String {
        match self {
            Self::Month(month) => month.display(),
            Self::Present => "Present".to_owned(),
        }
    }
}

impl fmt::Display for EndDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Month(month) => month.fmt(f),
            Self::Present => f.write_str("present"),
        }
    }
}

/// `Apr 2023 – Present`, `Jun 2018 – Apr 2023`, or just the start.
pub fn display_range(start: Option<YearMonth>, end: Option<EndDate>) -> Option<String> {
    match (start, end) {
        (Some(start), Some(end)) => Some(format!("{} – {}", start.display(), end.display())),
        (Some(start), None) => Some(start.display()),
        (None, Some(end)) => Some(end.display()),
        (None, None) => None,
    }
}

/// The UTC calendar date (`YYYY-MM-DD`) of a Unix timestamp, as used for
/// `SOURCE_DATE_EPOCH` (Howard Hinnant's days-from-civil inverse).
pub fn date_of_timestamp(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Deserializes from a string (or a bare YAML scalar) through `parse`.
macro_rules! string_serde {
    ($ty:ty, $expecting:literal) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer).map_err(|_| {
                    de::Error::custom(concat!("expected ", $expecting, " as a string"))
                })?;
                Self::parse(&text).map_err(de::Error::custom)
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "description": $expecting,
                })
            }
        }
    };
}

string_serde!(YearMonth, "a date written `YYYY-MM`");
string_serde!(EndDate, "a date written `YYYY-MM`, or `present`");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_year_month() {
        assert_eq!(
            YearMonth::parse("2023-04"),
            Ok(YearMonth {
                year: 2023,
                month: 4
            })
        );
        assert_eq!(YearMonth::parse("2023-04").unwrap().display(), "Apr 2023");
    }

    #[test]
    fn rejects_impossible_months() {
        let err = YearMonth::parse("2023-13").unwrap_err();
        assert!(err.contains("invalid month 13"), "{err}");
        assert!(YearMonth::parse("2023-00").is_err());
        assert!(YearMonth::parse("2023-4").is_err());
        assert!(YearMonth::parse("April 2023").is_err());
    }

    #[test]
    fn present_is_case_insensitive() {
        assert_eq!(EndDate::parse("Present"), Ok(EndDate::Present));
        assert!(EndDate::parse("now").unwrap_err().contains("`present`"));
    }

    #[test]
    fn months_order_chronologically() {
        assert!(YearMonth::parse("2018-06").unwrap() < YearMonth::parse("2023-04").unwrap());
    }

    #[test]
    fn timestamps_become_dates() {
        assert_eq!(date_of_timestamp(0), "1970-01-01");
        assert_eq!(date_of_timestamp(1_709_164_800), "2024-02-29");
        assert_eq!(date_of_timestamp(951_782_400), "2000-02-29");
    }

    #[test]
    fn ranges_read_naturally() {
        let start = YearMonth::parse("2018-06").ok();
        let end = EndDate::parse("2023-04").ok();
        assert_eq!(display_range(start, end).unwrap(), "Jun 2018 – Apr 2023");
        assert_eq!(display_range(None, None), None);
    }
}
