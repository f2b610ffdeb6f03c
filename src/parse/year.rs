//! Which year a year-less date belongs to, and the resolution of written dates to ISO days.
//!
//! The article's year comes, in order of trust, from a date in its header, from a year the
//! caller gives, from the publication's volume number (Monitor volume 1 = 1995, ...), or,
//! as a last resort flagged by a diagnostic, from the explicit years in the article's own
//! text. Against a date the text gives — the header's, or the day the article's own citations
//! cluster at — a date more than 45 days after it belongs to the previous year: December
//! sources cited in a January issue. An issue number only places an issue in the first weeks
//! of its volume (issue numbering drifts: skipped weeks, double issues), never later.

use super::date::PartialDate;
use crate::calendar::Date;
use crate::model::YearSource;
use crate::outlets::PublicationInfo;

/// Days after the article date beyond which a year-less date is taken from the previous year.
pub const LOOKAHEAD_DAYS: i64 = 45;

/// Days before an issue within which its citations cluster.
const CLUSTER_DAYS: i64 = 30;

/// Day of the year (from 0) of November 1 in a common year, at the latest.
const NOVEMBER_1: i64 = 304;

/// The year context of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearContext {
    /// The year for year-less dates.
    pub year: Option<i32>,
    /// The article's date as the text gives it: its header date, or the day its citations
    /// cluster at.
    pub anchor: Option<Date>,
    /// A date the citations give in full when the article's year is inferred from them:
    /// year-less dates are placed after it, or at most 45 days before it.
    pub near: Option<Date>,
    /// The issue number puts the issue in the first weeks of its volume's year.
    pub early: bool,
    /// Where `year` came from.
    pub source: YearSource,
}

impl YearContext {
    /// No year known.
    pub const UNKNOWN: YearContext = YearContext {
        year: None,
        anchor: None,
        near: None,
        early: false,
        source: YearSource::Unknown,
    };

    /// A year known with nothing else: from the caller, or from the text.
    pub fn from_year(year: i32, source: YearSource) -> YearContext {
        YearContext {
            year: Some(year),
            source,
            ..YearContext::UNKNOWN
        }
    }

    /// Year-less dates placed after `date`, a date the text gives in full, or at most 45
    /// days before it.
    pub fn near(date: Date) -> YearContext {
        YearContext {
            near: Some(date),
            ..YearContext::from_year(date.year(), YearSource::Text)
        }
    }

    /// From an exact article date.
    pub fn from_date(date: Date, source: YearSource) -> YearContext {
        YearContext {
            anchor: Some(date),
            ..YearContext::from_year(date.year(), source)
        }
    }

    /// From a publication's volume table: the year of `volume`, and whether the issue number
    /// puts the issue in the first twelfth of its year (when the publication says how many
    /// issues it has a year).
    pub fn from_volume(
        publication: &PublicationInfo,
        volume: u32,
        issue: Option<u32>,
    ) -> Option<YearContext> {
        let first = publication.first_volume_year?;
        let year = first
            .checked_add(i32::try_from(volume).ok()?)?
            .checked_sub(1)?;
        let early = match (issue, publication.issues_per_year) {
            (Some(i), Some(per)) => i >= 1 && i <= (per / 12).max(1),
            _ => false,
        };
        Some(YearContext {
            early,
            ..YearContext::from_year(year, YearSource::Volume)
        })
    }

