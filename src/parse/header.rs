//! Header fields as bulletins write them: volume and issue numbers (Arabic or Roman) and
//! the date.

use super::*;

/// A volume or issue number as a header writes it: "12", "No. 12", or in Roman numerals
/// ("VIII").
pub(super) fn header_number(value: &str) -> Option<u32> {
    let v = value.trim().trim_start_matches("No.").trim();
    v.parse::<u32>().ok().or_else(|| roman(v))
}

/// The value of a Roman numeral up to 3999 ("VIII" = 8), strictly formed.
fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let digit = |c: u8| match c.to_ascii_uppercase() {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let values: Vec<u32> = s.bytes().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(&next) if next > v => total -= v as i64,
            _ => total += v as i64,
        }
    }
    let n = u32::try_from(total).ok().filter(|&n| n > 0)?;
    // Only the canonical spelling: "IIII" or "VX" are no numerals.
    (to_roman(n).eq_ignore_ascii_case(s)).then_some(n)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, r) in TABLE {
        while n >= v {
            out.push_str(r);
            n -= v;
        }
    }
    out
}

pub(super) fn parse_header_date(value: &str) -> Option<Date> {
    if let Ok(d) = value.trim().parse::<Date>() {
        return Some(d);
    }
    let cleaned = value.replace(',', " ");
    match date::parse_date_segment(&cleaned, 0)? {
        date::DateSegment::Dates(v) if v.len() == 1 && v[0].end.is_none() => {
            let p = v[0].start;
            Date::new(p.year?, p.month?, p.day?)
        }
        _ => None,
    }
}
