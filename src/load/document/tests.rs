//! Whole-document tests: text or Word in, article set out.

use super::testdocx::{del, docx, docx_with, ins, lake_convention_body, p, run};
use super::*;
use crate::model::{Article, PREAMBLE};

fn read_bytes(name: &str, bytes: Vec<u8>) -> Result<Reading> {
    let file = SourceFile::new(format!("d/{name}"), name, bytes);
    read_with_warnings(&file, "doc")
}

fn read_str(name: &str, text: &str) -> Result<Reading> {
    read_bytes(name, text.as_bytes().to_vec())
}

fn txt(text: &str) -> Reading {
    read_str("x.txt", text).unwrap_or_else(|e| panic!("{e}"))
}

fn articles(d: &Draft) -> Vec<&Article> {
    d.articles()
        .map(|a| a.article)
        .filter(|a| a.number != PREAMBLE)
        .collect()
}

/// `number: title` for every article, in order.
fn heads(d: &Draft) -> Vec<String> {
    articles(d)
        .iter()
        .map(|a| format!("{}: {}", a.number, a.title))
        .collect()
}

/// `(number, title)` of every chapter, in order.
fn chapter_heads(d: &Draft) -> Vec<(&str, &str)> {
    d.chapters
        .iter()
        .map(|c| (c.number.as_str(), c.title.as_str()))
        .collect()
}

fn error(name: &str, text: &str) -> String {
    read_str(name, text).unwrap_err().to_string()
}

#[test]
fn a_plain_text_draft_becomes_an_article_set() {
    let r = txt("Lake Treaty\n\nThe Parties, wishing to share the lake fairly, agree as follows:\n\n\
         Article 1 – Scope\nThis Treaty covers the lake.\n\nArticle 2\nFees\n1. The fees for a licence to fish shall be set by the\nCommission each year.\n2. Fees are paid to the Commission.\n");
    let d = &r.draft;
    assert_eq!(d.meta.id, "doc");
    assert_eq!(d.meta.title, "Lake Treaty");
    let pre = d.preamble.as_ref().unwrap();
    assert_eq!(
        pre.text,
        "The Parties, wishing to share the lake fairly, agree as follows:\n"
    );
    assert_eq!(pre.origin.line, 3);
    assert_eq!(d.chapters.len(), 1);
    assert_eq!(d.chapters[0].number, "");
    assert_eq!(heads(d), ["1: Scope", "2: Fees"]);
    let a = articles(d);
    assert_eq!(
        a[1].text,
        "1. The fees for a licence to fish shall be set by the Commission each year.\n\
         2. Fees are paid to the Commission.\n"
    );
    assert_eq!(
        (a[1].origin.file.as_str(), a[1].origin.line),
        ("d/x.txt", 8)
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn chapters_nest_parts_as_sections() {
    let r = txt("CHAPTER I\nGENERAL PROVISIONS\n\nPart A\n\nArticle 1\nText one.\n\nPart B – Details\n\nArticle 2\nText two.\n\n\
         CHAPTER II – INSTITUTIONS\n\nArticle 3\nText three.\n");
    let d = &r.draft;
    let got: Vec<_> = d
        .chapters
        .iter()
        .map(|c| {
            let secs: Vec<_> = c.articles.iter().map(|a| a.section.clone()).collect();
            (c.number.as_str(), c.title.as_str(), secs)
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "I",
                "GENERAL PROVISIONS",
                vec![Some("A".to_owned()), Some("B".to_owned())]
            ),
            ("II", "INSTITUTIONS", vec![None])
        ]
    );
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("titles of the divisions"));
}

#[test]
fn three_levels_join_the_inner_numbers() {
    let r = txt("PART III\n\nTitle IV\n\nSection 1\n\nArticle 9\nText.\n\nSection 2\n\nArticle 10\nText.\n\nTitle V\n\nArticle 11\nText.\n");
    let sections: Vec<_> = articles(&r.draft)
        .iter()
        .map(|a| a.section.clone().unwrap_or_default())
        .collect();
    assert_eq!(sections, ["IV.1", "IV.2", "V"]);
    assert_eq!(r.draft.chapters[0].number, "III");
}

#[test]
fn titles_under_bare_headings() {
    let r = txt("CHAPTER IV\nRIGHTS OF BOAT OWNERS AND\nMEMBERS OF THEIR CREWS\n\nArticle 1\n\nDefinitions\n\n1. In this Treaty, words mean what they say.\n\n\
         Article 2\nThe Parties shall cooperate.\n\nArticle 3\n[Deleted]\n\nArticle 4\n(a) nets;\n(b) lines.\n");
    let d = &r.draft;
    assert_eq!(
        d.chapters[0].title,
        "RIGHTS OF BOAT OWNERS AND MEMBERS OF THEIR CREWS"
    );
    assert_eq!(heads(d), ["1: Definitions", "2: ", "3: [Deleted]", "4: "]);
    let a = articles(d);
    assert_eq!(a[1].text, "The Parties shall cooperate.\n");
    assert_eq!(a[2].text, "");
    assert_eq!(a[3].text, "(a) nets;\n(b) lines.\n");
}

#[test]
fn a_title_below_may_close_with_a_full_stop_when_text_follows() {
    let r = txt("ARTÍCULO 1\n\nDelimitación del ámbito.\n\n1. Se considera extranjero al que carezca de la nacionalidad.\n\n\
         ARTÍCULO 2\n\nLas Partes cooperarán.\n\nARTÍCULO 3\n\nTexto.\n");
    let a = articles(&r.draft);
    assert_eq!(a[0].title, "Delimitación del ámbito");
    assert!(a[0].text.starts_with("1. Se considera"));
    // A lone sentence is the text of a one-sentence article.
    assert_eq!(
        (a[1].title.as_str(), a[1].text.as_str()),
        ("", "Las Partes cooperarán.\n")
    );
}

#[test]
fn a_wrapped_first_line_is_not_a_title() {
    let r = txt("Article 1\nThe Commission shall publish every year a report on\nthe state of the fish stocks of the lake and on the catch\nof each Party.\n");
    let a = articles(&r.draft);
    assert_eq!(a[0].title, "");
    assert!(a[0]
        .text
        .starts_with("The Commission shall publish every year a report on the state"));
}

#[test]
fn references_at_the_start_of_wrapped_lines_are_not_headings() {
    let r = txt("Article 1\n\nEach Party shall apply the rules of this Treaty, and the rules set out in\n\
         Article 6 shall not apply to research vessels or to vessels of the Commission.\n\
         The rights set out in this Treaty are those recognised by\nArticle 6. The Commission shall keep them under review at\n\
         each session and shall report to the Parties as provided in\nArticle 7\nof the Rules of Procedure adopted at its first session.\n\n\
         Article 2\n\nText.\n");
    assert_eq!(heads(&r.draft), ["1: ", "2: "]);
    let text = &articles(&r.draft)[0].text;
    assert!(
        text.contains("set out in Article 6 shall not apply"),
        "{text}"
    );
    assert!(
        text.contains("recognised by Article 6. The Commission"),
        "{text}"
    );
    assert!(
        text.contains("provided in Article 7 of the Rules"),
        "{text}"
    );
}

#[test]
fn text_on_the_heading_line_starts_the_article() {
    let r = txt("Article 1. The Parties shall share the lake.\n\nArticle 2: Licences\nA licence is needed.\n");
    let a = articles(&r.draft);
    assert_eq!(heads(&r.draft), ["1: ", "2: Licences"]);
    assert_eq!(a[0].text, "The Parties shall share the lake.\n");
}

#[test]
fn statutes_number_sections_and_paragraph_signs() {
    let r = txt("Community Gardens Act\n\nSection 1. Short title\nThis Act may be cited as the Community Gardens Act.\n\n\
         § 2 Plots\nEvery resident may rent a plot.\n\nSEC. 3. WATER.\nWater is free.\n");
    assert_eq!(heads(&r.draft), ["1: Short title", "2: Plots", "3: WATER"]);
    assert_eq!(r.draft.meta.title, "Community Gardens Act");
}

#[test]
fn a_long_title_on_a_line_of_its_own_is_a_heading_in_plain_text() {
    let long = "§ 2 Verfahren bei Unzulässigkeit nach § 29 Absatz 1 Nummer 2 und 4 und bei offensichtlicher Unbegründetheit";
    let r = txt(&format!(
        "Gesetz\n\n§ 1 Geltungsbereich\n\nDieses Gesetz gilt.\n\n{long}\n\nDas Verfahren.\n\n\
         § 3 Zuständigkeit\n\nDas Amt.\n\n§ 4 Absatz 2 gilt entsprechend für die Fälle nach Satz 1\nund Satz 2.\n"
    ));
    assert_eq!(
        heads(&r.draft),
        [
            "1: Geltungsbereich",
            &format!("2: {}", &long[5..]),
            "3: Zuständigkeit"
        ]
    );
}

