//! A seeded generator of bulletin-style articles, shared by `examples/gen-corpus.rs` and the
//! benchmarks. Every sentence, name and outlet list here is written for srcgraph; the
//! citation shapes follow the variants catalogued for real bulletins (one outlet and date,
//! several outlets sharing dates, `;`-parts, ranges, explicit years, day-month order,
//! abbreviated months, relays, cross-references to the bulletin's own issues, undated
//! outlets, prose attributions, and parentheses that are not citations).
//!
//! The output depends only on the seed and the requested size: the same arguments give the
//! same bytes on every machine.

#![allow(dead_code)]

use std::fmt::Write as _;

/// SplitMix64: a tiny, well-mixed, deterministic generator (no dependency needed).
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `percent`/100.
    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const OUTLETS: &[&str] = &[
    "Interfax",
    "ITAR-TASS",
    "Itar-Tass",
    "RIA Novosti",
    "NTV",
    "ORT",
    "Ekho Moskvy",
    "Kommersant",
    "Kommersant-Daily",
    "Nezavisimaya Gazeta",
    "Izvestiya",
    "Segodnya",
    "Krasnaya Zvezda",
    "Vedomosti",
    "Novaya Gazeta",
    "Lenta.ru",
    "Polit.ru",
    "Gazeta.ru",
    "AP",
    "Reuters",
    "AFP",
    "BBC",
    "Kyodo",
    "Yonhap",
    "Korea Herald",
    "JoongAng Ilbo",
    "Chosun Ilbo",
    "Xinhua",
    "Turan",
    "Trend",
    "Mediamax",
    "Arminfo",
    "Kazinform",
    "AKIpress",
    "24.kg",
    "Asia-Plus",
    "UNIAN",
    "Ukrayinska pravda",
    "BNS",
    "Basapress",
    "Flux",
    "Apsnypress",
    "Radio Liberty",
    "Washington Post",
    "Financial Times",
];

const COLLECTIVE: &[&str] = &[
    "Russian agencies",
    "Western agencies",
    "Russian TV and agencies",
    "Ukrainian media",
];