    /// Without an article date, estimate one from the year-less dates the article cites:
    /// citations cluster in the weeks before publication, so the article is dated at the one
    /// cited day with the most cited days in the month before it (around the calendar
    /// circle); without such a day, at the cited day that ends the largest gap-free stretch,
    /// when the largest gap between cited days exceeds half a year. A report of March citing March
    /// days and one December day is thus anchored in March, and the December day falls in
    /// the previous year. With dates spread over the year no anchor is set, unless the issue
    /// is an early one of its volume and cites only November and December: then those are
    /// last year's.
    pub fn with_anchor_from(mut self, cited: impl IntoIterator<Item = (u8, u8)>) -> YearContext {
        let (None, None, Some(year)) = (self.anchor, self.near, self.year) else {
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
        if self.early && days.first().is_some_and(|&d| d >= NOVEMBER_1) {
            // An early issue citing only November and December: last year's days.
            self.anchor = jan1.add_days(14);
            return self;
        }
        if days.len() < 2 {
            return self;
        }
        // The day most cited days lead up to (within a month before it, around the calendar):
        // bulletins cite the days just before an issue.
        let lead_up = |i: usize| {
            days.iter()
                .filter(|&&d| (days[i] - d).rem_euclid(365) <= CLUSTER_DAYS)
                .count()
        };
        let counts: Vec<usize> = (0..days.len()).map(lead_up).collect();
        let most = counts.iter().copied().max().unwrap_or(0);
        let mut leaders = (0..days.len()).filter(|&i| counts[i] == most);
        if let (Some(only), None) = (leaders.next(), leaders.next())
            && most >= 2
        {
            self.anchor = jan1.add_days(days[only]);
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
        if self.anchor.is_none()
            && let Some(near) = self.near
        {
            // Dates written in full are behind the writer (why else write the year?): the
            // others lie after the latest of them, or at most 45 days before it.
            let after =
                |y: i32| Date::new(y, month, day).map(|d| d.day_number() - near.day_number());
            return (year - 1..=year + 1)
                .find(|&y| {
                    after(y).is_some_and(|a| (-LOOKAHEAD_DAYS..365 - LOOKAHEAD_DAYS).contains(&a))
                })
                .or(Some(year));
        }
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
    fn an_issue_number_never_moves_a_date_to_last_year_but_early_in_the_volume() {
        // Issue 150 of 250 is estimated in July; September days stay in its year.
        let mid = YearContext::from_volume(&monitor(), 7, Some(150)).expect("known");
        assert_eq!(mid.year, Some(2001));
        assert_eq!(mid.anchor, None);
        let mid = mid.with_anchor_from([(9, 13), (9, 10)]);
        assert_eq!(iso(&mid, p(9, 13), None), "2001-09-13");
        // Against the September days it cites, a December day is last year's.
        assert_eq!(iso(&mid, p(12, 30), None), "2000-12-30");
        // An early issue citing December only: last year.
        let early = YearContext::from_volume(&monitor(), 7, Some(3)).expect("known");
        assert!(early.early);
        let dec = early.with_anchor_from([(12, 28), (12, 29)]);
        assert_eq!(iso(&dec, p(12, 28), None), "2000-12-28");
        // ... and with January days too, the cluster decides.
        let both = early.with_anchor_from([(12, 28), (1, 4)]);
        assert_eq!(iso(&both, p(12, 28), None), "2000-12-28");
        assert_eq!(iso(&both, p(1, 4), None), "2001-01-04");
        // A late issue citing December: this year.
        let late = YearContext::from_volume(&monitor(), 7, Some(249)).expect("known");
        assert!(!late.early);
        assert_eq!(
            iso(&late.with_anchor_from([(12, 28)]), p(12, 28), None),
            "2001-12-28"
        );
    }

    #[test]
    fn december_in_january_issue_is_previous_year() {
        let exact = YearContext::from_date(
            Date::new(1994, 3, 23).expect("valid"),
            YearSource::HeaderDate,
        );
        assert_eq!(iso(&exact, p(5, 7), None), "1994-05-07");
        assert_eq!(iso(&exact, p(5, 8), None), "1993-05-08");
        let jan = YearContext::from_date(
            Date::new(2001, 1, 5).expect("valid"),
            YearSource::HeaderDate,
        );
        assert_eq!(iso(&jan, p(12, 28), None), "2000-12-28");
    }

    #[test]
    fn dates_given_in_full_place_the_others_after_them() {
        let sept = YearContext::near(Date::new(1993, 9, 18).expect("valid"));
        assert_eq!(iso(&sept, p(9, 2), None), "1993-09-02");
        assert_eq!(iso(&sept, p(11, 30), None), "1993-11-30");
        // Spring after an autumn written in full is the next spring.
        assert_eq!(iso(&sept, p(5, 3), None), "1994-05-03");
        let jan = YearContext::near(Date::new(1994, 1, 3).expect("valid"));
        assert_eq!(iso(&jan, p(12, 28), None), "1993-12-28");
        assert_eq!(iso(&jan, p(3, 17), None), "1994-03-17");
        let dec = YearContext::near(Date::new(1995, 12, 20).expect("valid"));
        assert_eq!(iso(&dec, p(1, 6), None), "1996-01-06");
        // The clustering of citations does not override it.
        assert_eq!(dec.with_anchor_from([(1, 6), (12, 1)]).anchor, None);
    }

    #[test]
    fn anchor_from_clustered_citations() {
        let base = YearContext::from_year(1994, YearSource::Text);
        let ctx = base.with_anchor_from([(3, 14), (3, 21), (12, 29), (3, 18)]);
        assert_eq!(
            ctx.anchor.map(|d| d.to_string()).as_deref(),
            Some("1994-03-21")
        );
        assert_eq!(iso(&ctx, p(12, 29), None), "1993-12-29");
        assert_eq!(iso(&ctx, p(3, 14), None), "1994-03-14");
        let jan = base.with_anchor_from([(12, 28), (1, 3), (12, 29)]);
        assert_eq!(iso(&jan, p(12, 28), None), "1993-12-28");
        // A December issue citing background from January: the December days date it.
        let dec = base.with_anchor_from([(11, 28), (11, 29), (12, 1), (1, 14)]);
        assert_eq!(
            dec.anchor.map(|d| d.to_string()).as_deref(),
            Some("1994-12-01")
        );
        assert_eq!(iso(&dec, p(1, 14), None), "1994-01-14");
        assert_eq!(iso(&dec, p(11, 28), None), "1994-11-28");
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