#[test]
fn a_quoted_article_among_many_sections_is_text() {
    let r = txt("Section 1 -- Scope.\n\nThis Act applies.\n\nSection 2 -- Penal Code.\n\nThe Penal Code is amended:\n\n\
         Article 318 bis.\n\nWhoever smuggles people is punished.\n\nSection 3 -- Entry into force.\n\nToday.\n");
    assert_eq!(
        heads(&r.draft),
        ["1: Scope", "2: Penal Code", "3: Entry into force"]
    );
    assert!(articles(&r.draft)[1].text.contains("Article 318 bis."));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("1 line(s) shaped like 'Article' headings were read as text")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_wrapped_sentence_after_the_number_and_its_stop_is_text() {
    let r = txt("Licence\n\nSection 1. You are permitted to use the Standard Version and\ncreate and use Modified Versions.\n\n\
         Section 2. You may Distribute verbatim copies of the\nSource form of the Standard Version.\n");
    assert_eq!(heads(&r.draft), ["1: ", "2: "]);
    assert_eq!(
        articles(&r.draft)[0].text,
        "You are permitted to use the Standard Version and create and use Modified Versions.\n"
    );
}

#[test]
fn sections_are_containers_when_articles_exist() {
    let r =
        txt("Section 1 – Fishing\n\nArticle 1\nText.\n\nSection 2 – Trade\n\nArticle 2\nText.\n");
    let d = &r.draft;
    assert_eq!(d.chapters.len(), 2);
    assert_eq!(d.chapters[1].number, "2");
    assert_eq!(d.chapters[1].title, "Trade");
}

#[test]
fn markdown_headings_and_emphasis() {
    let r = read_str(
        "x.md",
        "# Lake Treaty\n\n## Preamble\n\nThe Parties, sharing one lake and wishing to keep it healthy, agree:\n\n\
         ## Chapter 1: General\n\n### Article 1\n#### Scope\n\nThe lake and its *rivers*.\n\n### Art. 2 — Fees\n\n- one\n- two\n\n\
         **Article 3 – Review**\n\nEvery **three** years.\n",
    )
    .unwrap();
    let d = &r.draft;
    assert_eq!(d.meta.title, "Lake Treaty");
    assert_eq!(
        d.preamble.as_ref().unwrap().text,
        "The Parties, sharing one lake and wishing to keep it healthy, agree:\n"
    );
    assert_eq!(d.chapters[0].title, "General");
    assert_eq!(heads(d), ["1: Scope", "2: Fees", "3: Review"]);
    let a = articles(d);
    assert_eq!(a[0].text, "The lake and its *rivers*.\n");
    assert_eq!(a[1].text, "- one\n- two\n");
    assert_eq!(a[2].text, "Every **three** years.\n");
}

/// `**Article 3.** The Member States …`: the emphasis closes the heading, and the sentence
/// after it on the same line is the article's first paragraph, neither title nor lost.
#[test]
fn text_running_on_after_an_emphasised_heading_is_the_first_paragraph() {
    let r = read_str(
        "x.md",
        "# Orchard Rules\n\nThe Council adopts these rules on orchards and their upkeep:\n\n\
         **Article 1.** Every orchard of more than two hectares shall be registered.\n\n\
         **Article 2** Registered orchards are inspected once a year.\n\nNotice may be given.\n\n\
         **Art. 3 –** The inspectors report to the council.\n\n\
         _Article 4_ Reports are published within three months.\n\n\
         *Article 5* These rules apply from the first day of spring.\n\n\
         **Art. 6** Scope of the rules\n\nThey cover every orchard.\n",
    )
    .unwrap();
    let d = &r.draft;
    assert_eq!(
        heads(d),
        ["1: ", "2: ", "3: ", "4: ", "5: ", "6: Scope of the rules"]
    );
    let a = articles(d);
    assert_eq!(
        a[0].text,
        "Every orchard of more than two hectares shall be registered.\n"
    );
    assert_eq!(
        a[1].text,
        "Registered orchards are inspected once a year.\nNotice may be given.\n"
    );
    assert_eq!(a[2].text, "The inspectors report to the council.\n");
    assert_eq!(a[3].text, "Reports are published within three months.\n");
    assert_eq!(
        a[4].text,
        "These rules apply from the first day of spring.\n"
    );
    assert_eq!(a[5].text, "They cover every orchard.\n");
}

/// An amending act quotes the articles it inserts or replaces under its own keyword:
/// after a line ending with a colon, a number ahead of the act's own run is the amending
/// article's text, and the act's next article is read.
#[test]
fn articles_quoted_by_an_amending_act_are_its_text() {
    let r = txt("REGULATION ON HARBOUR FEES\n\nArticle 1\n\nRegulation (EU) No 411/2015 is amended as follows:\n\n\
         Article 5a\n\nReduced fees\n\nVessels under 12 metres pay half the fee.\n\n\
         Article 5b\n\nSmall vessels are registered free of charge.\n\n\
         Article 2\n\nRegulation (EU) No 88/2018 is amended as follows:\n\n\
         Article 27\n\nPorts publish their fees every year.\n\n\
         Article 3\n\nThis Regulation enters into force on the day after its publication.\n");
    let d = &r.draft;
    assert_eq!(heads(d), ["1: ", "2: ", "3: "]);
    let a = articles(d);
    assert_eq!(
        a[0].text,
        "Regulation (EU) No 411/2015 is amended as follows:\nArticle 5a\nReduced fees\n\
         Vessels under 12 metres pay half the fee.\nArticle 5b\n\
         Small vessels are registered free of charge.\n"
    );
    assert_eq!(
        a[1].text,
        "Regulation (EU) No 88/2018 is amended as follows:\nArticle 27\nPorts publish their fees every year.\n"
    );
    assert!(
        r.warnings.iter().any(|w| w.contains("amending articles")),
        "{:?}",
        r.warnings
    );
    // A gap in the act's own numbering after a colon is no quotation: no `Article 3`
    // comes back later.
    let r = txt("Article 1\n\nThe fees are:\n\nArticle 4\n\nFees are paid yearly.\n\nArticle 5\n\nThis act applies at once.\n");
    assert_eq!(heads(&r.draft), ["1: ", "4: ", "5: "]);
}

/// Czech parts are numbered by ordinal words after the keyword (`ČÁST PRVNÍ`), Slovak ones
/// before it (`PRVÁ ČASŤ`); `Díl` / `Diel` divide a part or a `HLAVA`, above `§` sections.
#[test]
fn czech_and_slovak_parts_numbered_in_words() {
    let r = txt("ZÁKON O SADECH\n\nČÁST PRVNÍ\n\nZÁKLADNÍ USTANOVENÍ\n\nHLAVA I\n\nROZSAH\n\n§ 1\n\nZákon upravuje sady.\n\n\
         § 2\n\nSadem je pozemek se stromy.\n\nČÁST DRUHÁ\n\nPÉČE O SADY\n\nDíl 1\n\nObecní sady\n\n§ 3\n\nObec pečuje o sady.\n\n\
         Díl 2\n\nJiné sady\n\n§ 4\n\nVlastník pečuje o sad.\n\nČÁST TŘETÍ\n\nÚČINNOST\n\n§ 5\n\nZákon platí ihned.\n");
    let d = &r.draft;
    assert_eq!(heads(d), ["1: ", "2: ", "3: ", "4: ", "5: "]);
    assert_eq!(
        chapter_heads(d),
        [
            ("PRVNÍ", "ZÁKLADNÍ USTANOVENÍ"),
            ("DRUHÁ", "PÉČE O SADY"),
            ("TŘETÍ", "ÚČINNOST")
        ]
    );
    let sections: Vec<Option<&str>> = articles(d).iter().map(|a| a.section.as_deref()).collect();
    assert_eq!(sections, [Some("I"), Some("I"), Some("1"), Some("2"), None]);
    assert_eq!(articles(d)[1].text, "Sadem je pozemek se stromy.\n");
    let r = txt(
        "ZÁKON O SADOCH\n\nPRVÁ ČASŤ\n\nZÁKLADNÉ USTANOVENIA\n\n§ 1\n\nZákon upravuje sady.\n\n\
         DRUHÁ ČASŤ\n\nSTAROSTLIVOSŤ\n\nDiel 1\n\nObecné sady\n\n§ 2\n\nObec sa stará o sady.\n\n\
         TRETIA ČASŤ\n\nÚČINNOSŤ\n\n§ 3\n\nZákon platí ihneď.\n",
    );
    let d = &r.draft;
    assert_eq!(heads(d), ["1: ", "2: ", "3: "]);
    assert_eq!(
        chapter_heads(d),
        [
            ("PRVÁ", "ZÁKLADNÉ USTANOVENIA"),
            ("DRUHÁ", "STAROSTLIVOSŤ"),
            ("TRETIA", "ÚČINNOSŤ")
        ]
    );
    assert_eq!(articles(d)[1].section.as_deref(), Some("1"));
}

/// `Titre liminaire`, `Chapitre liminaire`, `Article liminaire`: a French preliminary
/// division or article, numbered by that word.
#[test]
fn french_preliminary_divisions_and_articles() {
    let r = txt("LOI SUR LES VERGERS\n\nTitre liminaire : Principes\n\nArticle liminaire\n\nLes vergers servent le bien commun.\n\n\
         Titre Ier : Des vergers publics\n\nChapitre liminaire\n\nArticle 1\n\nLa commune entretient les vergers.\n\n\
         Chapitre Ier : Accès\n\nArticle 2\n\nLes vergers publics sont ouverts.\n");
    let d = &r.draft;
    assert_eq!(heads(d), ["liminaire: ", "1: ", "2: "]);
    assert_eq!(
        chapter_heads(d),
        [("liminaire", "Principes"), ("I", "Des vergers publics")]
    );
    let a = articles(d);
    assert_eq!(a[0].text, "Les vergers servent le bien commun.\n");
    assert_eq!(a[1].section.as_deref(), Some("liminaire"));
    assert_eq!(a[2].section.as_deref(), Some("I"));
}

/// A UK Act numbers its sections without a keyword, then its schedules number their own
/// paragraphs from 1 again: the schedules are back matter, however long their run.
#[test]
fn a_uk_acts_schedules_end_its_bare_numbered_sections() {
    let schedules = "1 Registration\n\nThe fee for registration is ten pounds.\n\n\
         2 Renewal\n\nThe fee for renewal is five pounds.\n\n3 Copies\n\nA copy of the register costs one pound.\n\n\
         4 Inspection\n\nAn inspection costs twenty pounds.\n\n5 Transfer\n\nA transfer costs two pounds.\n\n\
         Schedule 2\n\nForms\n\n1 Application\n\nForm A is the form of application.\n";
    for heading in ["SCHEDULES\n\nSCHEDULE 1", "Schedule 1"] {
        let r = txt(&format!(
            "Orchards Act 2030\n\n1 Short title\n\nThis Act may be cited as the Orchards Act 2030.\n\n\
             2 Interpretation\n\nIn this Act an orchard is land planted with fruit trees.\n\n\
             3 Commencement\n\nThis Act comes into force on 1 January 2031.\n\n{heading}\n\nFees\n\n{schedules}"
        ));
        assert_eq!(
            heads(&r.draft),
            ["1: Short title", "2: Interpretation", "3: Commencement"],
            "{heading}"
        );
        assert_eq!(
            articles(&r.draft)[2].text,
            "This Act comes into force on 1 January 2031.\n"
        );
        assert!(
            r.warnings.iter().any(|w| w.contains("back matter")),
            "{:?}",
            r.warnings
        );
    }
}

/// An EU act's `ANNEX` listing `1.` … `32.` after its `Article 1` … `Article 11`: the
/// annex is back matter, and its longer list does not outvote the articles.
#[test]
fn an_annex_list_does_not_outvote_the_articles() {
    let mut text = String::from("DIRECTIVE ON ORCHARD LADDERS\n\nThe Council has adopted this directive on ladders used in orchards:\n\n");
    for n in 1..=11 {
        text.push_str(&format!(
            "Article {n}\n\nMember States shall ensure that ladders of class {n} are safe.\n\n"
        ));
    }
    text.push_str("ANNEX\n\nLIST OF LADDERS\n\n");
    for n in 1..=32 {
        text.push_str(&format!(
            "{n}. Ladder {n} of the catalogue, with its rungs.\n\n"
        ));
    }
    let r = txt(&text);
    let numbers: Vec<String> = articles(&r.draft)
        .iter()
        .map(|a| a.number.clone())
        .collect();
    let expected: Vec<String> = (1..=11).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);
    assert!(
        r.warnings.iter().any(|w| w.contains("back matter")),
        "{:?}",
        r.warnings
    );
}