const MONTHS: &[&str] = &[
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

const SHORT_MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

const PEOPLE: &[&str] = &[
    "the defense minister",
    "the prime minister",
    "a senior diplomat",
    "the governor",
    "the opposition leader",
    "the central bank chairman",
    "the foreign minister",
    "a presidential aide",
    "the speaker of parliament",
    "the energy minister",
    "the mayor of the capital",
    "a regional prosecutor",
    "the head of the customs service",
];

const PLACES: &[&str] = &[
    "Moscow",
    "Kyiv",
    "Baku",
    "Tbilisi",
    "Yerevan",
    "Almaty",
    "Bishkek",
    "Dushanbe",
    "Tashkent",
    "Minsk",
    "Chisinau",
    "Vilnius",
    "Riga",
    "Tallinn",
    "Seoul",
    "Tokyo",
    "Beijing",
    "Grozny",
    "Makhachkala",
    "Vladivostok",
];

const TOPICS: &[&str] = &[
    "the pipeline agreement",
    "the draft budget",
    "the border talks",
    "the gas price dispute",
    "the privatization program",
    "the new electoral law",
    "the military reform plan",
    "the customs union",
    "the grain export quota",
    "the debt restructuring deal",
    "the railway concession",
    "the fisheries accord",
    "the hydropower project",
];

const VERBS: &[&str] = &[
    "said that",
    "insisted that",
    "warned that",
    "confirmed that",
    "denied that",
    "suggested that",
    "told reporters that",
    "conceded that",
];

const CLAUSES: &[&str] = &[
    "{topic} would be signed before the end of the month",
    "{topic} had run into fresh objections from {place}",
    "officials in {place} were no longer prepared to wait",
    "{topic} looked unlikely to survive another round of amendments",
    "a compromise on {topic} had been reached late on Friday",
    "the delegation from {place} had left the talks early",
    "the cost of {topic} had doubled since the spring",
    "{topic} would be put to a vote in {place} next week",
    "nobody in {place} expected a breakthrough on {topic}",
    "the government would publish {topic} in full",
];

const FILLERS: &[&str] = &[
    "The announcement caught most observers by surprise.",
    "Few details were made public.",
    "Analysts in {place} were divided over what the move meant.",
    "The reaction in {place} was muted.",
    "It was the third such statement this month.",
    "Opposition deputies called the decision premature.",
    "Markets barely reacted to the news.",
    "The issue has divided the ruling coalition for more than a year.",
];

const ASIDES: &[&str] = &[
    " (NATO)",
    " (OSCE)",
    " (parliament)",
    " (over 60 years old)",
    " (see below)",
    " (around US$148 million)",
    " (SEE NOTE)",
    " (the second in two years)",
];

const PROSE: &[&str] = &[
    "The news agency {outlet} reported on {date} that",
    "According to {outlet},",
    "As reported by {outlet},",
    "A military source told {outlet} on {date} that",
    "One unnamed diplomatic source was quoted as saying that",
    "Well-informed sources in {place} said that",
];

const TITLES: &[&str] = &[
    "TALKS STALL AGAIN",
    "NEW ROW OVER GAS",
    "BUDGET VOTE DELAYED",
    "A SURPRISE RESIGNATION",
    "PIPELINE DEAL IN DOUBT",
    "BORDER TALKS RESUME",
    "REFORM PLAN UNVEILED",
];

/// Publications with the year of volume 1 (so `Volume: V` dates the issue).
const PUBLICATIONS: &[(&str, &str, i32)] = &[
    ("Monitor", "the Monitor", 1995),
    ("Eurasia Daily Monitor", "EDM", 2004),
    ("Chechnya Weekly", "Chechnya Weekly", 2000),
];

struct Day {
    month: usize,
    day: usize,
}

fn day(rng: &mut Rng, month: usize) -> Day {
    Day {
        month,
        day: 1 + rng.below(25),
    }
}

/// One date expression in a random style.
fn date_text(rng: &mut Rng, month: usize, year: i32) -> String {
    let d = day(rng, month);
    let m = MONTHS[d.month];
    match rng.below(12) {
        0 => format!("{m} {}, {}", d.day, d.day + 2),
        1 => format!("{m} {}-{}", d.day, d.day + 1),
        2 => format!("{m} {} through {}", d.day, d.day + 3),
        3 => format!("{} {m}", d.day),
        4 => format!("{} {}", SHORT_MONTHS[d.month], d.day),
        5 => format!("{m} {}, {}", d.day, year - 1),
        6 => format!("{} {m} {}", d.day, year),
        7 => format!("{m} {} and {}", d.day, d.day + 1),
        _ => format!("{m} {}", d.day),
    }
}

/// The header date (`(month 0-11, day)`) of issue `issue` (1-250) of a year.
fn issue_day(issue: usize) -> (usize, usize) {
    const DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut d = (issue.max(1) - 1) * 365 / 250;
    for (m, &len) in DAYS.iter().enumerate() {
        if d < len {
            return (m, d + 1);
        }
        d -= len;
    }
    (11, 31)
}

/// One `;`-part of a citation group. `dated`: the issue number of an article with a
/// `Date:` header, whose cross-references then name days of earlier issues.
fn part(rng: &mut Rng, month: usize, year: i32, own: &str, dated: Option<usize>) -> String {
    let mut date = date_text(rng, month, year);
    if let Some(issue) = dated {
        let (m, d) = issue_day(issue.saturating_sub(1 + rng.below(20)).max(1));
        date = format!("{} {d}", MONTHS[m]);
    }
    match rng.below(20) {
        0 => format!("{}, {}, {date}", rng.pick(OUTLETS), rng.pick(OUTLETS)),
        1 => format!("{}, {date}", rng.pick(COLLECTIVE)),
        2 => format!(
            "{}, {date}, as cited by {}",
            rng.pick(OUTLETS),
            rng.pick(OUTLETS)
        ),
        3 => format!(
            "{}, citing a report by {}, {date}",
            rng.pick(OUTLETS),
            rng.pick(OUTLETS)
        ),
        4 => format!("see {own}, {date}"),
        5 => format!("see also {own}, {date}"),
        _ => format!("{}, {date}", rng.pick(OUTLETS)),
    }
}

fn fill(rng: &mut Rng, template: &str, month: usize) -> String {
    let mut s = template.to_string();
    for (key, list) in [
        ("{topic}", TOPICS),
        ("{place}", PLACES),
        ("{outlet}", OUTLETS),
    ] {
        while let Some(i) = s.find(key) {
            s.replace_range(i..i + key.len(), rng.pick(list));
        }
    }
    if let Some(i) = s.find("{date}") {
        let d = day(rng, month);
        s.replace_range(i..i + 6, &format!("{} {}", MONTHS[d.month], d.day));
    }
    s
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn sentence(rng: &mut Rng, month: usize) -> String {
    if rng.chance(25) {
        let t = rng.pick(FILLERS);
        return fill(rng, t, month);
    }
    let lead = if rng.chance(15) {
        let t = rng.pick(PROSE);
        fill(rng, t, month)
    } else {
        format!("{} {}", capitalize(rng.pick(PEOPLE)), rng.pick(VERBS))
    };
    let t = rng.pick(CLAUSES);
    let mut clause = fill(rng, t, month);
    if rng.chance(8) {
        clause.push_str(rng.pick(ASIDES));
    }
    format!("{lead} {clause}.")
}

fn paragraph(
    rng: &mut Rng,
    out: &mut String,
    month: usize,
    year: i32,
    own: &str,
    dated: Option<usize>,
) {
    let n = 3 + rng.below(5);
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let s = sentence(rng, month);
        // Most paragraphs close with a citation group; some cite mid-paragraph too.
        let last = i + 1 == n;
        if (last && rng.chance(80)) || (!last && rng.chance(10)) {
            let parts: Vec<String> = (0..1 + rng.below(3))
                .map(|_| part(rng, month, year, own, dated))
                .collect();
            let body = s.trim_end_matches('.');
            let _ = write!(out, "{body} ({}).", parts.join("; "));
        } else if last && rng.chance(5) {
            let _ = write!(out, "{s} ({})", rng.pick(OUTLETS));
        } else {
            out.push_str(&s);
        }
    }
    out.push_str("\n\n");
}

/// Append article number `n` to `out`; `dated` gives its header a `Date:` (the day of its
/// issue) and points its cross-references at earlier issues.
pub(crate) fn article(rng: &mut Rng, out: &mut String, n: usize, dated: bool) {
    let (publication, own, first_year) = PUBLICATIONS[rng.below(PUBLICATIONS.len())];
    let volume = 1 + n / 250;
    let issue = 1 + n % 250;
    let year = first_year + volume as i32 - 1;
    let month = (issue * 12 / 251).min(11);
    if rng.chance(70) {
        let _ = writeln!(out, "{}\n", rng.pick(TITLES));
    }
    let _ = write!(
        out,
        "Publication: {publication} Volume: {volume} Issue: {issue}"
    );
    if dated {
        let (m, d) = issue_day(issue);
        let _ = write!(out, " Date: {year}-{:02}-{d:02}", m + 1);
    }
    out.push_str("\n\n");
    for _ in 0..6 + rng.below(8) {
        paragraph(rng, out, month, year, own, dated.then_some(issue));
    }
}

/// A corpus of `articles` articles (`dated`: with `Date:` headers, see [`article`]).
pub(crate) fn corpus_with(seed: u64, articles: usize, dated: bool) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(articles * 5200);
    for n in 0..articles {
        article(&mut rng, &mut out, n, dated);
    }
    out
}

/// A corpus of `articles` articles.
pub(crate) fn corpus(seed: u64, articles: usize) -> String {
    corpus_with(seed, articles, false)
}

/// A corpus of at least `bytes` bytes (whole articles).
pub(crate) fn corpus_of_size(seed: u64, bytes: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 8192);
    let mut n = 0;
    while out.len() < bytes {
        article(&mut rng, &mut out, n, false);
        n += 1;
    }
    out
}
