//! Plain data passed between the pipeline's stages: articles, citation groups, references,
//! dates. No logic beyond small helpers; every type serializes to the JSON documented in
//! `docs/output-formats.md`.

use crate::calendar::Date;
use crate::diag::Diagnostic;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What sort of outlet a source is; drives shapes in graphs and independence rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum OutletKind {
    /// A news or wire agency (Interfax, AFP, Kyodo).
    Agency,
    /// A newspaper, daily or weekly (Kommersant, JoongAng Ilbo).
    Newspaper,
    /// A magazine or journal.
    Magazine,
    /// A television channel or broadcaster (NTV, KBS-1).
    Television,
    /// A radio station (Ekho Moskvy, Pyongyang radio).
    Radio,
    /// An online-only outlet or web site (Lenta.ru).
    Online,
    /// A government body, ministry or official site (kmu.gov.ua).
    Official,
    /// A vague plural such as "Russian agencies": several unnamed outlets, not one source.
    Collective,
    /// A bulletin that cross-references its own earlier issues (the Monitor, RFE/RL Newsline).
    Bulletin,
    /// A known source of another sort (a polling agency, an NGO).
    Other,
    /// Not in the knowledge base.
    #[default]
    Unknown,
}

impl fmt::Display for OutletKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One date or date range in a citation, as written and resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRef {
    /// The date as written, whitespace-normalised ("April 16", "20", "September 24-25").
    pub text: String,
    /// The resolved day (first day of a range); `null` when the year cannot be known.
    pub date: Option<Date>,
    /// Last day of a range, `null` for a single day.
    pub end: Option<Date>,
    /// Where the date is written.
    pub span: Span,
}

impl DateRef {
    /// The resolved day (`2001-04-20`) or range (`2001-04-17..2001-04-18`), or `None` when
    /// the date did not resolve.
    pub fn iso(&self) -> Option<String> {
        match (self.date, self.end) {
            (Some(s), Some(e)) => Some(format!("{s}..{e}")),
            (Some(s), None) => Some(s.to_string()),
            (None, _) => None,
        }
    }
}

/// One source named in a citation group: an outlet with the dates cited for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The outlet as written, whitespace-normalised, without "see"/"see also" and quotes;
    /// `""` when the group gives only dates.
    pub outlet: String,
    /// Canonical name from the knowledge base, or the outlet as written when unknown.
    pub canonical: String,
    /// What sort of outlet it is.
    pub kind: OutletKind,
    /// ISO country code from the knowledge base, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Independence group: outlets under one owner or relaying one wire share it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// True for a reference to the publication's own earlier issues.
    pub cross_reference: bool,
    /// Dates cited for this outlet.
    pub dates: Vec<DateRef>,
    /// Indices (into the group's `refs`) of the references this outlet relays: a carrier
    /// such as "…, as cited by Itar-Tass" points at its origins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relays: Vec<usize>,
    /// For a date-only group, the outlet named in the prose just before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied_outlet: Option<String>,
    /// Where the outlet name is written (an empty span where the outlet would stand when
    /// the group names none).
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column (characters) of `span.start`.
    pub column: usize,
}

/// A parenthetical group that cites sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// 0-based paragraph (blank-line-separated block) within the article.
    pub paragraph: usize,
    /// 1-based line of the opening parenthesis.
    pub line: usize,
    /// 1-based column (characters) of the opening parenthesis.
    pub column: usize,
    /// Bytes of the whole group, parentheses included.
    pub span: Span,
    /// Exact text between the parentheses.
    pub raw: String,
    /// The sources, in the order written.
    pub refs: Vec<SourceRef>,
}

/// Why a parenthetical group is not a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NonCitationReason {
    /// An abbreviation or a name glossing the words before it: "(ABM)", "Television (NTV)".
    Abbreviation,
    /// A pointer inside the publication: "(see below)", "(See Box 1)", "(Note 1)".
    Pointer,
    /// An image credit: "(Source: vvmvd.ru)".
    Credit,
    /// An editor's note or author line: "(NOTE: …)", "(AUTHOR: …)".
    Note,
    /// A bare number: footnote markers, area codes, years.
    Number,
    /// Too long to be a citation.
    TooLong,
    /// The target of a Markdown link, right after its text: `[Reuters](https://…)`.
    Link,
    /// Anything else: glosses, asides, whole sentences.
    Aside,
}