/// The Dutch laws' Markdown export opens with an HTML `<meta>` tag, which renders as
/// nothing: the title is the line after it.
#[test]
fn a_lone_html_tag_in_markdown_is_neither_title_nor_text() {
    let r = read_str(
        "wet.md",
        "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n\
         ##Wet van 23 november 2000 tot herziening van de Vreemdelingenwet\n\n\
         ### Artikel  1  \n\nIn deze wet wordt verstaan onder Onze Minister: de minister.\n\n\
         ### Artikel  2  \n\n<br/>\nDeze wet treedt in werking op 1 april 2001.\n",
    )
    .unwrap();
    assert_eq!(
        r.draft.meta.title,
        "Wet van 23 november 2000 tot herziening van de Vreemdelingenwet"
    );
    assert_eq!(
        articles(&r.draft)[1].text,
        "Deze wet treedt in werking op 1 april 2001.\n"
    );
}

/// legislation.gov.uk: each section's title is a heading on the line above its number.
#[test]
fn a_heading_above_a_bare_section_number_is_its_title() {
    let r = read_str(
        "act.md",
        "# Care Act 2001\n\n## PART I — CARE WORKERS\n\n### Registration\n\n\
         #### The register\n\n##### 1\n\n- (1) The Council shall keep a register.\n\n\
         #### Applications for registration\n\n##### 2\n\n- (1) An application shall be made in writing.\n\n\
         ##### 3\n\n- (1) The Council may charge fees.\n",
    )
    .unwrap();
    assert_eq!(
        heads(&r.draft),
        ["1: The register", "2: Applications for registration", "3: "]
    );
    assert!(!articles(&r.draft)[0].text.contains("Applications"));
}

/// wetten.overheid.nl notes under an article not yet in force when it will be: that is the
/// article's status (its text), not its title.
#[test]
fn a_dutch_entry_into_force_note_is_no_title() {
    let r = read_str(
        "wet.md",
        "##Jeugdwet\n\n### Artikel  1.1  \n\nIn deze wet wordt verstaan onder college: het college.\n\n\
         ### Artikel  1.2   \nTreedt in werking op een nader te bepalen tijdstip   \n\n\
         1.  Het college is niet gehouden een voorziening te treffen.\n\n\
         ### Artikel  1.3   \n\n####Reikwijdte\n\nDeze wet is van toepassing op jeugdigen.\n",
    )
    .unwrap();
    assert_eq!(heads(&r.draft), ["1.1: ", "1.2: ", "1.3: Reikwijdte"]);
    assert!(articles(&r.draft)[1]
        .text
        .starts_with("Treedt in werking op een nader te bepalen tijdstip"));
}

/// The Grundgesetz's `### Art 73` lists thirty-three matters numbered `1.` to `33.`: in a
/// document whose article headings are Markdown headings, a longer run of plain numbered
/// lines is the articles' lists, not the articles.
#[test]
fn styled_article_headings_outweigh_longer_plain_numbered_lists() {
    let items = |from: usize, to: usize| -> String {
        (from..=to)
            .map(|k| format!("{k}. die Angelegenheit Nummer {k};\n"))
            .collect()
    };
    let r = read_str(
        "gg.md",
        &format!(
            "# Grundgesetz\n\n### Art 73\n\n(1) Der Bund hat die ausschließliche Gesetzgebung über:\n\n{}\n\
             ### Art 74\n\n(1) Die konkurrierende Gesetzgebung erstreckt sich auf folgende Gebiete:\n\n{}\n\
             ### Art 76\n\n(1) Gesetzesvorlagen werden beim Bundestage eingebracht.\n",
            items(1, 14),
            items(15, 33)
        ),
    )
    .unwrap();
    assert_eq!(heads(&r.draft), ["73: ", "74: ", "76: "]);
    assert!(articles(&r.draft)[1]
        .text
        .contains("\n33. die Angelegenheit"));
}

/// EUR-Lex acts in Markdown emphasise headings in pieces, and give some articles titles
/// of over 20 words.
#[test]
fn eu_acts_in_markdown_emphasis_in_pieces_and_long_titles() {
    let r = read_str(
        "x.md",
        "# Regulation\n\n## CHAPTER II **JURISDICTION**\n\n### *SECTION 1* ***Divorce and legal separation***\n\n\
         #### Article 3\n\n##### General jurisdiction\n\n1. The courts of the Member State shall have jurisdiction.\n\n\
         ### *SECTION 2* ***Parental responsibility***\n\n#### Article 4\n\n1. A court shall hear the child.\n",
    )
    .unwrap();
    assert_eq!(chapter_heads(&r.draft), [("II", "JURISDICTION")]);
    assert_eq!(heads(&r.draft), ["3: General jurisdiction", "4: "]);
    assert!(
        r.warnings
            .iter()
            .all(|w| !w.contains("not inside any article")),
        "{:?}",
        r.warnings
    );
    let title = "Procedure following a refusal to return the child under point (b) of Article 13(1) and Article 13(2) of the 1980 Hague Convention";
    let r = txt(&format!(
        "Regulation\n\nArticle 29\n\n{title}\n\n1. This Article shall apply where a decision refuses the return.\n\n\
         Article 30\n\nRecognition\n\n1. A decision shall be recognised.\n"
    ));
    assert_eq!(
        heads(&r.draft),
        [format!("29: {title}"), "30: Recognition".into()]
    );
}

#[test]
fn a_table_of_contents_is_skipped() {
    let r = txt("Lake Treaty\n\nContents\nArticle 1 Scope ........ 2\nArticle 2 Fees ......... 3\nArticle 3 Review ....... 4\n\n\
         The Parties, sharing one lake, agree as follows on all the matters below:\n\n\
         Article 1 Scope\nText one.\n\nArticle 2 Fees\nText two.\n\nArticle 3 Review\nText three.\n");
    assert_eq!(heads(&r.draft), ["1: Scope", "2: Fees", "3: Review"]);
    assert_eq!(
        r.draft.preamble.as_ref().unwrap().text,
        "The Parties, sharing one lake, agree as follows on all the matters below:\n"
    );
    assert_eq!(
        r.warnings,
        ["skipped a table of contents (3 entries, lines 4–6)"]
    );
}

/// A recast ends with annexes, among them the correlation table, whose rows
/// ("Article 1 | Article 1") are shaped like headings: the articles end at the first
/// annex, and the reader says what it left out.
#[test]
fn annexes_and_correlation_tables_end_the_articles() {
    let r = txt(
        "Directive (recast)\n\nCHAPTER I\nSCOPE\n\nArticle 1\nSubject matter\nRules on dues.\n\n\
         Article 2\nRepeal\nThe old Directive is repealed; see Annex II.\n\nDone at Brussels.\n\n\
         ANNEX I\nList of amendments\nDirective 2000/1\n\nANNEX II\nCorrelation table\n\
         Article 1 | Article 1\nArticle 2 | Article 2\nArticle 3 | —\n",
    );
    assert_eq!(heads(&r.draft), ["1: Subject matter", "2: Repeal"]);
    assert_eq!(
        articles(&r.draft)[1].text,
        "The old Directive is repealed; see Annex II.\nDone at Brussels.\n"
    );
    assert_eq!(
        r.warnings,
        ["the back matter from line 16 on (ANNEX I, ANNEX II) is not compared: an article set has no place for annexes"]
    );
}

