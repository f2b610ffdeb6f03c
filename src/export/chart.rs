//! Small SVG charts for `srcgraph stats --plot`: horizontal bars, a line over time and
//! stacked 100 % bars. Written directly (no plotting crate, no fonts needed); every text is
//! XML-escaped, characters XML forbids replaced by U+FFFD.

use std::fmt::Write as _;

const WIDTH: f64 = 860.0;
const FONT: &str = "font-family=\"Helvetica, Arial, sans-serif\"";

/// Text safe inside an SVG element or attribute: the XML writers' escaping
/// ([`super::interchange::xml_safe`], then quick-xml's).
fn xml(s: &str) -> String {
    quick_xml::escape::escape(super::interchange::xml_safe(s).as_str()).into_owned()
}

fn open(svg: &mut String, height: f64, title: &str) {
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\">\n\
         <title>{t}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n\
         <text x=\"16\" y=\"26\" {FONT} font-size=\"16\" font-weight=\"bold\">{t}</text>\n",
        t = xml(title)
    );
}

/// Horizontal bars, one per `(label, value)`, longest first as given; `unit` follows each
/// value.
pub fn bars(title: &str, items: &[(String, f64)], unit: &str) -> String {
    let row = 22.0;
    let (left, top) = (230.0, 44.0);
    let height = top + row * items.len() as f64 + 20.0;
    let max = items.iter().map(|i| i.1).fold(0.0, f64::max).max(1e-9);
    let span = WIDTH - left - 110.0;
    let mut svg = String::new();
    open(&mut svg, height, title);
    for (i, (label, value)) in items.iter().enumerate() {
        let y = top + row * i as f64;
        let w = (value / max * span).max(0.5);
        let _ = writeln!(
            svg,
            "<text x=\"{x}\" y=\"{ty}\" {FONT} font-size=\"12\" text-anchor=\"end\">{l}</text>\
             <rect x=\"{left}\" y=\"{y}\" width=\"{w:.1}\" height=\"{h}\" fill=\"#4e79a7\"/>\
             <text x=\"{vx:.1}\" y=\"{ty}\" {FONT} font-size=\"11\">{v} {u}</text>",
            x = left - 8.0,
            ty = y + 14.0,
            l = xml(label),
            h = row - 6.0,
            vx = left + w + 6.0,
            v = value,
            u = xml(unit)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// A line of shares (0–1) over ordered labels, with a 0–100 % axis.
pub fn share_line(title: &str, points: &[(String, f64)]) -> String {
    let height = 360.0;
    let (left, right, top, bottom) = (56.0, 24.0, 48.0, 64.0);
    let plot_w = WIDTH - left - right;
    let plot_h = height - top - bottom;
    let mut svg = String::new();
    open(&mut svg, height, title);
    for k in 0..=4 {
        let y = top + plot_h * (1.0 - f64::from(k) / 4.0);
        let _ = writeln!(
            svg,
            "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{x2:.1}\" y2=\"{y:.1}\" stroke=\"#dddddd\"/>\
             <text x=\"{tx}\" y=\"{ty:.1}\" {FONT} font-size=\"11\" text-anchor=\"end\">{p}%</text>",
            x2 = left + plot_w,
            tx = left - 6.0,
            ty = y + 4.0,
            p = k * 25
        );
    }
    let step = if points.len() > 1 {
        plot_w / (points.len() - 1) as f64
    } else {
        0.0
    };
    let xy = |i: usize, v: f64| {
        (
            left + step * i as f64,
            top + plot_h * (1.0 - v.clamp(0.0, 1.0)),
        )
    };
    let path: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, (_, v))| {
            let (x, y) = xy(i, *v);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let _ = writeln!(
        svg,
        "<polyline fill=\"none\" stroke=\"#e15759\" stroke-width=\"2\" points=\"{}\"/>",
        path.join(" ")
    );
    let every = points.len().div_ceil(12).max(1);
    for (i, (label, v)) in points.iter().enumerate() {
        let (x, y) = xy(i, *v);
        let _ = writeln!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.5\" fill=\"#e15759\"><title>{l}: {p:.1}%</title></circle>",
            l = xml(label),
            p = v * 100.0
        );
        if i % every == 0 {
            let _ = writeln!(
                svg,
                "<text x=\"{x:.1}\" y=\"{ty:.1}\" {FONT} font-size=\"11\" text-anchor=\"middle\">{l}</text>",
                ty = top + plot_h + 18.0,
                l = xml(label)
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

/// Stacked 100 % bars: one row per `(label, counts)`, segments coloured by `series`
/// (`(name, colour)`, in the order of the counts), with a legend.
pub fn stacked(title: &str, rows: &[(String, Vec<usize>)], series: &[(&str, &str)]) -> String {
    let row = 24.0;
    let (left, top) = (230.0, 70.0);
    let span = WIDTH - left - 40.0;
    let height = top + row * rows.len() as f64 + 20.0;
    let mut svg = String::new();
    open(&mut svg, height, title);
    let mut lx = 16.0;
    for (name, colour) in series {
        let _ = writeln!(
            svg,
            "<rect x=\"{lx}\" y=\"40\" width=\"12\" height=\"12\" fill=\"{colour}\"/>\
             <text x=\"{tx}\" y=\"50\" {FONT} font-size=\"12\">{n}</text>",
            tx = lx + 16.0,
            n = xml(name)
        );
        lx += 30.0 + 7.0 * name.len() as f64;
    }
    for (i, (label, counts)) in rows.iter().enumerate() {
        let y = top + row * i as f64;
        let total: usize = counts.iter().sum();
        let _ = writeln!(
            svg,
            "<text x=\"{x}\" y=\"{ty}\" {FONT} font-size=\"12\" text-anchor=\"end\">{l}</text>",
            x = left - 8.0,
            ty = y + 15.0,
            l = xml(label)
        );
        let mut x = left;
        for (k, &n) in counts.iter().enumerate() {
            if total == 0 || n == 0 {
                continue;
            }
            let w = n as f64 / total as f64 * span;
            let (name, colour) = series.get(k).copied().unwrap_or(("", "#999999"));
            let _ = writeln!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{h}\" fill=\"{colour}\"><title>{n} {name}</title></rect>",
                h = row - 6.0,
                name = xml(name)
            );
            x += w;
        }
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped() {
        let svg = bars("t", &[("Evil\"<x>&\u{7}".into(), 3.0)], "claims");
        assert!(svg.contains("Evil&quot;&lt;x&gt;&amp;\u{FFFD}"), "{svg}");
        assert!(!svg.contains("<x>"));
    }

    #[test]
    fn empty_inputs_still_make_a_picture() {
        for svg in [
            bars("none", &[], ""),
            share_line("none", &[]),
            stacked("none", &[], &[]),
        ] {
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        }
    }
}