/// A parenthetical group that does not cite a source; kept so every group is accounted for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parenthetical {
    /// 0-based paragraph within the article.
    pub paragraph: usize,
    /// 1-based line of the opening parenthesis.
    pub line: usize,
    /// 1-based column of the opening parenthesis.
    pub column: usize,
    /// Bytes of the whole group, parentheses included.
    pub span: Span,
    /// Exact text between the parentheses.
    pub raw: String,
    /// Why it is not a citation.
    pub reason: NonCitationReason,
}

/// One `Key: value` field of an article header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderField {
    /// The key as written ("Publication", "Volume", ...).
    pub key: String,
    /// The value, trimmed.
    pub value: String,
}

/// Where the year used to resolve year-less dates came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum YearSource {
    /// A date in the header.
    HeaderDate,
    /// The publication's volume number and the volume table.
    Volume,
    /// A year given by the caller (`--year`).
    Given,
    /// Inferred from explicit years in the text (weak; a diagnostic says so).
    Text,
    /// Not known: year-less dates resolve to `null`.
    Unknown,
}

/// One article with everything parsed from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The input it came from (a path, or `<stdin>`).
    pub path: String,
    /// 0-based position of the article in its input.
    pub index: usize,
    /// Publication named in the header.
    pub publication: Option<String>,
    /// Volume number from the header.
    pub volume: Option<u32>,
    /// Issue number from the header.
    pub issue: Option<u32>,
    /// Publication date from the header.
    pub date: Option<Date>,
    /// Year used for year-less dates.
    pub year: Option<i32>,
    /// Where `year` came from.
    pub year_source: YearSource,
    /// All header fields as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<HeaderField>,
    /// Title: the first block when it is a short line of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Index into `paragraphs` of the header block, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_paragraph: Option<usize>,
    /// Index into `paragraphs` of the title block, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_paragraph: Option<usize>,
    /// 1-based line where the article starts.
    pub line: usize,
    /// Bytes of the whole article.
    pub span: Span,
    /// Spans of its paragraphs (blank-line-separated blocks), header and title included.
    pub paragraphs: Vec<Span>,
    /// Its citation groups, in text order.
    pub citations: Vec<Citation>,
    /// Parenthetical groups that are not citations, in text order.
    pub other_parentheses: Vec<Parenthetical>,
    /// Sources named in the running text, in text order.
    #[serde(default)]
    pub attributions: Vec<Attribution>,
    /// Problems met while parsing it.
    pub diagnostics: Vec<Diagnostic>,
    /// Its text, kept only on request (`srcgraph parse --with-text`): what judging needs to
    /// cut its claims and quote them without the input ([`crate::parsed`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<ArticleText>,
}

impl Article {
    /// The article without what is read from its prose — citations, other parentheses,
    /// attributions, diagnostics and text: what [`crate::parse::article_heads`] gives.
    pub fn head(&self) -> Article {
        Article {
            path: self.path.clone(),
            index: self.index,
            publication: self.publication.clone(),
            volume: self.volume,
            issue: self.issue,
            date: self.date,
            year: None,
            year_source: YearSource::Unknown,
            header: self.header.clone(),
            title: self.title.clone(),
            header_paragraph: self.header_paragraph,
            title_paragraph: self.title_paragraph,
            line: self.line,
            span: self.span,
            paragraphs: self.paragraphs.clone(),
            citations: Vec::new(),
            other_parentheses: Vec::new(),
            attributions: Vec::new(),
            diagnostics: Vec::new(),
            text: None,
        }
    }
}

