//! `word/numbering.xml`: the numbers Word displays but does not store in the text.
//!
//! Drafting templates often number articles and paragraphs automatically ("Article %1",
//! "%2.", "(%3)"); without those numbers a document has no article headings at all. This
//! module replays Word's counters: one set of counters per abstract list, a level's
//! counter advancing on each numbered paragraph and resetting the deeper levels, a
//! `w:startOverride` restarting a list instance on its first use. Formats: decimal,
//! letters, Roman numerals, English number words, bullets and none.

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{val, xml_error};
use crate::error::Result;

const LEVELS: usize = 9;

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// What follows the number: a tab (the default, read as a space), a space, nothing.
    suffix: &'static str,
    /// Legal numbering: every level shown in decimal.
    legal: bool,
}

#[derive(Debug, Default)]
struct Instance {
    abstract_id: String,
    overrides: Vec<(usize, u32)>,
}

/// The lists of a document and the counters of those in use.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    instances: HashMap<String, Instance>,
    counters: HashMap<String, [Option<u32>; LEVELS]>,
    started: HashSet<String>,
}

impl Numbering {
    /// The number text of the next paragraph of list `num_id` at level `ilvl` (with the
    /// separator that follows it), advancing the counters; `None` when the list is unknown.
    pub(crate) fn next(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let instance = self.instances.get(num_id)?;
        let levels = self.abstracts.get(&instance.abstract_id)?;
        let level = levels.get(ilvl.min(LEVELS - 1))?;
        let counters = self
            .counters
            .entry(instance.abstract_id.clone())
            .or_insert([None; LEVELS]);
        if self.started.insert(num_id.to_owned()) {
            for &(l, start) in &instance.overrides {
                if l < LEVELS {
                    counters[l] = start.checked_sub(1);
                }
            }
        }
        let ilvl = ilvl.min(LEVELS - 1);
        counters[ilvl] = Some(counters[ilvl].map_or(level.start, |c| c.saturating_add(1)));
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        if level.format == "bullet" {
            let bullet: String = level
                .text
                .chars()
                .map(|c| {
                    if ('\u{f000}'..='\u{f0ff}').contains(&c) {
                        '•'
                    } else {
                        c
                    }
                })
                .collect();
            return Some(format!("{bullet}{}", level.suffix));
        }
        let mut text = level.text.clone();
        for (l, lvl) in levels.iter().enumerate().take(LEVELS).rev() {
            let placeholder = format!("%{}", l + 1);
            if text.contains(&placeholder) {
                let value = counters[l].unwrap_or(lvl.start);
                let format = if level.legal { "decimal" } else { &lvl.format };
                text = text.replace(&placeholder, &format_number(value, format));
            }
        }
        Some(format!("{text}{}", level.suffix))
    }
}

