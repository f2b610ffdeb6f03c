//! The whole pipeline in one place: parse → claims → graph → analysis, for callers that want
//! the result rather than the stages.

use crate::analyze::{Report, analyze};
use crate::claims::segment_claims;
use crate::graph::{BuildOptions, SourceGraph, build};
use crate::input::Document;
use crate::memo::ParseMemo;
use crate::model::{Article, Claim, Scope};
use crate::outlets::Outlets;
use crate::parse::{ParseOptions, parse_document};
use crate::stream::{Chunk, rebase_article, rebase_claim};

/// Settings of every stage.
#[derive(Debug, Clone)]
pub struct Pipeline<'a> {
    /// The outlet knowledge base.
    pub outlets: &'a Outlets,
    /// Parsing options.
    pub parse: ParseOptions,
    /// How claims are cut.
    pub scope: Scope,
    /// Add date nodes to the graph.
    pub date_nodes: bool,
}

impl Default for Pipeline<'static> {
    fn default() -> Self {
        Pipeline {
            outlets: Outlets::builtin(),
            parse: ParseOptions::default(),
            scope: Scope::Run,
            date_nodes: false,
        }
    }
}

/// Articles with their claims, their graph and its analysis.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Parsed articles, in input order.
    pub articles: Vec<Article>,
    /// Claims of each article.
    pub claims: Vec<Vec<Claim>>,
    /// The source graph.
    pub graph: SourceGraph,
    /// What the analyses found.
    pub report: Report,
}

impl<'a> Pipeline<'a> {
    /// The options its graphs are built with: its outlets, scope and date nodes.
    pub fn build_options(&self) -> BuildOptions<'a> {
        BuildOptions {
            outlets: self.outlets,
            scope: self.scope,
            date_nodes: self.date_nodes,
        }
    }

    /// Parse a document and cut its articles into claims.
    pub fn read(&self, doc: &Document) -> (Vec<Article>, Vec<Vec<Claim>>) {
        let articles = parse_document(doc, self.outlets, &self.parse);
        let claims = self.claims_of(doc, &articles);
        (articles, claims)
    }

    /// The claims of each of `articles`, parsed from `doc`.
    fn claims_of(&self, doc: &Document, articles: &[Article]) -> Vec<Vec<Claim>> {
        use rayon::prelude::*;
        articles
            .par_iter()
            .map(|a| segment_claims(a, &doc.text, &doc.lines, self.scope))
            .collect()
    }

    /// Parse a chunk of an input (or take the articles it carries already parsed) and cut
    /// its articles into claims, everything in input coordinates (so chunks of one input can
    /// be analysed together, without their text).
    pub fn read_chunk(&self, chunk: &mut Chunk) -> (Vec<Article>, Vec<Vec<Claim>>) {
        self.read_chunk_with(chunk, None)
    }

    /// [`Pipeline::read_chunk`], taking the parse from `memo` when an earlier reading kept
    /// it there.
    pub(crate) fn read_chunk_with(
        &self,
        chunk: &mut Chunk,
        memo: Option<&ParseMemo>,
    ) -> (Vec<Article>, Vec<Vec<Claim>>) {
        use rayon::prelude::*;
        if chunk.articles.is_none()
            && let Some(kept) = memo.and_then(|m| m.recall(chunk))
        {
            return kept;
        }
        let (mut articles, mut claims) = match chunk.articles.take() {
            Some(mut articles) => {
                // Parsed elsewhere, perhaps with the prose read: as parsed here.
                if self.parse.citations_only {
                    for a in &mut articles {
                        a.attributions.clear();
                    }
                }
                let claims = self.claims_of(&chunk.doc, &articles);
                (articles, claims)
            }
            None => self.read(&chunk.doc),
        };
        articles
            .par_iter_mut()
            .zip(claims.par_iter_mut())
            .for_each(|(a, cs)| {
                rebase_article(a, chunk.offset);
                for c in cs {
                    rebase_claim(c, chunk.offset);
                }
            });
        (articles, claims)
    }

    /// Build the graph of articles already read, and analyse it.
    pub fn analyze(&self, articles: Vec<Article>, claims: Vec<Vec<Claim>>) -> Analysis {
        let graph = build(&articles, &claims, &self.build_options());
        let report = analyze(&graph, &articles);
        Analysis {
            articles,
            claims,
            graph,
            report,
        }
    }

    /// Read and analyse documents together (cross-references between them resolve).
    pub fn run(&self, docs: &[Document]) -> Analysis {
        let mut articles = Vec::new();
        let mut claims = Vec::new();
        for d in docs {
            let (a, c) = self.read(d);
            articles.extend(a);
            claims.extend(c);
        }
        self.analyze(articles, claims)
    }

    /// The source graph of one text (handy in examples and tests).
    pub fn graph_of_text(&self, name: &str, text: &str) -> SourceGraph {
        self.run(&[Document::from_text(name, text)]).graph
    }
}
