//! A minimal proleptic Gregorian calendar date: validity, day arithmetic and ISO 8601 text.
//!
//! Citation dates only need "is this a real day", "how many days apart" and `YYYY-MM-DD`, so
//! a 60-line type beats a date crate in build time. Day numbers use Howard Hinnant's
//! `days_from_civil` algorithm.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar day. Construct with [`Date::new`], which rejects days that do not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Number of days in `month` (1–12) of `year`; 0 for a month out of range.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, or `None` when the day does not exist (month 13, February 30, ...).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month) && (1..=9999).contains(&year))
            .then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn day_number(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `n` days since 1970-01-01, if its year is within 1–9999.
    pub fn from_day_number(n: i64) -> Option<Date> {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u8::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Date::new(year, month, day)
    }

    /// The date `days` later (or earlier, when negative).
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_day_number(self.day_number() + days)
    }
}

impl Date {
    /// `YYYY-MM-DD` as bytes (years are 1 to 9999): written without the formatting
    /// machinery, as every date of the JSON output is.
    fn iso_bytes(self) -> [u8; 10] {
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let y = self.year.unsigned_abs();
        let (m, d) = (u32::from(self.month), u32::from(self.day));
        [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.iso_bytes();
        f.write_str(std::str::from_utf8(&b).map_err(|_| fmt::Error)?)
    }
}

/// Why a `YYYY-MM-DD` string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an ISO date (YYYY-MM-DD): {0:?}")]
pub struct DateError(pub String);

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.to_string());
        let mut parts = s.splitn(3, '-');
        let mut next = || parts.next().ok_or_else(err);
        let (y, m, d) = (next()?, next()?, next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let year = y.parse().map_err(|_| err())?;
        let month = m.parse().map_err(|_| err())?;
        let day = d.parse().map_err(|_| err())?;
        Date::new(year, month, day).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let b = self.iso_bytes();
        match std::str::from_utf8(&b) {
            Ok(iso) => s.serialize_str(iso),
            Err(_) => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_text_is_the_padded_numbers() {
        for year in [1, 9, 10, 99, 100, 999, 1000, 1991, 2000, 2026, 9999] {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    let d = Date::new(year, month, day).expect("a day");
                    let want = format!("{year:04}-{month:02}-{day:02}");
                    assert_eq!(d.to_string(), want);
                    assert_eq!(
                        serde_json::to_string(&d).expect("JSON"),
                        format!("\"{want}\"")
                    );
                }
            }
        }
    }

    use super::*;

    #[test]
    fn validity() {
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2001, 4, 31).is_none());
        assert!(Date::new(2001, 13, 1).is_none());
        assert!(Date::new(2001, 1, 0).is_none());
    }

    #[test]
    fn day_numbers_round_trip() {
        for n in (-700_000..2_000_000).step_by(997) {
            let d = Date::from_day_number(n).expect("in range");
            assert_eq!(d.day_number(), n);
        }
        assert_eq!(Date::new(1970, 1, 1).map(Date::day_number), Some(0));
        assert_eq!(Date::new(2001, 3, 1).map(Date::day_number), Some(11_382));
    }

    #[test]
    fn iso_text() {
        let d: Date = "2001-04-20".parse().expect("valid");
        assert_eq!(d.to_string(), "2001-04-20");
        assert_eq!(
            d.add_days(12).map(|d| d.to_string()).as_deref(),
            Some("2001-05-02")
        );
        assert!("2001-4-20".parse::<Date>().is_err());
        assert!("2001-02-30".parse::<Date>().is_err());
    }
}
