//! Résumé dates: a year (`2016`), a month of a year (`2016-04`), or `present`
//! for an ongoing role.
//!
//! Dates are parsed strictly when the YAML is deserialized, so an impossible
//! month is reported by the loader at the exact line and column of the value.
//! A year alone is a date in its own right, not a January: it prints as the
//! year, and when periods are compared it covers all twelve of its months.

use std::fmt;
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A year, or a month of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: u16,
    /// 1 to 12; `None` when only the year is known.
    pub month: Option<u8>,
}

impl Date {
    /// A month of a year; `month` runs from 1 to 12.
    pub fn month_of(year: u16, month: u8) -> Self {
        Self {
            year,
            month: Some(month),
        }
    }

    /// A year on its own.
    pub fn year_only(year: u16) -> Self {
        Self { year, month: None }
    }

    /// Parses `YYYY-MM` or `YYYY`, explaining what is wrong when it is neither.
    pub fn parse(text: &str) -> Result<Self, String> {
        let hint = "write dates as `YYYY-MM`, e.g. `2023-04`, or `YYYY` for the year alone";
        let trimmed = text.trim();
        let (year, month) = match trimmed.split_once('-') {
            Some((year, month)) => (year, Some(month)),
            None => (trimmed, None),
        };
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || month.is_some_and(|m| !digits(m, 2)) {
            return Err(format!("invalid date `{text}`: {hint}"));
        }
        let year: u16 = year
            .parse()
            .map_err(|_| format!("invalid year in `{text}`: {hint}"))?;
        let Some(month) = month else {
            return Ok(Self::year_only(year));
        };
        let month: u8 = month
            .parse()
            .map_err(|_| format!("invalid month in `{text}`: {hint}"))?;
        if !(1..=12).contains(&month) {
            return Err(format!(
                "invalid month {month} in `{text}`: months run from 01 to 12"
            ));
        }
        Ok(Self::month_of(year, month))
    }

    /// The first month the date covers, counted from year 0 so that
    /// consecutive months differ by one (a year starts in its January).
    pub fn first_month(self) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month.unwrap_or(1)) - 1
    }

    /// The last month the date covers (a year ends in its December).
    pub fn last_month(self) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month.unwrap_or(12)) - 1
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(month) => write!(f, "{:04}-{month:02}", self.year),
            None => write!(f, "{:04}", self.year),
        }
    }
}

/// The end of a period: a date, or still ongoing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndDate {
    Date(Date),
    Present,
}

impl EndDate {
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.trim().eq_ignore_ascii_case("present") {
            Ok(Self::Present)
        } else {
            Date::parse(text)
                .map(Self::Date)
                .map_err(|e| format!("{e}, or `present`"))
        }
    }

    /// The last month of a finished period; `None` while it is ongoing.
    pub fn last_month(self) -> Option<u32> {
        match self {
            Self::Date(date) => Some(date.last_month()),
            Self::Present => None,
        }
    }
}

impl fmt::Display for EndDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(date) => date.fmt(f),
            Self::Present => f.write_str("present"),
        }
    }
}

/// Now, in seconds since 1970, fixed once per run: from `SOURCE_DATE_EPOCH`
/// when it is set (so a build is reproducible), else from the clock.
fn now_seconds() -> i64 {
    static NOW: OnceLock<i64> = OnceLock::new();
    *NOW.get_or_init(|| {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|value| value.trim().parse::<i64>().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |elapsed| elapsed.as_secs() as i64)
            })
    })
}

/// This month, as [`Date::first_month`] counts months (see `now_seconds`).
pub fn current_month() -> u32 {
    month_of_timestamp(now_seconds())
}

/// Today, `YYYY-MM-DD` (see `now_seconds`).
pub fn today() -> String {
    date_of_timestamp(now_seconds())
}

/// The month of a Unix timestamp, as [`Date::first_month`] counts months.
fn month_of_timestamp(seconds: i64) -> u32 {
    let (year, month, _) = civil_from_timestamp(seconds);
    (year.clamp(0, i64::from(u16::MAX)) * 12 + month - 1) as u32
}

/// The UTC calendar date (`YYYY-MM-DD`) of a Unix timestamp, as used for
/// `SOURCE_DATE_EPOCH`.
pub fn date_of_timestamp(seconds: i64) -> String {
    let (year, month, day) = civil_from_timestamp(seconds);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Year, month and day of a Unix timestamp (Howard Hinnant's days-from-civil inverse).
fn civil_from_timestamp(seconds: i64) -> (i64, i64, i64) {
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
    (year, month, day)
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

string_serde!(
    Date,
    "a date written `YYYY-MM`, or `YYYY` for the year alone"
);
string_serde!(
    EndDate,
    "a date written `YYYY-MM`, or `YYYY` for the year alone, or `present`"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_months_and_years() {
        assert_eq!(Date::parse("2023-04"), Ok(Date::month_of(2023, 4)));
        assert_eq!(Date::parse("2016"), Ok(Date::year_only(2016)));
        assert_eq!(Date::parse("2016").unwrap().to_string(), "2016");
        assert_eq!(Date::parse("2016-09").unwrap().to_string(), "2016-09");
    }

    #[test]
    fn rejects_impossible_dates() {
        let err = Date::parse("2023-13").unwrap_err();
        assert!(err.contains("invalid month 13"), "{err}");
        for bad in [
            "2023-00",
            "2023-4",
            "April 2023",
            "16",
            "+2016",
            "2016-",
            "20166",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn present_is_case_insensitive() {
        assert_eq!(EndDate::parse("Present"), Ok(EndDate::Present));
        assert!(EndDate::parse("now").unwrap_err().contains("`present`"));
        assert_eq!(
            EndDate::parse("2019"),
            Ok(EndDate::Date(Date::year_only(2019)))
        );
    }

    #[test]
    fn a_year_covers_its_twelve_months() {
        let year = Date::year_only(2019);
        assert_eq!(year.first_month(), Date::month_of(2019, 1).first_month());
        assert_eq!(year.last_month(), Date::month_of(2019, 12).last_month());
        assert!(Date::month_of(2018, 6).last_month() < Date::month_of(2023, 4).first_month());
    }

    #[test]
    fn timestamps_become_dates() {
        assert_eq!(date_of_timestamp(0), "1970-01-01");
        assert_eq!(date_of_timestamp(1_709_164_800), "2024-02-29");
        assert_eq!(date_of_timestamp(951_782_400), "2000-02-29");
        assert_eq!(
            month_of_timestamp(1_709_164_800),
            Date::month_of(2024, 2).first_month()
        );
    }
}