/// EU acts give some chapters titles of eighty words; alone between the chapter's heading
/// and its first article, such a line is the title, not text lost outside any article.
#[test]
fn a_chapter_title_of_many_words_is_still_its_title() {
    let long = "Procedure for comparison of data for applicants for international protection, \
                third-country nationals and stateless persons apprehended crossing the border, \
                persons registered for the purpose of an admission procedure, persons \
                disembarked following a search and rescue operation and beneficiaries of \
                temporary protection";
    let r = txt(&format!(
        "Regulation\n\nCHAPTER I\nGeneral\n\nArticle 1\nScope\nThis applies.\n\n\
         CHAPTER II\n{long}\n\nArticle 2\nComparison\nData shall be compared.\n"
    ));
    assert_eq!(heads(&r.draft), ["1: Scope", "2: Comparison"]);
    assert_eq!(chapter_heads(&r.draft), [("I", "General"), ("II", long)]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // A sentence in that place is text, as before.
    let r = txt(
        "Regulation\n\nCHAPTER I\nGeneral\n\nArticle 1\nScope\nThis applies.\n\n\
         CHAPTER II\nThe Member States shall apply this chapter to every person who crosses the border, whatever the reason for the crossing and whatever the person's status.\n\nArticle 2\nComparison\nData shall be compared.\n",
    );
    assert_eq!(chapter_heads(&r.draft)[1], ("II", ""));
}

/// A short directive with a long annex list: the annex's `1.` … `8.` outnumber the three
/// `Article` headings, yet are the annex's items, not the document's sections.
#[test]
fn an_annex_list_does_not_outvote_the_articles_above_it() {
    let items: String = (1..=8)
        .map(|k| format!("{k}. Lead in solder of type {k} for servers.\n"))
        .collect();
    let r = txt(&format!(
        "Directive on substances\n\nArticle 1\nScope\n1. This Directive applies to devices.\n2. It does not apply to tools.\n\n\
         Article 2\nPrevention\nDevices shall not contain lead, save as listed in the Annex.\n\n\
         Article 3\nEntry into force\nThis Directive enters into force on the day after publication.\n\n\
         ANNEX\nUses exempted from Article 2\n{items}"
    ));
    assert_eq!(
        heads(&r.draft),
        ["1: Scope", "2: Prevention", "3: Entry into force"]
    );
    assert_eq!(
        articles(&r.draft)[0].text,
        "1. This Directive applies to devices.\n2. It does not apply to tools.\n"
    );
    assert!(
        r.warnings[0].starts_with("the back matter from line 16 on (ANNEX)"),
        "{:?}",
        r.warnings
    );
}

/// An annex listed in a table of contents, before any article text, is not back matter.
#[test]
fn an_annex_in_the_table_of_contents_cuts_nothing() {
    let r = txt("Lake Treaty\n\nContents\nArticle 1 Scope ........ 2\nArticle 2 Fees ......... 3\nAnnex ........ 4\n\n\
         The Parties, sharing one lake, agree as follows on all the matters below:\n\n\
         Article 1 Scope\nText one.\n\nArticle 2 Fees\nText two.\n\nANNEX\nArticle 1 | Article 1\n");
    assert_eq!(heads(&r.draft), ["1: Scope", "2: Fees"]);
    assert_eq!(articles(&r.draft)[1].text, "Text two.\n");
}

/// In Word the annex heading is usually styled; it ends the articles all the same.
#[test]
fn a_styled_annex_heading_in_word_ends_the_articles() {
    let body = [
        p(Some("Heading2"), "Article 1"),
        p(None, "Text one."),
        p(Some("Heading1"), "ANNEX"),
        p(None, "Article 1 Article 1"),
    ]
    .concat();
    let r = read_bytes("x.docx", docx(&body)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(heads(&r.draft), ["1: "]);
    assert_eq!(articles(&r.draft)[0].text, "Text one.\n");
}

/// Acts in the United Kingdom style number their sections without a keyword.
#[test]
fn bare_numbered_headings_are_sections_when_nothing_else_is() {
    let r = txt(
        "Harbour Dues Act 2099\n\nAn Act to make provision about dues at inland harbours.\n\n\
         PART 1\nPRELIMINARY\n\n1 Short title\nThis Act may be cited as the Harbour Dues Act.\n\n\
         2 Interpretation\n(1) In this Act \"harbour\" means an inland harbour.\n\n\
         2A Meaning of vessel\nIn this Act \"vessel\" includes any craft.\n\n\
         PART 2\nDUES\n\n3 Power to charge dues\nA harbour authority may charge dues.\n",
    );
    assert_eq!(
        heads(&r.draft),
        [
            "1: Short title",
            "2: Interpretation",
            "2A: Meaning of vessel",
            "3: Power to charge dues"
        ]
    );
    assert_eq!(r.draft.chapters.len(), 2);
    assert!(
        r.warnings[0].starts_with("no 'Article' or 'Section' headings"),
        "{:?}",
        r.warnings
    );
}

/// Numbered paragraphs are sentences, not headings: without a keyword heading such a
/// text still has no articles.
#[test]
fn numbered_paragraphs_are_sections_when_nothing_else_is_numbered() {
    // A licence or contract numbers its sections without a keyword.
    let r = txt(
        "A note\n\n1. The Parties shall meet.\n\n2. The Parties shall report.\n\n3. This note ends here.\n",
    );
    assert_eq!(heads(&r.draft), ["1: ", "2: ", "3: "]);
    assert_eq!(articles(&r.draft)[1].text, "The Parties shall report.\n");
}

#[test]
fn short_text_before_the_first_article_is_reported() {
    let r = txt("Working draft\n\nVersion 2\n\nArticle 1\nText.\n");
    assert_eq!(r.draft.meta.title, "Working draft");
    assert!(r.draft.preamble.is_none());
    assert_eq!(
        r.warnings,
        ["text before the first article is too short for a preamble and was not kept: \"Version 2\""]
    );
}

#[test]
fn stray_text_under_a_later_chapter_heading_is_reported() {
    let r = txt("Chapter 1\n\nArticle 1\nText.\n\nChapter 2\nGeneral\n\nThis chapter applies to the lake.\n\nArticle 2\nText.\n");
    assert_eq!(r.draft.chapters[1].title, "General");
    assert_eq!(
        r.warnings,
        ["text under Chapter 2 (line 9) is not inside any article and was not kept"]
    );
}

#[test]
fn in_a_document_of_styled_headings_a_plain_heading_line_is_text() {
    let r = read_str(
        "x.md",
        "### § 38 Aufenthalt\n\nText.\n\n### § 39 Zustimmung\n\n(1) Text.\n§ 41 Widerruf der Zustimmung\n\n### § 40 Versagung\n\nText.\n",
    )
    .unwrap();
    assert_eq!(
        heads(&r.draft),
        ["38: Aufenthalt", "39: Zustimmung", "40: Versagung"]
    );
    assert!(articles(&r.draft)[1]
        .text
        .contains("§ 41 Widerruf der Zustimmung"));
    assert!(
        r.warnings[0].contains("read as text (line 8)"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_txt_file_with_markdown_headings_is_markdown() {
    let r = read_str(
        "x.txt",
        "##Wet\n\n### Hoofdstuk  1  \n####Inleidende bepalingen\n\n### Artikel  1  \n\nTekst.\n\n###Artikel 1a\n\nMeer.\n",
    )
    .unwrap();
    assert_eq!(heads(&r.draft), ["1: ", "1a: "]);
    assert_eq!(r.draft.chapters[0].title, "Inleidende bepalingen");
}

#[test]
fn a_duplicate_heading_is_text_with_a_warning() {
    let r = txt("Article 1\nA.\n\nArticle 2\nB.\n\nArticle 1\nC.\n");
    assert_eq!(heads(&r.draft), ["1: ", "2: "]);
    assert_eq!(articles(&r.draft)[1].text, "B.\nArticle 1 C.\n");
    assert_eq!(
        r.warnings,
        ["line 7: a second heading for article 1 (first at line 1) was read as text"]
    );
    let body = [
        p(None, "Article 4"),
        p(None, "Text."),
        p(None, "Article 4"),
        p(None, "Text."),
    ]
    .concat();
    let r = read_bytes("x.docx", docx(&body)).unwrap();
    assert_eq!(heads(&r.draft), ["4: "]);
    assert_eq!(
        r.warnings,
        ["paragraph 3: a second heading for article 4 (first at paragraph 1) was read as text"]
    );
}

#[test]
fn documents_without_articles_are_refused() {
    let msg = error(
        "x.txt",
        "Notes\n\nThe meeting discussed article 5 at length.\n",
    );
    assert!(
        msg.contains("found no article headings such as 'Article 1'"),
        "{msg}"
    );
    assert!(error("x.md", "---\nauthor: x\n---\n\n***\n").contains("the document is empty"));
    let msg = read_bytes("x.docx", docx(&p(None, "")))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("the document is empty"), "{msg}");
}

#[test]
fn word_documents_read_with_changes_accepted() {
    let body = [
        p(Some("Title"), "Lake Treaty"),
        p(Some("Heading1"), "Chapter I"),
        p(Some("Heading2"), "General"),
        p(Some("Heading2"), "Article 1"),
        p(Some("Heading3"), "Scope"),
        format!(
            "<w:p>{}{}{}</w:p>",
            run("It covers "),
            del("the whole lake"),
            ins("the lake and its rivers.")
        ),
    ]
    .concat();
    let r = read_bytes("x.docx", docx(&body)).unwrap();
    let d = &r.draft;
    assert_eq!(d.meta.title, "Lake Treaty");
    assert_eq!(
        (d.chapters[0].number.as_str(), d.chapters[0].title.as_str()),
        ("I", "General")
    );
    let a = articles(d);
    assert_eq!((a[0].number.as_str(), a[0].title.as_str()), ("1", "Scope"));
    assert_eq!(a[0].text, "It covers the lake and its rivers.\n");
    assert_eq!(a[0].origin.line, 4);
}

#[test]
fn the_fixture_convention_reads_whole() {
    let r = read_bytes("lake.docx", docx(&lake_convention_body())).unwrap();
    let d = &r.draft;
    assert_eq!(
        d.meta.title,
        "Convention on the Shared Fisheries of Lake Varn"
    );
    assert!(d.preamble.is_some());
    let chapters = chapter_heads(d);
    assert_eq!(chapters, [("I", "General provisions"), ("II", "Fishing")]);
    assert_eq!(
        heads(d),
        [
            "1: Purpose",
            "2: Definitions",
            "3: Register of boats",
            "4: Catch limits",
            "4bis: Review"
        ]
    );
    let a = articles(d);
    assert_eq!(
        a[2].text,
        "1. Each Riparian State shall keep a register of fishing boats longer than five metres and share it every year.\n2. The register shall be public.\n"
    );
    assert_eq!(
        a[3].text,
        "The Commission shall set catch limits for each season, by species:\n| Species | Limit |\n| Varn trout | 40 tonnes |\n"
    );
    // The table is read as a table: nothing to warn about.
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn word_automatic_numbers_are_written_out() {
    let styles = r#"<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="ArticleHeading"><w:name w:val="Article Heading"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>"#;
    let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1"/><w:suff w:val="space"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num></w:numbering>"#;
    let item = |text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
            run(text)
        )
    };
    let body = [
        p(Some("ArticleHeading"), "– Purpose"),
        item("The lake is shared."),
        item("So are its fish."),
        p(Some("ArticleHeading"), ""),
        p(None, "Fees"),
        item("Fees are low."),
    ]
    .concat();
    let bytes = docx_with(&body, styles, &[("word/numbering.xml", numbering)]);
    let r = read_bytes("x.docx", bytes).unwrap();
    assert_eq!(heads(&r.draft), ["1: Purpose", "2: Fees"]);
    let a = articles(&r.draft);
    assert_eq!(a[0].text, "1. The lake is shared.\n2. So are its fish.\n");
    assert_eq!(a[1].text, "1. Fees are low.\n");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn a_word_licence_numbered_by_its_list_levels_reads_by_the_top_level() {
    // Level 0 `1.` sections, level 1 `1.` items inside them: only the top level counts.
    let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:suff w:val="space"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#;
    let at = |level: u8, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="7"/></w:numPr></w:pPr>{}</w:p>"#,
            run(text)
        )
    };
    let body = [
        p(None, "Terms of use of the lake data."),
        at(0, "Definitions."),
        at(1, "Data means the catch records."),
        at(1, "You means the licensee."),
        at(0, "Grant of Licence. You may copy the data."),
        at(0, "Disclaimer of Warranty."),
        p(None, "The data is provided as is."),
    ]
    .concat();
    let r = read_bytes("x.docx", docx(&body)).unwrap_err();
    // Without its numbering part the list numbers are unknown: say so, do not guess.
    assert!(r.to_string().contains("found no article headings"), "{r}");
    let bytes = docx_with(&body, "", &[("word/numbering.xml", numbering)]);
    let r = read_bytes("x.docx", bytes).unwrap();
    assert_eq!(
        heads(&r.draft),
        [
            "1: Definitions",
            "2: Grant of Licence",
            "3: Disclaimer of Warranty"
        ]
    );
    let a = articles(&r.draft);
    assert_eq!(
        a[0].text,
        "1. Data means the catch records.\n2. You means the licensee.\n"
    );
    assert_eq!(a[1].text, "You may copy the data.\n");
}

#[test]
fn spanish_sentence_titles_in_plain_text() {
    let r = txt("TÍTULO PRELIMINAR\nDisposiciones generales\n\nArtículo 1. Objeto.\nEsta ley regula las pruebas.\n\nArtículo 2. Igualdad con los nacionales e interpretación de las normas del presente título.\n1. Los extranjeros gozarán de los derechos.\n\nArtículo 3 bis. Autorizaciones de residencia.\nTexto.\n\nArtículo 4. Texto del artículo cuarto, sin título.\n\nArtículo 5.\nMás texto.\n");
    assert_eq!(
        heads(&r.draft),
        [
            "1: Objeto",
            "2: Igualdad con los nacionales e interpretación de las normas del presente título",
            "3 bis: Autorizaciones de residencia",
            "4: ",
            "5: ",
        ]
    );
    // With nothing under it, the sentence was the article's text.
    assert_eq!(
        articles(&r.draft)[3].text,
        "Texto del artículo cuarto, sin título.\n"
    );
}

#[test]
fn a_short_closed_sentence_with_nothing_under_it_is_the_text() {
    // Brazilian statutes write each article's text on its heading line; a short one reads
    // like `Article 5. Scope.` until nothing follows it.
    let r = txt("Art. 1º Esta Lei dispõe sobre os direitos e os deveres do migrante.\n\nArt. 10. Não se concederá visto.\n\nArt. 11. Poderá ser denegado visto a quem se enquadre nos casos de impedimento.\n\nArticle 12. Scope.\nThis Act applies to visitors.\n");
    assert_eq!(heads(&r.draft), ["1: ", "10: ", "11: ", "12: Scope"]);
    assert_eq!(articles(&r.draft)[1].text, "Não se concederá visto.\n");
}

#[test]
fn marginal_notes_above_the_section_numbers_are_their_titles() {
    let text = "Lake Act\n\nShort title\n1 This Act may be cited as the Lake Act.\nDefinitions\n2 (1) The following definitions apply in this Act.\nlake means a body of water.\nInterpretation\n(2) Nothing in this Act limits other Acts.\nObjectives — lakes\n3 (1) The objectives of this Act are to keep lakes clean.\n";
    let r = txt(text);
    assert_eq!(
        heads(&r.draft),
        ["1: Short title", "2: Definitions", "3: Objectives — lakes"]
    );
    // A subsection's note stays in its section's text; the next section's note leaves it.
    assert_eq!(
        articles(&r.draft)[1].text,
        "(1) The following definitions apply in this Act.\nlake means a body of water.\nInterpretation\n(2) Nothing in this Act limits other Acts.\n"
    );
    // One short line above one section is its text's last line, not a layout.
    let r = txt("Lake Act\n\n1 This Act may be cited as the Lake Act.\n\n2 The following definitions apply.\nLakes and rivers\n\n3 The objectives of this Act are to keep lakes clean.\n\n4 This Act applies to lakes.\n");
    assert_eq!(heads(&r.draft), ["1: ", "2: ", "3: ", "4: "]);
}

#[test]
fn italian_bracketed_titles_and_german_numbered_divisions() {
    let r = txt("Capo I - Disposizioni generali\n\nArt. 1.\n(Oggetto)\n1. La legge disciplina la pesca.\n\nArt. 2.\n(Definizioni)\n1. Testo.\n");
    assert_eq!(heads(&r.draft), ["1: Oggetto", "2: Definizioni"]);
    let r = read_str(
        "x.md",
        "# Grundgesetz\n\n## I. Die Grundrechte\n\n### Art 1\n\nText.\n\n## IV a. - Gemeinsamer Ausschuß\n\n### Art 53a\n\nText.\n",
    )
    .unwrap();
    let chapters = chapter_heads(&r.draft);
    assert_eq!(
        chapters,
        [("I", "Die Grundrechte"), ("IVa", "Gemeinsamer Ausschuß")]
    );
    assert_eq!(heads(&r.draft), ["1: ", "53a: "]);
}

#[test]
fn spanish_provisions_are_units_after_the_articles() {
    let r = read_str(
        "x.md",
        "# Ley\n\n##### Artículo 1. Objeto.\n\nTexto.\n\n##### Disposición adicional primera. Plazos.\n\nEl plazo es de tres meses.\n\n##### Disposición final segunda. Código Penal.\n\nSe añade al Código Penal:\n\n## \"Título XV bis. Delitos.\n\nArtículo 318 bis.\n\nTexto citado.\"\n\n##### Disposición final tercera.\n\nEntrada en vigor.\n",
    )
    .unwrap();
    assert_eq!(heads(&r.draft), ["1: Objeto"]);
    let p: Vec<(&str, &str)> = r
        .draft
        .provisions
        .iter()
        .map(|p| (p.number.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        p,
        [
            ("adicional primera", "Plazos"),
            ("final segunda", "Código Penal"),
            ("final tercera", "")
        ]
    );
    // Headings quoted inside a provision are its text.
    assert!(r.draft.provisions[1].text.contains("Artículo 318 bis."));
    assert!(r.draft.provisions[1].text.contains("Título XV bis"));
}

#[test]
fn a_decree_before_the_text_it_enacts_is_the_preamble() {
    // A texto refundido: the decree's repeal provision must not swallow the enacted text.
    let refundido = "# Real Decreto Legislativo 2/2015\n\nEn su virtud, dispongo:\n\n\
        ##### Artículo único. Aprobación del texto refundido.\n\nSe aprueba el texto refundido que se inserta a continuación.\n\n\
        ##### Disposición derogatoria única. Derogación normativa.\n\nQueda derogado el texto de 1995.\n\n\
        TEXTO REFUNDIDO DE LA LEY DEL ESTATUTO\n\n## TÍTULO I. De la relación de trabajo\n\n\
        ##### Artículo 1. Ámbito de aplicación.\n\nEsta ley se aplica a los trabajadores.\n\n\
        ##### Artículo 2. Relaciones especiales.\n\nSon relaciones especiales las siguientes.\n\n\
        ##### Disposición adicional primera. Plazos.\n\nEl plazo es de tres meses.\n";
    let r = read_str("x.md", refundido).unwrap();
    assert_eq!(
        heads(&r.draft),
        ["1: Ámbito de aplicación", "2: Relaciones especiales"]
    );
    assert_eq!(
        chapter_heads(&r.draft),
        [("I", "De la relación de trabajo")]
    );
    let preamble = r
        .draft
        .preamble
        .as_ref()
        .expect("the decree is the preamble");
    assert!(preamble.text.contains("Queda derogado el texto de 1995."));
    assert!(preamble
        .text
        .contains("TEXTO REFUNDIDO DE LA LEY DEL ESTATUTO"));
    let numbers: Vec<&str> = r
        .draft
        .provisions
        .iter()
        .map(|p| p.number.as_str())
        .collect();
    assert_eq!(numbers, ["adicional primera"]);
    assert!(r.warnings.iter().any(|w| w.contains("decree")));

    // A code after the decree that publishes it: the decree's articles 1º–4º must not
    // take the code's numbers.
    let code = "# Real Decreto por el que se publica el Código\n\n\
        ##### Artículo 1º.\n\nEl Código se observará como Ley.\n\n\
        ##### Artículo 2º.\n\nUn ejemplar se conservará en el Archivo.\n\n\
        ## TÍTULO PRIMERO. De los comerciantes\n\n\
        ##### Art. 1.\n\nSon comerciantes los que ejercen el comercio.\n\n\
        ##### Art. 2.\n\nLos actos de comercio se rigen por este Código.\n\n\
        ##### Art. 3.\n\nExistirá presunción legal del ejercicio habitual.\n";
    let r = read_str("x.md", code).unwrap();
    let texts: Vec<&str> = articles(&r.draft).iter().map(|a| a.text.trim()).collect();
    assert_eq!(
        texts,
        [
            "Son comerciantes los que ejercen el comercio.",
            "Los actos de comercio se rigen por este Código.",
            "Existirá presunción legal del ejercicio habitual."
        ]
    );
    assert!(!r.warnings.iter().any(|w| w.contains("second heading")));

    // The enacted text as the decree's annex: the body, not back matter. An annex of the
    // enacted text itself is still back matter.
    let annexed = "# Real Decreto Legislativo 1/1994\n\n\
        ###### Artículo único.\n\nSe aprueba el texto refundido que se inserta a continuación.\n\n\
        ###### Disposición final única.\n\nEntrará en vigor mañana.\n\n### ANEXO\n\n\
        ## TÍTULO I. Normas generales\n\n\
        ###### Artículo 1. Derecho a la Seguridad Social.\n\nLos españoles tienen derecho.\n\n\
        ###### Artículo 2. Fines.\n\nEl Estado garantiza la protección.\n\n\
        ### ANEXO I\n\nTabla de coeficientes.\n";
    let r = read_str("x.md", annexed).unwrap();
    assert_eq!(
        heads(&r.draft),
        ["1: Derecho a la Seguridad Social", "2: Fines"]
    );
    assert!(!articles(&r.draft)[1].text.contains("coeficientes"));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("back matter from line 23 on (ANEXO I)")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn numbering_from_0_or_in_every_chapter_is_no_decree() {
    // A licence's `0. Definitions` then `1.` counts on.
    let licence = txt("Terms\n\nSection 0. Definitions\n\nWords mean things.\n\n\
        Section 1. Grant\n\nYou may copy it.\n\nSection 2. Terms\n\nKeep this notice.\n\n\
        Section 3. Warranty\n\nThere is none.\n");
    assert_eq!(
        heads(&licence.draft),
        ["0: Definitions", "1: Grant", "2: Terms", "3: Warranty"]
    );
    // Chapters that each number their articles from 1 keep every article.
    let chapters = txt("Lag\n\n1 kap. Inledning\n\n1 §\nDenna lag gäller.\n\n2 §\nOrd betyder.\n\n\
        2 kap. Tillstånd\n\n1 §\nTillstånd krävs.\n\n2 §\nTillstånd ges.\n\n3 §\nTillstånd återkallas.\n");
    assert_eq!(articles(&chapters.draft).len(), 5);
    assert!(!chapters.warnings.iter().any(|w| w.contains("decree")));
}

#[test]
fn no_heading_is_dropped_without_a_word() {
    // A dashed title stands whatever follows it.
    let r = txt("Article 1 – Scope\nThis covers the lake.\n\nArticle 2 – Remedies\nfishing without a licence is punished.\n");
    assert_eq!(heads(&r.draft), ["1: Scope", "2: Remedies"]);
    // Large numbers are numbers.
    let r = txt("Article 1000000\nText one.\n\nArticle 1000001\nText two.\n");
    assert_eq!(heads(&r.draft), ["1000000: ", "1000001: "]);
    // A heading-shaped line inside a sentence is text, and the user hears of it.
    let r = txt("Article 1\nThe Parties agree that the rules set out in\nArticle 7\nof the Rules apply.\n\nArticle 2\nText.\n");
    assert_eq!(heads(&r.draft), ["1: ", "2: "]);
    assert!(
        r.warnings.iter().any(|w| w.starts_with(
            "1 line(s) shaped like article headings were read as text, as parts of sentences (line 3)"
        )),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_number_far_out_of_order_is_text_with_a_warning() {
    let r = txt(
        "Article 1\nText one.\n\nArticle 2\nText two.\n\nArticle 2019\n\nArticle 3\nText three.\n",
    );
    assert_eq!(heads(&r.draft), ["1: ", "2: ", "3: "]);
    assert!(articles(&r.draft)[1].text.contains("Article 2019"));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("line 7: a heading for article 2019 far out of the order")),
        "{:?}",
        r.warnings
    );
}

/// A `w:footnote` part with the given notes (id, paragraph XML), after Word's separators.
fn footnotes_xml(element: &str, notes: &[(u32, String)]) -> String {
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{element}s xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:{element} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{element}><w:{element} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{element}>"#
    );
    for (id, body) in notes {
        xml.push_str(&format!(r#"<w:{element} w:id="{id}">{body}</w:{element}>"#));
    }
    xml.push_str(&format!("</w:{element}s>"));
    xml
}

#[test]
fn word_footnotes_and_endnotes_are_read_into_their_articles() {
    let body = [
        p(Some("Heading2"), "Article 1"),
        format!(
            r#"<w:p>{}<w:r><w:footnoteReference w:id="2"/></w:r>{}<w:r><w:endnoteReference w:id="1"/></w:r>{}</w:p>"#,
            run("Boats may fish"),
            run(" in the lake"),
            run(".")
        ),
        p(Some("Heading2"), "Article 2"),
        format!(
            r#"<w:p>{}<w:r><w:footnoteReference w:id="3"/></w:r></w:p>"#,
            run("Fees apply.")
        ),
    ]
    .concat();
    let footnotes = footnotes_xml(
        "footnote",
        &[
            (
                2,
                format!(
                    "<w:p><w:r><w:footnoteRef/></w:r>{}{}{}</w:p>",
                    run(" Of any size"),
                    del(" whatever"),
                    ins(" and colour")
                ),
            ),
            (3, p(None, "Set yearly.")),
        ],
    );
    let endnotes = footnotes_xml("endnote", &[(1, p(None, "See the annex."))]);
    let r = read_bytes(
        "n.docx",
        docx_with(
            &body,
            super::testdocx::STYLES,
            &[
                ("word/footnotes.xml", footnotes.as_str()),
                ("word/endnotes.xml", endnotes.as_str()),
            ],
        ),
    )
    .unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let a = articles(&r.draft);
    assert_eq!(
        a[0].text,
        "Boats may fish[^1] in the lake[^2].\n[^1]: Of any size and colour\n[^2]: See the annex.\n"
    );
    assert_eq!(a[1].text, "Fees apply.[^1]\n[^1]: Set yearly.\n");
}

#[test]
fn a_reference_without_its_note_part_is_left_out_with_a_warning() {
    let body = [
        p(Some("Heading2"), "Article 1"),
        format!(
            r#"<w:p>{}<w:r><w:footnoteReference w:id="2"/></w:r></w:p>"#,
            run("Text.")
        ),
    ]
    .concat();
    let r = read_bytes("n.docx", docx(&body)).unwrap();
    assert_eq!(articles(&r.draft)[0].text, "Text.\n");
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("a note the document does not have"));
}

#[test]
fn markdown_footnotes_are_read_into_their_articles() {
    let md = "# Lake Treaty\n\n## Article 1\n\nBoats[^boat] may fish[^2].\n\n## Article 2\n\nFees[^2] apply; [^x] is text.\n\n[^boat]: Of any size\n    and colour.\n[^2]: Set yearly.\n";
    let r = read_str("n.md", md).unwrap();
    let a = articles(&r.draft);
    assert_eq!(
        a[0].text,
        "Boats[^1] may fish[^2].\n[^1]: Of any size and colour.\n[^2]: Set yearly.\n"
    );
    assert_eq!(
        a[1].text,
        "Fees[^1] apply; [^x] is text.\n[^1]: Set yearly.\n"
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

/// Fedlex marks every amended article of a Swiss act with a note on its heading.
#[test]
fn a_note_on_an_article_heading_does_not_hide_it() {
    let md = "# Gesetz\n\n##### **Art. 1**\n\nErster Text.\n\n##### **Art. 2**[^1]\n\n\
              Zweiter Text[^2].\n\n##### **Art. 3**\n\nDritter Text.\n\n\
              [^1]: Eingefügt durch Ziff. I.\n[^2]: Fassung gemäss Ziff. II.\n";
    let r = read_str("ch.md", md).unwrap();
    assert_eq!(heads(&r.draft), ["1: ", "2: ", "3: "]);
    let a = articles(&r.draft);
    assert_eq!(
        a[1].text,
        "Zweiter Text[^1].\n[^1]: Fassung gemäss Ziff. II.\n"
    );
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("in a heading or title")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_markdown_footnote_nothing_refers_to_stays_text() {
    // A consolidation's note on the whole act, above the first article: no article
    // carries it, so it stays where it stands instead of being lost.
    let md = "# Act\n\n[^act]: This Act implements\n    Directive 2001/40/EC.\n\nIntroduction.\n\n## Article 1\n\nText.\n";
    let r = read_str("n.md", md).unwrap();
    let preamble = r.draft.preamble.as_ref().expect("a preamble");
    assert!(
        preamble.text.contains("[^act]: This Act implements")
            && preamble.text.contains("Directive 2001/40/EC."),
        "{:?}",
        preamble.text
    );
    assert!(
        !r.warnings.iter().any(|w| w.contains("not referenced")),
        "{:?}",
        r.warnings
    );
}

/// The Dutch export of decrees numbers its Markdown headings without a keyword
/// (`###1.1 `, `###*1.2. Title *`); a number that only opens deeper ones is a chapter.
#[test]
fn markdown_headings_that_are_only_numbers_are_articles() {
    let r = read_str(
        "besluit.md",
        "# Besluit\n\n### 1\n\n###1.1 \n\nIn dit besluit wordt verstaan onder minister: de minister.\n\n\
         ###*1.2. Toepassing *\n\nDit besluit is van toepassing op vreemdelingen.\n\n\
         ### 2\n\n### 2.1  \n\nDe aanvraag wordt ingediend bij de minister.\n",
    )
    .unwrap();
    assert_eq!(heads(&r.draft), ["1.1: ", "1.2: Toepassing", "2.1: "]);
    assert_eq!(r.draft.chapters.len(), 2);
    assert!(
        r.warnings[0].starts_with("no article keyword: read the 3 headings"),
        "{:?}",
        r.warnings
    );
}

/// ... and their articles number paragraphs `1.`, `2.` in plain lines: those stay text.
#[test]
fn numbered_paragraphs_under_headings_that_are_only_numbers_stay_text() {
    let r = read_str(
        "regeling.md",
        "# Regeling\n\n###1.1 \n\nIn deze regeling wordt verstaan onder minister: de minister.\n\n\
         ###1.2 \n\n1. De aanvraag wordt ingediend bij de minister.\n2. De minister beslist binnen acht weken.\n\n\
         ###*1.3. Slot *\n\nDeze regeling treedt in werking op 1 januari.\n",
    )
    .unwrap();
    assert_eq!(heads(&r.draft), ["1.1: ", "1.2: ", "1.3: Slot"]);
    assert!(articles(&r.draft)[1]
        .text
        .contains("\n2. De minister beslist"));
}

/// Brazilian statutes number the paragraphs of an article `§ 1º`, with the text on the
/// same line: they stay in their article, with a warning, and are no sections.
#[test]
fn section_signs_that_run_on_into_text_are_paragraphs_of_the_articles() {
    let r = txt("LEI Nº 1, DE 2099\n\nArt. 1º Esta Lei dispõe sobre a migração e regula a entrada do migrante no País.\n\n\
         § 1º Para os fins desta Lei, considera-se imigrante a pessoa nacional de outro país.\n\n\
         § 2º São garantidos os direitos originários dos povos indígenas.\n\n\
         Art. 2º Esta Lei não prejudica a aplicação de normas internas sobre refugiados.\n\n\
         Art. 10. Não se concederá visto a quem não preencher os requisitos.\n");
    assert_eq!(heads(&r.draft), ["1: ", "2: ", "10: "]);
    let a = articles(&r.draft);
    assert!(a[0].text.contains("\n§ 2º São garantidos"), "{}", a[0].text);
    assert!(
        r.warnings.iter().any(|w| w
            .contains("2 line(s) shaped like section headings were read as numbered paragraphs")),
        "{:?}",
        r.warnings
    );
}

/// A Japanese statute: Chinese numerals, a branch-numbered article, an article's text
/// that opens by citing another, and the supplementary provisions (`附　則`), whose
/// articles count from 1 again, as back matter.
#[test]
fn a_japanese_statute_reads_as_its_articles() {
    let r = txt("出入国管理法\n\n第一章　総則\n\n第一条　この法律は、公正な管理を図ることを目的とする。\n\n\
         第二条の二　本邦に在留する外国人は、在留資格をもつて在留するものとする。\n\n\
         第三条　次の各号のいずれかに該当する外国人は、本邦に入つてはならない。\n\
         第三条の規定は、乗員には適用しない。\n\n附　則\n\n第一条　この法律は、公布の日から施行する。\n");
    assert_eq!(heads(&r.draft), ["1: ", "2-2: ", "3: "]);
    assert_eq!(r.draft.chapters[0].title, "総則");
    let a = articles(&r.draft);
    assert_eq!(
        a[2].text,
        "次の各号のいずれかに該当する外国人は、本邦に入つてはならない。\n第三条の規定は、乗員には適用しない。\n"
    );
}

/// A Swedish statute numbers its sections from 1 again in every chapter: each is known by
/// its chapter and number, and none is lost as a repeated heading.
#[test]
fn sections_numbered_from_1_in_every_chapter_are_known_by_chapter() {
    let r = txt("Utlänningslag\n\n1 kap. Inledande bestämmelser\n\n\
         1 § Denna lag innehåller bestämmelser om utlänningars resor till Sverige.\n\n\
         2 § En utlänning som reser in i Sverige ska ha pass.\n\n\
         2 a § Ett tillstånd får ges i vissa fall.\n\n2 kap. Krav på pass\n\n\
         1 § En utlänning ska ha pass när han eller hon reser in.\n\n\
         2 § Regeringen får meddela föreskrifter om undantag.\n");
    assert_eq!(
        heads(&r.draft),
        ["1:1: ", "1:2: ", "1:2 a: ", "2:1: ", "2:2: "]
    );
    assert_eq!(
        articles(&r.draft)[3].text,
        "En utlänning ska ha pass när han eller hon reser in.\n"
    );
    assert!(r
        .warnings
        .iter()
        .any(|w| w.contains("known by its chapter")));
    // Numbers that run on across chapters stay as they are.
    let r = txt("Lag\n\n1 kap. Ett\n\n1 § Första texten är här.\n\n2 kap. Två\n\n2 § Andra texten är här.\n\n3 § Tredje texten är här.\n");
    assert_eq!(heads(&r.draft), ["1: ", "2: ", "3: "]);
}

/// An act whose articles hold its sections (`## Art 12 - Übergangsvorschriften` over
/// `## § 1` …), with fewer sections than twice its articles: the sections carry the text,
/// so they are the articles, and none of their text is lost under a container.
#[test]
fn sections_that_carry_the_text_are_the_articles_however_few() {
    let r = read_str(
        "adg.md",
        "# Gesetz über die Annahme (AdG)\n\n## Eingangsformel\n\nDer Bundestag hat das folgende Gesetz beschlossen:\n\n\
         ## Art 1 bis 11 - \n\n## Art 12 - Übergangs- und Schlußvorschriften\n\n## § 1\n\n\
         (1) Ist der Angenommene volljährig, so werden die Vorschriften angewandt.\n\n\
         ## § 2\n\nAuf einen Abkömmling werden die Wirkungen nicht ausgedehnt.\n\n\
         ## § 3\n\nDieses Gesetz tritt am 1. Januar 1977 in Kraft.\n",
    )
    .unwrap();
    assert_eq!(heads(&r.draft), ["1: ", "2: ", "3: "]);
    assert_eq!(
        articles(&r.draft)[2].text,
        "Dieses Gesetz tritt am 1. Januar 1977 in Kraft.\n"
    );
    // The articles without text of their own hold the sections, as chapters.
    let chapters = chapter_heads(&r.draft);
    assert_eq!(
        chapters.last(),
        Some(&("12", "Übergangs- und Schlußvorschriften"))
    );
    assert!(
        r.warnings.iter().all(|w| !w.contains("not kept")),
        "{:?}",
        r.warnings
    );
}

/// Bylaws: `ARTICLE II` / `MEETINGS` over `Section 2.01. Place. …`. The sections are the
/// articles; the `Article` headings, with no text of their own, are their chapters.
#[test]
fn articles_without_text_over_sections_are_their_chapters() {
    let r = txt("BYLAWS OF EXAMPLE CORP\n\nARTICLE I\nOFFICES\n\n\
         Section 1.01. Registered Office. The registered office shall be in Delaware.\n\n\
         Section 1.02. Other Offices. The corporation may have other offices.\n\n\
         ARTICLE II\nMEETINGS\n\nSection 2.01. Place. Meetings shall be held at the office.\n");
    assert_eq!(
        heads(&r.draft),
        [
            "1.01: Registered Office",
            "1.02: Other Offices",
            "2.01: Place"
        ]
    );
    let chapters: Vec<(&str, &str, usize)> = r
        .draft
        .chapters
        .iter()
        .map(|c| (c.number.as_str(), c.title.as_str(), c.articles.len()))
        .collect();
    assert_eq!(chapters, [("I", "OFFICES", 2), ("II", "MEETINGS", 1)]);
    assert_eq!(
        articles(&r.draft)[1].text,
        "The corporation may have other offices.\n"
    );
}

/// `§ 1 Delimitación del ámbito.`: a title closed by a full stop after a plain space is a
/// heading where the numbers run in sequence; a stray sentence of that shape is text, and
/// so are a paragraph naming a section already read and one citing a part of a section.
#[test]
fn closed_titles_after_a_plain_space_are_headings_in_sequence() {
    let r = txt(
        "Ley de pruebas\n\n§ 1 Delimitación del ámbito.\n\nEsta ley regula las pruebas.\n\n\
         § 2 Exclusión del ámbito de la ley.\n\nQuedan excluidos los agentes.\n\n\
         § 3 Igualdad con los españoles e interpretación de las normas.\n\n\
         Los extranjeros gozarán de los derechos.\n\n§ 2 Exclusión del ámbito de la ley.\n\n\
         Se aplica lo anterior.\n\n§ 4 Derogación de la Ley 7/1985.\n\nQueda derogada.\n\n\
         § 5 Apartado 2 se aplica igualmente.\n",
    );
    assert_eq!(
        heads(&r.draft),
        [
            "1: Delimitación del ámbito",
            "2: Exclusión del ámbito de la ley",
            "3: Igualdad con los españoles e interpretación de las normas",
            "4: Derogación de la Ley 7/1985",
        ]
    );
    let a = articles(&r.draft);
    assert!(a[2].text.contains("§ 2 Exclusión del ámbito de la ley."));
    assert!(a[3].text.contains("§ 5 Apartado 2 se aplica igualmente."));

    let r = txt(
        "Lake Treaty\n\nArticle 1\n\nThe lake is shared. Each Party keeps its shore.\n\n\
         Article 6 Applies to all vessels.\n\nArticle 2\n\nFees are paid.\n",
    );
    assert_eq!(heads(&r.draft), ["1: ", "2: "]);
    assert!(articles(&r.draft)[0].text.contains("Article 6 Applies"));
}

/// `第１条` alone, its text in the paragraph below: a sentence of unspaced script is one
/// "word", but its `。` says it is text, not the article's title.
#[test]
fn a_sentence_under_a_bare_east_asian_heading_is_its_text() {
    let r = txt(
        "世界人権宣言\n\n第１条\n\nすべての人間は、生まれながらにして自由である。\n\n\
         第２条\n\nすべて人は、差別をも受けることなく、権利を享有することができる。\n\n\
         第３条\n\n生存\n\nすべての人は、生命に対する権利を有する。\n",
    );
    assert_eq!(heads(&r.draft), ["1: ", "2: ", "3: 生存"]);
    assert_eq!(
        articles(&r.draft)[0].text,
        "すべての人間は、生まれながらにして自由である。\n"
    );
}

/// `（目的）` over `第一条　…`: a bracketed title on the line above a heading is its title,
/// not the last line of the article before, unless it is all that article has.
#[test]
fn bracketed_titles_above_the_heading() {
    let r = txt("出入国管理法\n\n第一章　総則\n\n（目的）\n第一条　この法律は、管理を図ることを目的とする。\n\n\
         （定義）\n第二条　用語の意義は、次のとおりとする。\n\n第三条　外国人は、在留するものとする。\n");
    assert_eq!(heads(&r.draft), ["1: 目的", "2: 定義", "3: "]);
    assert_eq!(
        articles(&r.draft)[0].text,
        "この法律は、管理を図ることを目的とする。\n"
    );

    let r = txt(
        "Lake Treaty\n\n(Scope)\nArticle 1\n\nThe lake is shared by the Parties to\n\
         this Treaty.\n\n(Fishing licences and the fees for them)\nArticle 2\n\nFees are paid.\n\n\
         Article 3 – Boats\n\n(Repealed)\nArticle 4\n\nThe end.\n",
    );
    assert_eq!(
        heads(&r.draft),
        [
            "1: Scope",
            "2: Fishing licences and the fees for them",
            "3: Boats",
            "4: "
        ]
    );
    assert_eq!(articles(&r.draft)[2].text, "(Repealed)\n");
}

/// A PDF turned into Word keeps one paragraph a printed line, so a line that opens with a
/// citation stands alone: `§ 60 Abs. 8 Satz 1 vorliegen; …` and `§ 60 Absatz 5 oder 7 …
/// vorliegen. Davon kann` are text of the section they are in, not headings.
#[test]
fn word_lines_that_open_with_a_citation_are_text() {
    let body = [
        p(None, "§ 59 Androhung der Abschiebung"),
        p(
            None,
            "(1) Die Abschiebung ist anzudrohen, wenn die Voraussetzungen nach",
        ),
        p(
            None,
            "§ 60 Abs. 8 Satz 1 vorliegen; die Aufenthaltserlaubnis ist zu",
        ),
        p(None, "versagen, wenn die Voraussetzungen nach"),
        p(
            None,
            "§ 60 Absatz 5 oder 7 des Aufenthaltsgesetzes vorliegen. Davon kann",
        ),
        p(None, "abgesehen werden."),
        p(None, "§ 60 Verbot der Abschiebung"),
        p(None, "(1) Ein Ausländer darf nicht abgeschoben werden."),
    ]
    .concat();
    let r = read_bytes("x.docx", docx(&body)).unwrap();
    assert_eq!(
        heads(&r.draft),
        [
            "59: Androhung der Abschiebung",
            "60: Verbot der Abschiebung"
        ]
    );
    assert!(articles(&r.draft)[0].text.contains("Davon kann"));
}

/// A PDF made into Word, a paragraph a printed line: read as hard-wrapped text, so that
/// `Article 22.` and `Annex IX.` opening a line are the ends of sentences, not headings.
#[test]
fn word_documents_of_printed_lines_read_as_hard_wrapped_text() {
    let lines = [
        "Article 22",
        "Return of the child",
        "1. Where a person applies to a court for the return of a child, that court",
        "shall act expeditiously under the rules of this Regulation, in particular",
        "Article 22.",
        "2. The court shall give its decision within six weeks, using the form set",
        "out in the certificate for the return of a child that is to be found in",
        "Annex IX.",
        "Article 23",
        "Receipt of applications",
        "1. The Central Authority shall process the application without delay and",
        "shall inform the applicant of the steps taken in each case in due time and",
        "shall keep the applicant informed of the progress of the proceedings in",
        "the courts of the Member State until the decision on the return is given",
        "and enforced, and of any appeal lodged against that decision by a party.",
    ];
    let body: String = lines.iter().map(|l| p(None, l)).collect();
    let r = read_bytes("x.docx", docx(&body)).unwrap();
    assert_eq!(
        heads(&r.draft),
        ["22: Return of the child", "23: Receipt of applications"]
    );
    let a = articles(&r.draft);
    assert!(
        a[0].text.contains("in particular Article 22."),
        "{}",
        a[0].text
    );
    assert!(a[0].text.contains("found in Annex IX."), "{}", a[0].text);
    assert!(r.warnings.iter().any(|w| w.contains("printed lines")));
}

#[test]
fn swiss_suffixes_in_italics_and_superscript_are_part_of_the_number() {
    let r = read_str(
        "x.md",
        "# Bundesgesetz über die Seen\n\n## 1. Kapitel: Allgemeines\n\n##### **Art. 1** Zweck\n\n\
         Dieses Gesetz schützt die Seen.\n\n##### **Art. 2** Boote\n\nBoote sind erlaubt.\n\n\
         ## II*a*. Kapitel: Fischerei\n\n##### **Art. 2***a* Netze\n\nNetze sind verboten.\n\n\
         ##### **Art. 2***a*<sup>bis</sup> Angeln\n\nAngeln ist erlaubt.\n\n\
         ##### **Art. 3**–**5**\n\nAufgehoben\n\n##### **Art. 6** Inkrafttreten\n\nDas Gesetz tritt in Kraft.\n",
    )
    .unwrap();
    let d = &r.draft;
    assert_eq!(
        heads(d),
        [
            "1: Zweck",
            "2: Boote",
            "2a: Netze",
            "2a bis: Angeln",
            "3–5: Aufgehoben",
            "6: Inkrafttreten"
        ]
    );
    assert_eq!(articles(d)[1].text, "Boote sind erlaubt.\n");
    assert_eq!(chapter_heads(d)[1].0, "IIa");
}

#[test]
fn a_preliminary_title_before_the_first_book_is_a_chapter_of_its_own() {
    let r = read_str(
        "x.md",
        "# Código de los lagos\n\n## TÍTULO PRELIMINAR\n\n##### Artículo 1. Objeto.\n\n\
         Este código regula los lagos.\n\n## LIBRO I\n\n### TÍTULO I. De los barcos\n\n\
         ##### Artículo 2. Barcos.\n\nLos barcos navegan.\n\n### TÍTULO II. De las redes\n\n\
         ##### Artículo 3. Redes.\n\nLas redes se prohíben.\n\n## LIBRO II\n\n\
         ### TÍTULO I. De la pesca\n\n##### Artículo 4. Pesca.\n\nSe pesca con caña.\n",
    )
    .unwrap();
    let d = &r.draft;
    assert_eq!(
        chapter_heads(d),
        [("PRELIMINAR", ""), ("I", ""), ("II", "")]
    );
    let sections: Vec<_> = articles(d).iter().map(|a| a.section.clone()).collect();
    assert_eq!(
        sections,
        [None, Some("I".into()), Some("II".into()), Some("I".into())]
    );
}

#[test]
fn a_heading_repeating_the_front_matter_title_is_no_preamble() {
    let r = read_str(
        "x.md",
        "---\ntitle: \"Ley 1/2020, de 3 de marzo, de los lagos y los ríos de la comarca\"\n---\n\n\
         # Ley 1/2020, de 3 de marzo, de los lagos y los ríos de la comarca\n\n\
         ##### Artículo 1. Objeto.\n\nEsta ley regula los lagos.\n",
    )
    .unwrap();
    let d = &r.draft;
    assert_eq!(
        d.meta.title,
        "Ley 1/2020, de 3 de marzo, de los lagos y los ríos de la comarca"
    );
    assert!(d.preamble.is_none(), "{:?}", d.preamble);
    // A different first line is still the preamble.
    let r = read_str(
        "x.md",
        "---\ntitle: \"Ley de los lagos\"\n---\n\n\
         # Exposición de motivos de esta ley de los lagos y los ríos\n\n\
         ##### Artículo 1. Objeto.\n\nEsta ley regula los lagos.\n",
    )
    .unwrap();
    assert!(r.draft.preamble.is_some());
}

#[test]
fn cross_headings_over_articles_are_no_text_of_the_article_above() {
    let r = read_str(
        "x.md",
        "# Lakes Act 2020\n\n## Part 1 Boats\n\n### Registration\n\n#### 1 Register of boats\n\n\
         (1) The Authority shall keep a register of boats.\n\n#### 2 Fees\n\n\
         (1) A fee is payable for each registration.\n\n### Enforcement\n\n#### 3 Offences\n\n\
         (1) Using an unregistered boat is an offence.\n\n###### Table of fines\n\n#### 4 Penalties\n\n\
         (1) The fine is set by the Authority.\n",
    )
    .unwrap();
    let d = &r.draft;
    assert_eq!(
        heads(d),
        [
            "1: Register of boats",
            "2: Fees",
            "3: Offences",
            "4: Penalties"
        ]
    );
    let a = articles(d);
    assert_eq!(a[1].text, "(1) A fee is payable for each registration.\n");
    // A heading deeper than the articles' own is part of the text.
    assert!(a[2].text.ends_with("Table of fines\n"), "{}", a[2].text);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("cross-headings") && w.contains("(Enforcement)")),
        "{:?}",
        r.warnings
    );
    // A licence's centred group heading in capitals.
    let r = txt("TERMS AND CONDITIONS\n\n  0. This License applies to any program.\n\n  1. You may copy the Program.\n\n  2. You may modify the Program.\n\n                    NO WARRANTY\n\n  3. THERE IS NO WARRANTY FOR THE PROGRAM.\n\n  4. IN NO EVENT WILL ANY HOLDER BE LIABLE.\n");
    let a = articles(&r.draft);
    assert_eq!(a.len(), 5);
    assert_eq!(a[2].text, "You may modify the Program.\n");
}

#[test]
fn a_sentence_with_a_note_whose_definition_is_missing_is_no_title() {
    let r = read_str(
        "x.md",
        "# Gesetz über die Seen\n\n## Art. 1\n\nDieses Gesetz gilt für alle Seen.[^6]\n\n\
         Die Kantone vollziehen es.\n\n## Art. 2\n\nBoote sind erlaubt.\n",
    )
    .unwrap();
    let d = &r.draft;
    assert_eq!(heads(d), ["1: ", "2: "]);
    assert_eq!(
        articles(d)[0].text,
        "Dieses Gesetz gilt für alle Seen.[^6]\nDie Kantone vollziehen es.\n"
    );
}

#[test]
fn a_second_language_version_after_the_articles_is_not_compared() {
    let r = read_str(
        "x.md",
        "# Verdrag inzake de meren\n\n## Convention on the lakes\n\n### Article  1  \n\n####Scope\n\n\
         This Convention applies to the lakes.\n\n### Article  2  \n\n####Boats\n\n\
         Boats may sail on the lakes.\n\n## Verdrag inzake de meren\n\n### Artikel  1  \n\n\
         ####Toepassingsgebied\n\nDit Verdrag is van toepassing op de meren.\n\n\
         ### Artikel  2  \n\n####Boten\n\nBoten mogen op de meren varen.\n",
    )
    .unwrap();
    let d = &r.draft;
    assert_eq!(heads(d), ["1: Scope", "2: Boats"]);
    assert_eq!(articles(d)[1].text, "Boats may sail on the lakes.\n");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("line 17 on") && w.contains("'Artikel'")),
        "{:?}",
        r.warnings
    );
    // Numbers starting again under the same keyword are no translation.
    let r = read_str(
        "y.md",
        "# Lakes\n\n## Article 1\n\nBoats sail.\n\n## Article 2\n\nNets are banned.\n\n\
         ## Article 1\n\nFish swim.\n\n## Article 2\n\nBirds fly.\n",
    )
    .unwrap();
    assert_eq!(
        articles(&r.draft)[1].text,
        "Nets are banned.\nArticle 1\nFish swim.\nArticle 2\nBirds fly.\n"
    );
}

#[test]
fn commonwealth_marginal_titles_before_a_full_stop_and_dash() {
    let r = txt("THE LAKES ACT, 2020\n\nCHAPTER I\nPRELIMINARY\n\n\
         1. Short title and commencement.—(1) This Act may be called the Lakes Act, 2020.\n\
         (2) It comes into force at once.\n\n\
         2. Definitions.—In this Act, unless the context otherwise requires,—\n\
         (a) \"boat\" means any vessel;\n(b) \"lake\" means any body of water.\n\n\
         3. Penalty.—Whoever uses an unregistered boat shall be punished with fine.\n");
    let d = &r.draft;
    assert_eq!(
        heads(d),
        [
            "1: Short title and commencement",
            "2: Definitions",
            "3: Penalty"
        ]
    );
    assert!(articles(d)[1]
        .text
        .starts_with("In this Act, unless the context otherwise requires,—\n"));
}

#[test]
fn a_letter_left_outside_the_bold_number_is_its_suffix() {
    let r = read_str(
        "x.md",
        "# Seegesetz\n\n##### **Art. 4** Boote\n\nBoote sind erlaubt.\n\n##### **Art. 4** a\n\n\
         Netze sind verboten.\n\n##### **Art. 4** b Angeln\n\nAngeln ist erlaubt.\n\n\
         ##### **Art. 5** Ende\n\nDas Gesetz tritt in Kraft.\n",
    )
    .unwrap();
    assert_eq!(
        heads(&r.draft),
        ["4: Boote", "4a: ", "4b: Angeln", "5: Ende"]
    );
}

/// An EU act with more recitals than twice its articles: the recitals `(1)` … `(7)` are
/// numbered like sections, but they all come before the first `Article` heading, so they
/// are the preamble's and the articles stay the articles.
#[test]
fn recitals_outnumbering_the_articles_stay_in_the_preamble() {
    let recitals: String = (1..=7)
        .map(|n| {
            format!(
                "({n}) Liaison officers posted abroad should cooperate, as recital {n} says.\n\n"
            )
        })
        .collect();
    let r = txt(&format!(
        "Regulation on liaison officers\n\nWhereas:\n\n{recitals}HAVE ADOPTED THIS REGULATION:\n\n\
         Article 1\n\nScope\n\n1. This Regulation lays down rules on liaison officers.\n\n\
         2. It applies to officers of the Member States.\n\n\
         Article 2\n\nRepeal\n\nThe earlier Regulation is repealed.\n\n\
         Article 3\n\nEntry into force\n\nThis Regulation enters into force on the twentieth day.\n"
    ));
    assert_eq!(
        heads(&r.draft),
        ["1: Scope", "2: Repeal", "3: Entry into force"]
    );
    let preamble = &r.draft.preamble.as_ref().unwrap().text;
    assert!(preamble.contains("(7) Liaison officers"), "{preamble}");
    // Before, the recitals were read as seven sections, the articles as their text.
    assert!(
        r.warnings.iter().all(|w| !w.contains("numbered sections")),
        "{:?}",
        r.warnings
    );
}

/// Principles numbered `1.`, `2.` … under chapters numbered `I.`, `II.` with no keyword.
#[test]
fn roman_chapters_over_numbered_sections() {
    let r = txt("Principles on mobility\n\nI. General principles\n\n1. Everyone may leave any country.\n\n\
         2. States shall cooperate.\n\nII. Visitors\n\n3. Visitors may stay ninety days.\n\n\
         4. Visas shall be issued promptly.\n\nIII. Final provisions\n\n5. These principles apply to all.\n");
    assert_eq!(
        chapter_heads(&r.draft),
        [
            ("I", "General principles"),
            ("II", "Visitors"),
            ("III", "Final provisions")
        ]
    );
    assert_eq!(heads(&r.draft), ["1: ", "2: ", "3: ", "4: ", "5: "]);
    assert_eq!(
        articles(&r.draft)[1].text,
        "States shall cooperate.\n",
        "the next chapter's heading is no part of the section before it"
    );
}
