//! How each node and edge of the source graph looks: verdict colours (shared with the HTML
//! report and the charts), shapes of outlet kinds and prose sources, edge styles.

use super::lite::{Attr, plain_attr, text_attr};
use crate::analyze::Verdict;
use crate::graph::Edge;
use crate::model::{OutletKind, SourceType};

/// Colours (fill, border) of a verdict.
pub fn verdict_colours(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Unsourced => ("#ffcdd2", "#c62828"),
        Verdict::SelfReferenced => ("#bbdefb", "#1565c0"),
        Verdict::SingleSource => ("#ffe0b2", "#ef6c00"),
        Verdict::Corroborated => ("#c8e6c9", "#2e7d32"),
    }
}

/// Shape, fill and style of a source named in prose, by type.
pub fn source_look(k: SourceType) -> (&'static str, &'static str, &'static str) {
    match k {
        SourceType::Person => ("ellipse", "#fff9c4", "filled"),
        SourceType::OfficialBody => ("invhouse", "#e1bee7", "filled"),
        SourceType::Document => ("note", "#eeeeee", "filled"),
        SourceType::Anonymous => ("ellipse", "#ffffff", "dashed"),
        SourceType::Vague => ("ellipse", "#ffffff", "dotted"),
        SourceType::Outlet | SourceType::SelfRef => ("box", "#ffffff", "solid"),
    }
}

/// The name of a source type for labels ("official body").
pub fn source_type_name(k: SourceType) -> String {
    k.as_str().replace('_', " ")
}

/// Graphviz shape of an outlet kind.
pub fn kind_shape(k: OutletKind) -> &'static str {
    match k {
        OutletKind::Agency => "box",
        OutletKind::Newspaper => "note",
        OutletKind::Magazine => "tab",
        OutletKind::Television => "hexagon",
        OutletKind::Radio => "octagon",
        OutletKind::Online => "component",
        OutletKind::Official => "house",
        OutletKind::Collective => "folder",
        OutletKind::Bulletin => "doubleoctagon",
        OutletKind::Other => "ellipse",
        OutletKind::Unknown => "ellipse",
    }
}

/// How each kind of edge is drawn, and what the legend calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum EdgeLook {
    Cites,
    CitesRelayed,
    CitesImplied,
    Relays,
    CrossReference,
    Attributes,
    Contains,
    OnDate,
}

impl EdgeLook {
    pub(super) fn of(e: &Edge) -> EdgeLook {
        match e {
            Edge::Cites(c) if c.implied => EdgeLook::CitesImplied,
            Edge::Cites(c) if !c.relays.is_empty() => EdgeLook::CitesRelayed,
            Edge::Cites(_) => EdgeLook::Cites,
            Edge::Relays { .. } => EdgeLook::Relays,
            Edge::CrossReference(_) => EdgeLook::CrossReference,
            Edge::Attributes(_) => EdgeLook::Attributes,
            Edge::Contains => EdgeLook::Contains,
            Edge::OnDate => EdgeLook::OnDate,
        }
    }

    pub(super) fn attrs(self) -> Vec<Attr<'static>> {
        match self {
            EdgeLook::Cites => vec![],
            EdgeLook::CitesRelayed => vec![text_attr("style", "dashed")],
            EdgeLook::CitesImplied => vec![text_attr("style", "dotted")],
            EdgeLook::Relays => vec![text_attr("style", "dashed"), text_attr("color", "#6a1b9a")],
            EdgeLook::CrossReference => {
                vec![text_attr("style", "dotted"), text_attr("color", "#1565c0")]
            }
            EdgeLook::Attributes => {
                vec![text_attr("style", "dashed"), text_attr("color", "#558b2f")]
            }
            EdgeLook::Contains => vec![
                text_attr("style", "dotted"),
                plain_attr("arrowhead", "none"),
            ],
            EdgeLook::OnDate => vec![
                text_attr("color", "#bdbdbd"),
                plain_attr("arrowhead", "none"),
            ],
        }
    }

    pub(super) fn meaning(self) -> &'static str {
        match self {
            EdgeLook::Cites => "cites",
            EdgeLook::CitesRelayed => "cites a carrier",
            EdgeLook::CitesImplied => "cites (outlet from the prose)",
            EdgeLook::Relays => "relays",
            EdgeLook::CrossReference => "see an earlier issue",
            EdgeLook::Attributes => "named in the prose",
            EdgeLook::Contains => "article holds claim",
            EdgeLook::OnDate => "on date",
        }
    }

    pub(super) fn id(self) -> &'static str {
        match self {
            EdgeLook::Cites => "cites",
            EdgeLook::CitesRelayed => "cites_relayed",
            EdgeLook::CitesImplied => "cites_implied",
            EdgeLook::Relays => "relays",
            EdgeLook::CrossReference => "see",
            EdgeLook::Attributes => "attributes",
            EdgeLook::Contains => "contains",
            EdgeLook::OnDate => "on_date",
        }
    }
}

/// Outlets of unknown or collective standing are drawn dashed.
pub(super) fn outlet_style(k: OutletKind) -> &'static str {
    if k == OutletKind::Collective || k == OutletKind::Unknown {
        "dashed"
    } else {
        "solid"
    }
}
