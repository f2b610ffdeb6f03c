//! Which year a year-less date belongs to, and the resolution of written dates to ISO days.
//!
//! The article's year comes, in order of trust, from a date in its header, from a year the
//! caller gives, from the publication's volume number (Monitor volume 1 = 1995, ...), or,
//! as a last resort flagged by a diagnostic, from the explicit years in the article's own
//! text. With an (approximate) article date, a date more than 45 days after it belongs to the
//! previous year: December sources cited in a January issue.

use super::date::PartialDate;
use crate::calendar::Date;
use crate::model::YearSource;
use crate::outlets::PublicationInfo;

/// Days after the article date beyond which a year-less date is taken from the previous year.
pub const LOOKAHEAD_DAYS: i64 = 45;

/// The year context of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearContext {
    /// The year for year-less dates.
    pub year: Option<i32>,
    /// The article's date, exact or estimated from its issue number.
    pub anchor: Option<Date>,
    /// Where `year` came from.
    pub source: YearSource,
}

impl YearContext {
    /// No year known.
    pub const UNKNOWN: YearContext = YearContext {
        year: None,
        anchor: None,
        source: YearSource::Unknown,
    };

    /// From an exact article date.
    pub fn from_date(date: Date, source: YearSource) -> YearContext {
        YearContext {
            year: Some(date.year()),
            anchor: Some(date),
            source,
        }
    }

    /// From a publication's volume table: the year of `volume`, and an estimated date from
    /// the issue number when the publication says how many issues it has a year.
    pub fn from_volume(
        publication: &PublicationInfo,
        volume: u32,
        issue: Option<u32>,
    ) -> Option<YearContext> {
        let first = publication.first_volume_year?;
        let year = first
            .checked_add(i32::try_from(volume).ok()?)?
            .checked_sub(1)?;
        let jan1 = Date::new(year, 1, 1)?;
        let anchor = match (issue, publication.issues_per_year) {
            (Some(i), Some(per)) if per > 0 && i >= 1 && i <= per.saturating_mul(2) => {
                // Issue i appears about (i - 0.5) / per of the way through the year.
                let day = (i64::from(i) * 2 - 1) * 365 / (i64::from(per) * 2);
                jan1.add_days(day.min(364))
            }
            _ => None,
        };
        Some(YearContext {
            year: Some(year),
            anchor,
            source: YearSource::Volume,
        })
    }

    /// Without an article date, estimate one from the year-less dates the article cites:
    /// citations cluster in the weeks before publication, so the article is dated at the
    /// cited day that ends the largest gap-free stretch, when the largest gap between cited
    /// days (around the calendar circle) exceeds half a year. A report of March citing March
    /// days and one December day is thus anchored in March, and the December day falls in
    /// the previous year. With dates spread over the year no anchor is set.
    pub fn with_anchor_from(mut self, cited: impl IntoIterator<Item = (u8, u8)>) -> YearContext {
        let (None, Some(year)) = (self.anchor, self.year) else {
            return self;
        };
        let Some(jan1) = Date::new(year, 1, 1) else {
            return self;
        };
        let mut days: Vec<i64> = cited
            .into_iter()
            .filter_map(|(m, d)| Date::new(year, m, d))
            .map(|d| d.day_number() - jan1.day_number())
            .collect();
        days.sort_unstable();
        days.dedup();
        if days.len() < 2 {
            return self;
        }
        let gap_after = |i: usize| {
            let next = days.get(i + 1).copied().unwrap_or(days[0] + 365);
            next - days[i]
        };
        let (best, gap) = (0..days.len())
            .map(|i| (i, gap_after(i)))
            .max_by_key(|&(i, g)| (g, std::cmp::Reverse(i)))
            .unwrap_or((0, 0));
        if gap > 182 {
            self.anchor = jan1.add_days(days[best]);
        }
        self
    }

    /// The year a month/day without a year belongs to.
    fn year_for(&self, month: u8, day: u8) -> Option<i32> {
        let year = self.year?;
        if let Some(anchor) = self.anchor
            && let Some(d) = Date::new(year, month, day)
            && d.day_number() - anchor.day_number() > LOOKAHEAD_DAYS
        {
            return Some(year - 1);
        }
        Some(year)
    }
}

/// Why a written date has no ISO day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unresolved {
    /// The year is neither written nor known from the article.
    UnknownYear,
    /// No month could be found for the day.
    NoMonth,
    /// Month only; no day.
    NoDay,
    /// The day does not exist.
    Invalid,
}

