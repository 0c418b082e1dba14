//! Calendar days (`2025-03-14`), as a cover letter is dated.
//!
//! Parsed strictly when the YAML is deserialized, so an impossible day
//! (`2025-02-30`) is reported by the loader at its line and column. A day
//! prints as `14 March 2025`: day, month name and year read the same to
//! readers on both sides of the Atlantic, where `03/14` would not.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One day of one month of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's length.
    pub day: u8,
}

impl Day {
    /// Parses `YYYY-MM-DD`, explaining what is wrong when it is not a real day.
    pub fn parse(text: &str) -> Result<Day, String> {
        let hint = "write the day as `YYYY-MM-DD`, e.g. `2025-03-14`";
        let parts: Vec<&str> = text.trim().split('-').collect();
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        let [year, month, day] = parts[..] else {
            return Err(format!("invalid day `{text}`: {hint}"));
        };
        if !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
            return Err(format!("invalid day `{text}`: {hint}"));
        }
        let number = |s: &str| s.parse::<u16>().unwrap_or(0);
        let (year, month, day) = (number(year), number(month) as u8, number(day) as u8);
        if !(1..=12).contains(&month) {
            return Err(format!(
                "invalid month {month} in `{text}`: months run from 01 to 12"
            ));
        }
        let length = month_length(year, month);
        if !(1..=length).contains(&day) {
            return Err(format!(
                "invalid day {day} in `{text}`: {} {year} has {length} days",
                MONTHS[usize::from(month - 1)]
            ));
        }
        Ok(Day { year, month, day })
    }
}

fn month_length(year: u16, month: u8) -> u8 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)
            .map_err(|_| de::Error::custom("expected a day written `YYYY-MM-DD` as a string"))?;
        Day::parse(&text).map_err(de::Error::custom)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl schemars::JsonSchema for Day {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "a day written `YYYY-MM-DD`",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_and_print_as_written() {
        let day = Day::parse("2025-03-14").unwrap();
        assert_eq!(day.to_string(), "2025-03-14");
        assert_eq!(Day::parse("2024-02-29").unwrap().day, 29);
    }

    #[test]
    fn impossible_days_are_refused_with_the_reason() {
        assert!(
            Day::parse("2025-02-29")
                .unwrap_err()
                .contains("has 28 days")
        );
        assert!(
            Day::parse("2025-13-01")
                .unwrap_err()
                .contains("invalid month 13")
        );
        for bad in ["2025-03", "14 March 2025", "2025-3-14", "2025-03-14-1", ""] {
            assert!(Day::parse(bad).is_err(), "{bad}");
        }
    }
}