/// `value` written in a Word number format.
fn format_number(value: u32, format: &str) -> String {
    match format {
        "none" => String::new(),
        "decimalZero" => format!("{value:02}"),
        "lowerLetter" => letters(value).to_lowercase(),
        "upperLetter" => letters(value),
        "lowerRoman" => crate::roman::to_roman(value).to_lowercase(),
        "upperRoman" => crate::roman::to_roman(value),
        "ordinal" => {
            let suffix = match (value % 10, value % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{value}{suffix}")
        }
        "cardinalText" | "ordinalText" => words(value, format == "ordinalText"),
        _ => value.to_string(),
    }
}

/// A, B, … Z, AA, BB, … as Word letters lists.
fn letters(value: u32) -> String {
    if value == 0 {
        return String::new();
    }
    let letter = char::from(b'A' + ((value - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((value - 1) / 26 + 1) as usize).collect()
}

/// "One" … "Twenty" or "First" … "Twentieth"; larger numbers in digits.
fn words(value: u32, ordinal: bool) -> String {
    const CARDINAL: [&str; 20] = [
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Eleven",
        "Twelve",
        "Thirteen",
        "Fourteen",
        "Fifteen",
        "Sixteen",
        "Seventeen",
        "Eighteen",
        "Nineteen",
        "Twenty",
    ];
    const ORDINAL: [&str; 20] = [
        "First",
        "Second",
        "Third",
        "Fourth",
        "Fifth",
        "Sixth",
        "Seventh",
        "Eighth",
        "Ninth",
        "Tenth",
        "Eleventh",
        "Twelfth",
        "Thirteenth",
        "Fourteenth",
        "Fifteenth",
        "Sixteenth",
        "Seventeenth",
        "Eighteenth",
        "Nineteenth",
        "Twentieth",
    ];
    let table = if ordinal { &ORDINAL } else { &CARDINAL };
    match value.checked_sub(1).and_then(|i| table.get(i as usize)) {
        Some(w) => (*w).to_owned(),
        None => value.to_string(),
    }
}

/// Reads `word/numbering.xml` (`label` names it in errors).
pub(crate) fn read(xml: &str, label: &str) -> Result<Numbering> {
    let mut reader = Reader::from_str(xml);
    let mut numbering = Numbering::default();
    let mut abstract_levels: Option<(String, Vec<Level>)> = None;
    let mut level: Option<(usize, Level)> = None;
    let mut instance: Option<(String, Instance)> = None;
    let mut override_level: Option<usize> = None;
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(label, xml, reader.error_position(), e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &str| {
                    e.attributes().flatten().find_map(|a| {
                        (a.key.local_name().as_ref() == name).then(|| a.value.into_owned())
                    })
                };
                match e.local_name().as_ref() {
                    "abstractNum" => {
                        abstract_levels = attr("abstractNumId").map(|id| (id, Vec::new()));
                    }
                    "lvl" if abstract_levels.is_some() => {
                        let ilvl = attr("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        let fresh = Level {
                            start: 1,
                            format: "decimal".to_owned(),
                            suffix: " ",
                            ..Level::default()
                        };
                        level = Some((ilvl, fresh));
                    }
                    "start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = val(e).and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), val(e)) {
                            l.format = v;
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = val(e).unwrap_or_default();
                        }
                    }
                    "suff" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.suffix = match val(e).as_deref() {
                                Some("nothing") => "",
                                _ => " ",
                            };
                        }
                    }
                    "isLgl" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.legal = val(e).is_none_or(|v| v != "0" && v != "false");
                        }
                    }
                    "num" => {
                        instance = attr("numId").map(|id| (id, Instance::default()));
                    }
                    "abstractNumId" => {
                        if let (Some((_, i)), Some(v)) = (instance.as_mut(), val(e)) {
                            i.abstract_id = v;
                        }
                    }
                    "lvlOverride" => {
                        override_level = attr("ilvl").and_then(|v| v.parse().ok());
                    }
                    "startOverride" => {
                        let start = val(e).and_then(|v| v.parse().ok());
                        if let (Some((_, i)), Some(l), Some(s)) =
                            (instance.as_mut(), override_level, start)
                        {
                            i.overrides.push((l, s));
                        }
                    }
                    _ => {}
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some((ilvl, l)), Some((_, levels))) =
                            (level.take(), abstract_levels.as_mut())
                        {
                            if ilvl < LEVELS {
                                if levels.len() <= ilvl {
                                    levels.resize(ilvl + 1, Level::default());
                                }
                                levels[ilvl] = l;
                            }
                        }
                    }
                    "abstractNum" => {
                        if let Some((id, levels)) = abstract_levels.take() {
                            numbering.abstracts.insert(id, levels);
                        }
                    }
                    "num" => {
                        if let Some((id, i)) = instance.take() {
                            numbering.instances.insert(id, i);
                        }
                    }
                    "lvlOverride" => override_level = None,
                    _ => {}
                }
            }
            Event::Eof => {
                if depth > 0 {
                    return Err(xml_error(
                        label,
                        xml,
                        reader.buffer_position(),
                        "the part ends inside an element",
                    ));
                }
                return Ok(numbering);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%4"/><w:isLgl/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="CHAPTER %1"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

    #[test]
    fn counters_advance_reset_and_restart() {
        let mut n = read(XML, "numbering.xml").unwrap();
        let mut next = |id: &str, l: usize| n.next(id, l).unwrap_or_else(|| "?".into());
        assert_eq!(next("2", 0), "CHAPTER I ");
        assert_eq!(next("1", 0), "Article 1");
        assert_eq!(next("1", 1), "1. ");
        assert_eq!(next("1", 1), "2. ");
        assert_eq!(next("1", 2), "(a) ");
        assert_eq!(next("1", 2), "(b) ");
        assert_eq!(next("1", 3), "1.2.1 ");
        assert_eq!(next("1", 0), "Article 2");
        assert_eq!(next("1", 1), "1. ");
        assert_eq!(next("1", 1), "2. ");
        assert_eq!(next("3", 1), "1. ");
        assert_eq!(next("2", 0), "CHAPTER II ");
        assert_eq!(next("4", 0), "• ");
        assert_eq!(n.next("9", 0), None);
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(3, "cardinalText"), "Three");
        assert_eq!(format_number(2, "ordinalText"), "Second");
        assert_eq!(format_number(12, "ordinal"), "12th");
        assert_eq!(format_number(22, "ordinal"), "22nd");
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(format_number(7, "none"), "");
    }
}