/// Resolve a written date (or range) to ISO days.
///
/// A range's end takes the start's year; when that puts it before the start, the range runs
/// into the next year ("December 30-January 2").
pub fn resolve(
    ctx: &YearContext,
    start: PartialDate,
    end: Option<PartialDate>,
) -> Result<(Date, Option<Date>), Unresolved> {
    let s = resolve_point(ctx, start)?;
    let Some(e) = end else {
        return Ok((s, None));
    };
    let month = e.month.ok_or(Unresolved::NoMonth)?;
    let day = e.day.ok_or(Unresolved::NoDay)?;
    let mut year = e.year.unwrap_or(s.year());
    let mut end = Date::new(year, month, day).ok_or(Unresolved::Invalid)?;
    if end < s && e.year.is_none() {
        year += 1;
        end = Date::new(year, month, day).ok_or(Unresolved::Invalid)?;
    }
    Ok((s, (end != s).then_some(end)))
}

fn resolve_point(ctx: &YearContext, p: PartialDate) -> Result<Date, Unresolved> {
    let month = p.month.ok_or(Unresolved::NoMonth)?;
    let day = p.day.ok_or(Unresolved::NoDay)?;
    let year = match p.year {
        Some(y) => y,
        None => ctx.year_for(month, day).ok_or(Unresolved::UnknownYear)?,
    };
    Date::new(year, month, day).ok_or(Unresolved::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monitor() -> PublicationInfo {
        PublicationInfo {
            name: "Monitor".into(),
            aliases: vec![],
            first_volume_year: Some(1995),
            issues_per_year: Some(250),
        }
    }

    fn p(month: u8, day: u8) -> PartialDate {
        PartialDate {
            year: None,
            month: Some(month),
            day: Some(day),
        }
    }

    fn iso(ctx: &YearContext, start: PartialDate, end: Option<PartialDate>) -> String {
        match resolve(ctx, start, end) {
            Ok((s, Some(e))) => format!("{s}/{e}"),
            Ok((s, None)) => s.to_string(),
            Err(e) => format!("{e:?}"),
        }
    }

    #[test]
    fn volume_gives_year_and_estimated_date() {
        let ctx = YearContext::from_volume(&monitor(), 7, Some(79)).expect("known");
        assert_eq!(ctx.year, Some(2001));
        let anchor = ctx.anchor.expect("estimated");
        assert_eq!((anchor.year(), anchor.month()), (2001, 4));
        assert_eq!(iso(&ctx, p(4, 20), None), "2001-04-20");
    }

    #[test]
    fn december_in_january_issue_is_previous_year() {
        let ctx = YearContext::from_volume(&monitor(), 7, Some(3)).expect("known");
        assert_eq!(iso(&ctx, p(12, 28), None), "2000-12-28");
        assert_eq!(iso(&ctx, p(1, 4), None), "2001-01-04");
        let exact = YearContext::from_date(
            Date::new(1994, 3, 23).expect("valid"),
            YearSource::HeaderDate,
        );
        assert_eq!(iso(&exact, p(5, 7), None), "1994-05-07");
        assert_eq!(iso(&exact, p(5, 8), None), "1993-05-08");
    }

    #[test]
    fn anchor_from_clustered_citations() {
        let base = YearContext {
            year: Some(1994),
            anchor: None,
            source: YearSource::Text,
        };
        let ctx = base.with_anchor_from([(3, 14), (3, 21), (12, 29), (3, 18)]);
        assert_eq!(
            ctx.anchor.map(|d| d.to_string()).as_deref(),
            Some("1994-03-21")
        );
        assert_eq!(iso(&ctx, p(12, 29), None), "1993-12-29");
        assert_eq!(iso(&ctx, p(3, 14), None), "1994-03-14");
        let jan = base.with_anchor_from([(12, 28), (1, 3), (12, 29)]);
        assert_eq!(iso(&jan, p(12, 28), None), "1993-12-28");
        let spread = base.with_anchor_from([(2, 1), (5, 1), (8, 1), (11, 1)]);
        assert_eq!(spread.anchor, None);
        assert_eq!(base.with_anchor_from([(4, 1)]).anchor, None);
    }

    #[test]
    fn ranges_and_failures() {
        let ctx = YearContext::from_date(Date::new(2001, 4, 25).expect("valid"), YearSource::Given);
        assert_eq!(iso(&ctx, p(4, 17), Some(p(4, 18))), "2001-04-17/2001-04-18");
        assert_eq!(iso(&ctx, p(12, 30), Some(p(1, 2))), "2000-12-30/2001-01-02");
        assert_eq!(iso(&ctx, p(2, 30), None), "Invalid");
        assert_eq!(iso(&YearContext::UNKNOWN, p(4, 1), None), "UnknownYear");
        let explicit = PartialDate {
            year: Some(2000),
            ..p(7, 21)
        };
        assert_eq!(iso(&YearContext::UNKNOWN, explicit, None), "2000-07-21");
    }
}