/// The text of an article as the parser read it, kept with its parse so that the article
/// can be judged without its input (`srcgraph check --from-parsed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleText {
    /// Offset in the input of the text's first byte: the start of the article's first line
    /// (before the article's own start when something precedes it on that line, such as a
    /// byte-order mark).
    pub start: usize,
    /// The text from `start` to the end of the article's last line, line break excluded
    /// (for Markdown and HTML, what the markup shows, every byte in place, as spans index
    /// it).
    pub content: String,
    /// For input whose line breaks the markup moves (HTML): the same bytes as written in
    /// the input, in which lines and columns are counted. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// How much text one citation group supports.
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The text since the previous citation group, across paragraphs (bulletin writers cite
    /// at the end of a run of paragraphs).
    #[default]
    Run,
    /// The paragraph the group stands in.
    Paragraph,
    /// The sentence the group stands in.
    Sentence,
}

/// A claim: a stretch of an article's text and the citation groups that support it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// 0-based position among the article's claims.
    pub index: usize,
    /// The claim's text, its citation groups included.
    pub span: Span,
    /// 1-based line of the claim's first character.
    pub line: usize,
    /// 1-based column (characters) of the claim's first character.
    pub column: usize,
    /// First and last paragraph (inclusive) the claim covers.
    pub paragraphs: [usize; 2],
    /// Indices into the article's `citations` of the groups that support it.
    pub citations: Vec<usize>,
    /// The start of the claim, white space collapsed, cut to about 80 characters.
    pub excerpt: String,
}

/// Who or what the prose presents as a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceType {
    /// A news outlet ("the news agency Yonhap", "the newspaper").
    Outlet,
    /// A named person, or a role holder ("Foreign Minister Igor Ivanov").
    Person,
    /// A government body, ministry, party, court, or a capital as a metonym ("Pyongyang").
    OfficialBody,
    /// An unnamed individual ("one unnamed diplomatic source", "a senior official").
    Anonymous,
    /// Unnamed collectives and unspecified reports ("some reports", "Russian diplomatic sources").
    Vague,
    /// A statement, communiqué or other document.
    Document,
    /// The publication itself.
    SelfRef,
}

/// A source named in the running text, with the cue that presents it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// 0-based paragraph within the article.
    pub paragraph: usize,
    /// 1-based line of the source mention.
    pub line: usize,
    /// 1-based column of the source mention.
    pub column: usize,
    /// Bytes of the source mention.
    pub span: Span,
    /// The source as written, white space collapsed.
    pub text: String,
    /// What sort of source.
    #[serde(rename = "type")]
    pub kind: SourceType,
    /// Canonical outlet name, for outlets the knowledge base knows.
    pub canonical: Option<String>,
    /// The cue word or phrase ("said", "according to").
    pub cue: String,
    /// For a carrier ("Kyodo reported that the ministry denied …", "told Interfax"), the
    /// source it relays.
    pub citing: Option<String>,
    /// The earlier mention this one refers back to: a surname or role naming a person named
    /// before ("Kuchma", "the president" after "President Leonid Kuchma"), "the statement"
    /// after "the ministry's statement", "the agency" after "the news agency Interfax".
    /// Sources that refer to one mention count once.
    #[serde(default)]
    pub refers_to: Option<Antecedent>,
}

/// The first mention of a source that a later one refers back to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Antecedent {
    /// The mention as written, white space collapsed.
    pub text: String,
    /// Bytes of the mention.
    pub span: Span,
    /// 1-based line of the mention.
    pub line: usize,
    /// 1-based column of the mention.
    pub column: usize,
}

crate::names::named!(
    /// The lowercase name used in JSON and data files.
    OutletKind {
        Agency => "agency",
        Newspaper => "newspaper",
        Magazine => "magazine",
        Television => "television",
        Radio => "radio",
        Online => "online",
        Official => "official",
        Collective => "collective",
        Bulletin => "bulletin",
        Other => "other",
        Unknown => "unknown",
    }
);

crate::names::named!(
    /// The snake_case name used in JSON and output ("official_body").
    SourceType {
        Outlet => "outlet",
        Person => "person",
        OfficialBody => "official_body",
        Anonymous => "anonymous",
        Vague => "vague",
        Document => "document",
        SelfRef => "self",
    }
);
