//! Heading lines: `Article 12`, `Art. 4 Catch limits`, `ARTICLE XII`, `§ 3`,
//! `Artículo 2.º Ámbito territorial.`, `### Artikel  1:1`, `Article L. 313-11`,
//! `CHAPTER II — Final provisions`, `TÍTULO PRELIMINAR`, `Erster Abschnitt`.
//!
//! This module judges one line on its own shape: a keyword (in English, French, Spanish,
//! German, Dutch, Italian, Portuguese or another language of the EU's acts), a number as
//! written, then nothing, a title, or
//! (after a full stop, colon or dash) the start of the article's text. A line such as
//! "Article 6 shall not apply to …" is a sentence, not a heading, and is refused here;
//! whether a well-shaped line really starts an article given the lines around it is
//! decided by `outline`. The forms and their sources are catalogued in
//! `docs/documents.md`.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// The word a heading starts with, which says what level of the document it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Keyword {
    /// Article, Artikel, Artículo, Articolo, Artigo, and the article-level units of
    /// annexed rules and contracts: Rule, Regel, Regla, Norma, Clause, Regulation.
    Article,
    /// `Section 12` or `§ 12`: an article in statute style, a container otherwise.
    Section,
    /// A Spanish `Disposición adicional primera`: article-like, but outside the articles.
    Provision,
    Chapter,
    Part,
    Title,
    Book,
    /// The division inside a chapter: Abschnitt, Sección, Afdeling, Sezione.
    Division,
    /// The division below that: Unterabschnitt, Subsección, Paragraaf, Sous-section.
    Subdivision,
}

impl Keyword {
    /// The word as a reader would write it, for messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Keyword::Article => "Article",
            Keyword::Section => "Section",
            Keyword::Provision => "Provision",
            Keyword::Chapter => "Chapter",
            Keyword::Part => "Part",
            Keyword::Title => "Title",
            Keyword::Book => "Book",
            Keyword::Division => "Division",
            Keyword::Subdivision => "Subdivision",
        }
    }

    /// Whether the keyword can open an article (articles, or sections in statute style).
    pub(crate) fn can_be_article(self) -> bool {
        matches!(self, Keyword::Article | Keyword::Section)
    }
}

/// One recognised heading line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub keyword: Keyword,
    /// The number as written, whitespace collapsed and ordinal signs dropped
    /// (`2.º` → `2`, `1er` → `1`, `12  bis` → `12 bis`); a range is `53–58`.
    pub number: String,
    /// The title on the same line, if any.
    pub title: String,
    /// The start of the text when it follows the number on the same line
    /// (`Article 6. States Parties shall …`).
    pub text: Option<String>,
    /// The line ends in dot leaders or a page number, as entries of a table of contents do.
    pub toc: bool,
    /// The title follows a dash or a colon (`Article 2 – Definitions`): a shape no
    /// wrapped sentence takes, so the heading stands wherever it is.
    pub dashed: bool,
    /// A full stop separates the number from what follows (`Section 1. You are …`).
    pub stopped: bool,
    /// The title is the one sentence after the number, as laws in Spanish, Italian and
    /// Portuguese write it (`Artículo 2. Igualdad con los nacionales e interpretación.`):
    /// should nothing follow the heading, the sentence was the article's text.
    pub sentence_title: bool,
}

/// Latin multiplicatives of inserted articles (`17 bis`, `35 quáter`).
const LATIN: &str = "bis|ter|quater|quáter|quinquies|sexies|septies|octies|novies|nonies|decies|\
undecies|duodecies|terdecies|quaterdecies|quindecies";

/// Numbers and ordinals written as words, in the languages of the keywords. Longest first,
/// so that `treinta y uno` is not read as `treinta`. French codes and laws open with a
/// `Titre liminaire`, `Chapitre liminaire` or `Article liminaire`: a preliminary division
/// or article numbered by that word. Czech laws number their parts with ordinals after the
/// keyword (`ČÁST PRVNÍ`, `ČÁST DRUHÁ`).
const WORDS: &str = "(?:(?:veinti|treinta y |cuarenta y |cincuenta y |sesenta y )?\
(?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))|diez|once|doce|trece|catorce|quince|\
dieciséis|dieciseis|diecisiete|dieciocho|diecinueve|veinte|treinta|cuarenta|cincuenta|sesenta|\
primero|primera|segundo|segunda|tercero|tercera|cuarto|cuarta|quinto|quinta|sexto|sexta|\
séptimo|séptima|octavo|octava|noveno|novena|décimo|décima|undécimo|undécima|duodécimo|\
duodécima|único|única|preliminar|premier|première|deuxième|troisième|quatrième|cinquième|\
sixième|septième|huitième|neuvième|dixième|unique|préliminaire|liminaire|\
první|druhá|druhý|třetí|čtvrtá|čtvrtý|pátá|pátý|šestá|šestý|sedmá|sedmý|osmá|osmý|devátá|\
devátý|desátá|desátý|jedenáctá|dvanáctá|třináctá|čtrnáctá|patnáctá|\
(?:(?:twenty|thirty|forty|fifty)[- ](?:one|two|three|four|five|six|seven|eight|nine|first|\
second|third|fourth|fifth|sixth|seventh|eighth|ninth))|eleventh|twelfth|thirteenth|\
fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|\
fortieth|fiftieth|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|\
nineteen|twenty|thirty|forty|fifty|one|two|three|four|five|six|seven|eight|nine|ten|first|\
second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|preliminary";

/// The keywords, each with its level; matched case-insensitively, longest first.
const KEYWORDS: &[(&str, Keyword)] = &[
    ("unterabschnitt", Keyword::Subdivision),
    ("sub-section", Keyword::Subdivision),
    ("subsection", Keyword::Subdivision),
    ("subchapter", Keyword::Subdivision),
    ("subpart", Keyword::Subdivision),
    ("subsección", Keyword::Subdivision),
    ("subseccion", Keyword::Subdivision),
    ("sous-section", Keyword::Subdivision),
    ("paragraaf", Keyword::Subdivision),
    ("untertitel", Keyword::Subdivision),
    // Czech and Slovak: `ČÁST` › `HLAVA` › `Díl` › `Oddíl` (containers nest in the order
    // they first appear).
    ("díl", Keyword::Subdivision),
    ("diel", Keyword::Subdivision),
    ("abschnitt", Keyword::Division),
    ("afdeling", Keyword::Division),
    ("sección", Keyword::Division),
    ("seccion", Keyword::Division),
    ("sezione", Keyword::Division),
    ("secção", Keyword::Division),
    ("seção", Keyword::Division),
    ("hoofdstuk", Keyword::Chapter),
    ("capítulo", Keyword::Chapter),
    ("capitulo", Keyword::Chapter),
    ("capitolo", Keyword::Chapter),
    ("chapitre", Keyword::Chapter),
    ("chapter", Keyword::Chapter),
    ("kapitel", Keyword::Chapter),
    ("chap", Keyword::Chapter),
    ("capo", Keyword::Chapter),
    ("título", Keyword::Title),
    ("titulo", Keyword::Title),
    ("titolo", Keyword::Title),
    ("title", Keyword::Title),
    ("titel", Keyword::Title),
    ("titre", Keyword::Title),
    ("partie", Keyword::Part),
    ("parte", Keyword::Part),
    ("part", Keyword::Part),
    ("teil", Keyword::Part),
    ("deel", Keyword::Part),
    ("livre", Keyword::Book),
    ("libro", Keyword::Book),
    ("book", Keyword::Book),
    ("buch", Keyword::Book),
    ("boek", Keyword::Book),
    ("voorschrift", Keyword::Article),
    ("regulation", Keyword::Article),
    ("artículo", Keyword::Article),
    ("articulo", Keyword::Article),
    ("articolo", Keyword::Article),
    ("article", Keyword::Article),
    ("artikel", Keyword::Article),
    ("artigo", Keyword::Article),
    ("clause", Keyword::Article),
    ("regla", Keyword::Article),
    ("regel", Keyword::Article),
    ("norma", Keyword::Article),
    ("rule", Keyword::Article),
    ("art", Keyword::Article),
    ("section", Keyword::Section),
    ("sect", Keyword::Section),
    ("sec", Keyword::Section),
    // The other official languages of the European Union (and a few of its neighbours),
    // keyword first: an EU act is published in each of them, headed the same way.
    ("artykuł", Keyword::Article),
    ("articolul", Keyword::Article),
    ("artikolu", Keyword::Article),
    ("l-artikolu", Keyword::Article),
    ("artiklu", Keyword::Article),
    ("l-artiklu", Keyword::Article),
    ("artikkel", Keyword::Article),
    ("airteagal", Keyword::Article),
    ("článek", Keyword::Article),
    ("článok", Keyword::Article),
    ("članak", Keyword::Article),
    ("člen", Keyword::Article),
    ("член", Keyword::Article),
    // Bulgarian statutes abbreviate it (`Чл. 1.`); Serbian, Bosnian and Montenegrin.
    ("чл", Keyword::Article),
    ("члан", Keyword::Article),
    ("član", Keyword::Article),
    ("статья", Keyword::Article),
    ("стаття", Keyword::Article),
    ("άρθρο", Keyword::Article),
    ("αρθρο", Keyword::Article),
    ("madde", Keyword::Article),
    ("rozdział", Keyword::Chapter),
    ("kapitola", Keyword::Chapter),
    ("poglavlje", Keyword::Chapter),
    ("poglavje", Keyword::Chapter),
    ("capitolul", Keyword::Chapter),
    ("kapitolu", Keyword::Chapter),
    ("caibidil", Keyword::Chapter),
    ("глава", Keyword::Chapter),
    ("розділ", Keyword::Chapter),
    ("κεφάλαιο", Keyword::Chapter),
    ("κεφαλαιο", Keyword::Chapter),
    ("bölüm", Keyword::Chapter),
    ("tytuł", Keyword::Title),
    ("hlava", Keyword::Title),
    ("titlul", Keyword::Title),
    ("glava", Keyword::Title),
    ("τίτλος", Keyword::Title),
    ("τιτλος", Keyword::Title),
    ("дял", Keyword::Title),
    ("część", Keyword::Part),
    ("část", Keyword::Part),
    ("časť", Keyword::Part),
    ("partea", Keyword::Part),
    ("μέρος", Keyword::Part),
    ("μερος", Keyword::Part),
    ("част", Keyword::Part),
    ("sekcja", Keyword::Division),
    ("oddział", Keyword::Division),
    ("oddíl", Keyword::Division),
    ("oddiel", Keyword::Division),
    ("odjeljak", Keyword::Division),
    ("oddelek", Keyword::Division),
    ("secțiunea", Keyword::Division),
    ("secţiunea", Keyword::Division),
    ("τμήμα", Keyword::Division),
    ("τμημα", Keyword::Division),
    ("раздел", Keyword::Division),
];

/// The ASCII characters a line may open with and still match a pattern anchored at its
/// start, as a set: a search costs hundreds of instructions even when it fails at the
/// first byte, and most lines open with a character no heading does. A line opening with
/// a non-ASCII character is always searched (Unicode case folding and classes are left to
/// the pattern); `openings_admit_every_match` checks each set against its pattern.
#[derive(Clone, Copy)]
pub(crate) struct Opening(u128);

impl Opening {
    pub(crate) const fn of(ascii: &[u8]) -> Opening {
        let mut bits = 0u128;
        let mut i = 0;
        while i < ascii.len() {
            bits |= 1 << ascii[i];
            i += 1;
        }
        Opening(bits)
    }

    const fn and(self, other: Opening) -> Opening {
        Opening(self.0 | other.0)
    }

    /// Whether `line` may match: it is empty, or opens with a non-ASCII character or one
    /// of the set's.
    pub(crate) fn admits(self, line: &str) -> bool {
        match line.as_bytes().first() {
            Some(&b) if b.is_ascii() => self.0 >> b & 1 == 1,
            _ => true,
        }
    }
}

pub(crate) const DIGITS: Opening = Opening::of(b"0123456789");
pub(crate) const ROMAN: Opening = Opening::of(b"IVXLCDM");
const OPENS_NUMBER_FIRST: Opening = DIGITS.and(ROMAN);
const OPENS_ORDINAL_FIRST: Opening = DIGITS.and(ROMAN).and(Opening::of(b"EZDVFSANpPdDtTsSjJ"));
const OPENS_PROVISION: Opening = Opening::of(b"dD");

/// Whether `line` may open with [`PROVISION`]'s `disposición`: its first nine bytes spell
/// `disposici` in either case, or one of them is not ASCII (the pattern's case folding
/// is Unicode's: a long `ſ` is an `s`). Most lines opening with a `D` are German or Dutch
/// sentences, and the pattern, with its Spanish numerals, is costly to compile.
fn may_open_provision(line: &str) -> bool {
    OPENS_PROVISION.admits(line)
        && line
            .as_bytes()
            .get(..9)
            .is_none_or(|head| !head.is_ascii() || head.eq_ignore_ascii_case(b"disposici"))
}
const OPENS_CONVERTER_MARK: Opening = Opening::of(b"(");
/// `第`, `제`, `§`: no ASCII character opens these.
const OPENS_NON_ASCII: Opening = Opening::of(b"");
const OPENS_ANNEX: Opening = Opening::of(b"ASEBPcCtTeE");

/// The ASCII letters that open a keyword of [`HEAD`], either case, and those whose case
/// partner opens one (`K` for the Kelvin sign, `S` for a long s).
static OPENS_HEAD: LazyLock<Opening> = LazyLock::new(|| {
    let mut ascii = Vec::new();
    for (word, _) in KEYWORDS {
        let Some(c) = word.chars().next() else {
            continue;
        };
        for a in (b'A'..=b'Z').chain(b'a'..=b'z') {
            let a_char = char::from(a);
            let same = |x: char, y: char| x.to_lowercase().eq(y.to_lowercase());
            if same(a_char, c) || a_char.to_uppercase().eq(c.to_uppercase()) {
                ascii.push(a);
            }
        }
    }
    Opening::of(&ascii)
});

/// The keywords written after the number (`1 artikla`, `3. cikk`, `2. pants`,
/// `4 straipsnis`, `II fejezet`, `1 luku`, `1 kap.`), in Finnish, Hungarian, Latvian,
/// Lithuanian, Estonian and Swedish.
static NUMBER_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<n>\d{1,4}[a-z]?|[IVXLCDM]{1,8})\.?\s+(?P<kw>(?i:artikla|cikk|pants|straipsnis|luku|fejezet|nodaļa|skyrius|peatükk|rész|daļa|dalis|szakasz|skirsnis|jagu|kap))\b\.?(?P<rest>.*)$",
    )
    .expect("the number-first pattern is a valid regex")
});

/// `1 §`, `2 a §` (Swedish and Finnish statutes), `1. §`, `1/A. §` (Hungarian): the
/// section sign after the number.
static NUMBER_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    // `1.  § 10 Abs. 2 … findet Anwendung`: a list item citing a section is no heading.
    Regex::new(r"^(?P<n>\d{1,4}(?:\s?[a-z]\b|/[A-Z])?)\.?\s*§(?P<rest>(?:\s+[^\d\s].*)?)$")
        .expect("the number-section pattern is a valid regex")
});

/// `§ 2 a.` (Danish and Norwegian statutes): an inserted section's letter after a space,
/// then the full stop.
static SPACED_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^§\s*(?P<n>\d{1,4}\s[a-z])(?P<rest>\.(?:\s.*)?)$")
        .expect("the spaced-letter pattern is a valid regex")
});

/// The level of a keyword written after its number.
fn number_first_keyword(word: &str) -> Keyword {
    match word.to_lowercase().as_str() {
        "artikla" | "cikk" | "pants" | "straipsnis" => Keyword::Article,
        "rész" | "daļa" | "dalis" => Keyword::Part,
        "szakasz" | "skirsnis" | "jagu" => Keyword::Division,
        _ => Keyword::Chapter,
    }
}

static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = KEYWORDS.iter().map(|(w, _)| *w).collect();
    let words = words.join("|");
    // The keyword: a word followed by a space or a full stop (`Art. 1`, `Art.1`,
    // `Art 49`), or the section sign (`§ 1`, `§§ 53 bis 58`, `§12`).
    let keyword = format!(r"(?P<kw>(?i:{words})(?:\.\s*|\s+)|§§?\s*)");
    // A number in brackets (`Article (1)`), or as written: a French code's letter prefix
    // (`L. 313-11`, `R.1`, `R*311-1`, `LO. 111`), digits
    // with hyphen, colon or dot parts (`171-9`, `1:1`, `4.1`, `83.0a`), a letter suffix
    // (`12a`, `12A`, Bulgarian `2а`, Greek `5α`), a Latin one (`17 bis`, Italian
    // `1-bis`), an ordinal sign (`2.º`, `1er`), and a Portuguese insertion after it
    // (`5.º-A`).
    let arabic = format!(
        r"(?P<arabic>(?:(?:LO|L|R|D|A)\*?\.?\s?)?\d{{1,9}}(?:[-:.]\d{{1,4}})*(?:\p{{Ll}}{{1,2}}\b|[A-Z]\b)?(?:[\s-]?(?i:{LATIN})\b)?)(?P<ordinal>\.?\s?[º°ª]|er\b|re\b)?(?P<osuffix>-[A-Z]\b)?"
    );
    let pattern = format!(
        r"^{keyword}(?:\((?P<bracketed>\d{{1,4}}[a-z]?)\)|{arabic}|(?P<roman>[IVXLCDM]{{1,8}})(?P<rsuffix>\s?(?i:{LATIN})|\s[a-z]|[a-z]{{1,2}})?\b|(?P<letter>[A-Z])\b|(?P<word>(?i:{WORDS}))\b)(?P<rest>.*)$"
    );
    Regex::new(&pattern).expect("the heading pattern is a valid regex")
});

/// `Erster Abschnitt`, `1. Abschnitt - …`, `I. Teil - …`: the number before the keyword,
/// as German statutes write their divisions; Slovak ones write the ordinal first too
/// (`PRVÁ ČASŤ`, `DRUHÁ HLAVA`, `Prvý diel`).
static ORDINAL_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<n>\d{1,3}[a-z]?\.|[IVXLCDM]{1,8}\.|(?:Erst|Zweit|Dritt|Viert|Fünft|Sechst|Siebt|Siebent|Acht|Neunt|Zehnt|Elft|Zwölft)(?:er|es|e))\s+(?P<kw>Teil|Abschnitt|Unterabschnitt|Kapitel|Buch|Titel|Untertitel)|(?P<sk>(?i:prvá|druhá|tretia|štvrtá|piata|šiesta|siedma|ôsma|deviata|desiata|jedenásta|dvanásta|trinásta|štrnásta|pätnásta|prvý|druhý|tretí|štvrtý|piaty|šiesty|siedmy|ôsmy|deviaty|desiaty))\s+(?P<skw>(?i:časť|hlava|diel|oddiel)))\b(?P<rest>.*)$",
    )
    .expect("the ordinal-first pattern is a valid regex")
});

impl Heading {
    /// A heading read from its parts alone, with none of the shapes a line can take.
    pub(crate) fn bare(
        keyword: Keyword,
        number: String,
        title: String,
        text: Option<String>,
    ) -> Heading {
        Heading {
            keyword,
            number,
            title,
            text,
            toc: false,
            dashed: false,
            stopped: false,
            sentence_title: false,
        }
    }
}

/// Whether `s` can open an article's text: a wrapped sentence goes on in lower case or
/// after a comma, a semicolon or a closing bracket.
fn opens_text(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| !c.is_lowercase() && !matches!(c, ',' | ';' | ')'))
}

/// `第1条`, `第二十三条の二`, `제28조의2(가명정보의 처리)`, `第一章　総則`: Chinese, Japanese and
/// Korean statutes wrap the number in the keyword, and insert articles with a branch
/// number (`の2`, `之一`, `의2`).
static EAST_ASIAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:第|제)\s*(?P<n>\d{1,4}|[〇零一二三四五六七八九十百千]{1,8})\s*(?P<kw>[条條조章장節节절編编편])(?P<branch>(?:(?:の|之|의)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,4}))*)(?P<rest>.*)$",
    )
    .expect("the East Asian pattern is a valid regex")
});

/// `제1항`, `第二項`, `第3条`: a numbered part of a text, cited.
static CITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:第|제)\s*[\d〇零一二三四五六七八九十百千]")
        .expect("the citation pattern is a valid regex")
});

/// The value of a number in Chinese numerals, as Japanese and Chinese statutes number
/// their articles (`二十三` = 23, `一百零五` = 105).
fn han_number(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let (mut total, mut digit) = (0, None::<u32>);
    for c in s.chars() {
        let d = "〇一二三四五六七八九"
            .chars()
            .position(|x| x == c)
            .or((c == '零').then_some(0));
        match (d, c) {
            (Some(d), _) => digit = Some(u32::try_from(d).ok()?),
            (None, '十' | '百' | '千') => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                total += digit.unwrap_or(1) * unit;
                digit = None;
            }
            _ => return None,
        }
    }
    Some(total + digit.unwrap_or(0)).filter(|&n| n > 0)
}

/// Reads a Chinese, Japanese or Korean heading: the number in Arabic digits, a branch
/// number after a hyphen (`제28조의2` → `28-2`, as the official English translations
/// write it), a bracketed title (`(목적)`, `（目的）`), and the text that runs on.
fn east_asian(line: &str) -> Option<Heading> {
    if !OPENS_NON_ASCII.admits(line) {
        return None;
    }
    let c = EAST_ASIAN.captures(line)?;
    let keyword = match &c["kw"] {
        "条" | "條" | "조" => Keyword::Article,
        "章" | "장" => Keyword::Chapter,
        "節" | "节" | "절" => Keyword::Division,
        _ => Keyword::Part,
    };
    let mut number = han_number(&ascii_digits(&c["n"]))?.to_string();
    for branch in c["branch"].split(['の', '之', '의']).skip(1) {
        number.push('-');
        number.push_str(&han_number(&ascii_digits(branch.trim()))?.to_string());
    }
    // `第三条の規定により`, `제3조에 따른`, `제3조 제1항에 따라`: a sentence citing the article.
    let spaced = c["rest"].starts_with(char::is_whitespace);
    let rest = c["rest"].trim();
    let bracketed = rest.starts_with(['(', '（']);
    let cites = CITED.is_match(rest);
    if !(rest.is_empty() || bracketed || spaced) || cites {
        return None;
    }
    let (title, text) = match rest.strip_prefix(['(', '（']) {
        Some(inner) => {
            let close = inner.find([')', '）'])?;
            let after = inner[close..].chars().skip(1).collect::<String>();
            (inner[..close].trim().to_owned(), after.trim().to_owned())
        }
        // A chapter's title follows a space; an article's text does (`第一条　この法律は、…
        // 目的とする。`), unless it is a title's few words that end no sentence (`第1条 定義`).
        None if !keyword.can_be_article()
            || rest.chars().count() <= 30 && !super::paragraphs::ends_sentence(rest) =>
        {
            (rest.to_owned(), String::new())
        }
        None => (String::new(), rest.to_owned()),
    };
    Some(Heading::bare(
        keyword,
        number,
        title,
        (!text.is_empty()).then_some(text),
    ))
}

/// `Disposición adicional primera.`, `Disposición transitoria.`, `Disposición final
/// quinta bis.`: the additional, transitional, repealing and final provisions of a Spanish
/// law, which follow the articles.
static PROVISION: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"^(?i:disposici[oó]n)\s+(?P<kind>(?i:adicional|transitoria|derogatoria|final)(?:\s+(?i:derogatoria))?)(?:\s+(?P<n>(?i:{WORDS})(?:\s+(?i:{LATIN}))?|\d{{1,3}}(?:\.?\s?[ªº])?(?:\s+(?i:{LATIN}))?)\b)?(?P<rest>.*)$"
    );
    Regex::new(&pattern).expect("the provision pattern is a valid regex")
});

/// ` bis 58`, ` u. 2`, ` to 7` after a number, or an en dash against it (`Art. 5–12`, as
/// Swiss consolidations head repealed runs): one heading for a range (`§§ 53 bis 58`).
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\s*(?:bis|und|u\.|to|and|à|a|al|tot|t/m)\s+|–)(?P<upto>\d{1,9}[a-z]?)\b(?P<rest>.*)$",
    )
    .expect("the range pattern is a valid regex")
});

/// `(XXXX) §§ 51 und 52`: a converter's marker before grouped norms.
static CONVERTER_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(X+\)\s*").expect("the marker pattern is a valid regex"));

/// `ANNEX II`, `Annex 3 – Correlation table`, `APPENDIX A`, `ADDENDUM: How to use …`,
/// `SCHEDULE 1`, `SCHEDULES` (over a UK Act's schedules), `ANNEX TO THE
/// CONVENTION`, `PROTOCOL ON …`, `Correlation table`, `Anlage 1 …`, `ANEXO`, `Bijlage 2`,
/// the supplementary provisions of a Korean or Japanese statute (`부칙 <제1234호>`, `附　則`,
/// which number their own articles from 1 again): the heading of back matter, whose text
/// is no article's.
static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:ANNEX(?:ES)?|Annex(?:es)?|APPENDIX|Appendix|ADDENDUM|Addendum|SCHEDULES?|Schedules?|EXHIBIT|Exhibit|Anlage|ANLAGE|Anhang|ANHANG|ANEXO|Anexo|ANNEXE|Annexe|BIJLAGE|Bijlage|ALLEGATO|Allegato)(?:\s+(?:[IVXLCDM]{1,6}|\d{1,3}[A-Za-z]?|[A-Z]))?\s*(?:[.:–—-]\s*(?P<title>.*)|\s+\((?:zu|to|al)\s[^)]*\))?|(?:ANNEX|APPENDIX|ADDENDUM|SCHEDULES?|PROTOCOL)\b[^a-z]*|(?i:correlation table|table of correspondence|correspondence table|table of equivalences|end of terms and conditions)|(?:부\s*칙|附\s*[則则])(?:\s*[<〈(（].*)?)$",
    )
    .expect("the annex pattern is a valid regex")
});

/// Whether `line` is the heading of an annex, appendix or schedule.
pub(crate) fn is_annex(line: &str) -> bool {
    let line = line.trim();
    OPENS_ANNEX.admits(line)
        && ANNEX.captures(line).is_some_and(|c| {
            // `APPENDIX: How to apply the Apache License to your work.`: a title may end with
            // a full stop.
            c.name("title").is_none_or(|t| {
                let t = t.as_str().trim_end_matches('.');
                t.is_empty() || title_like(t, ARTICLE_TITLE_WORDS)
            })
        })
        && line.split_whitespace().count() <= CONTAINER_TITLE_WORDS
}

/// The words that open back matter, in the languages of the keywords.
static ANNEX_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:ANNEX(?:ES)?|Annex(?:es)?|APPENDIX|Appendix|ADDENDUM|Addendum|SCHEDULES?|Schedules?|EXHIBIT|Exhibit|Anlage|ANLAGE|Anhang|ANHANG|ANEXO|Anexo|ANNEXE|Annexe|BIJLAGE|Bijlage|ALLEGATO|Allegato|Schlussformel)(?:\s|$|[.:–—-])",
    )
    .expect("the annex-word pattern is a valid regex")
});

/// A line formatted as a heading that starts with an annex word is the heading of an
/// annex, whatever follows (`## Anlage 1 Gebührenverzeichnis`, `### Bijlage I behorende
/// bij artikel 3`, `## Anhang EV`). A German law's `## Schlussformel` (the closing
/// formula and signatures) is back matter too, not text of the last §.
pub(crate) fn is_annex_styled(line: &str) -> bool {
    ANNEX_WORD.is_match(line.trim())
}

/// Dot leaders or a tab before a page number at the end of a table-of-contents entry.
static TOC_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s*[.·…_]{3,}\s*|\t+\s*|\s{4,})\d{1,4}\s*$")
        .expect("the table-of-contents pattern is a valid regex")
});

/// Most words a title may have when it shares the line with the number after a plain
/// space (`Art. 4 Catch limits`); longer runs are sentences.
pub(crate) const SPACE_TITLE_WORDS: usize = 12;
/// Most words of a title closed by a full stop after a bare section number (`4  INABILITY
/// TO COMPLY DUE TO STATUTE OR REGULATION.`): longer, it is more likely a sentence.
pub(crate) const CLOSED_TITLE_WORDS: usize = 8;
/// Most words of an article title after an explicit separator or on the next line.
pub(crate) const ARTICLE_TITLE_WORDS: usize = 20;
/// Most words of a chapter or part title: these are often long.
pub(crate) const CONTAINER_TITLE_WORDS: usize = 30;

/// `Article One`, `ARTICLE TWO – NAME`, `Section Three.`: an English number word after an
/// article's keyword is a heading only on a line of its own or before a dashed title, as
/// contracts, by-laws and some treaties number their articles; `Article three of the
/// Convention provides …` is a wrapped sentence.
fn stands_alone(rest: &str) -> bool {
    let r = rest.trim();
    matches!(r, "" | "." | ":")
        || explicit_separator(rest).is_some_and(|after| {
            let sep = rest.trim_start();
            (sep.starts_with(['–', '—', '-', ':']) || sep.starts_with("--"))
                && title_like(after.trim().trim_end_matches('.'), SPACE_TITLE_WORDS)
        })
}

/// Reads `line` as a heading, or `None` when it is not shaped like one.
/// The first digit (zero) of each run of ten decimal digits, besides ASCII, that laws
/// number their articles in: Arabic-Indic and Persian, N'Ko, the Indic scripts, Thai, Lao,
/// Tibetan, Myanmar, Khmer, Mongolian, and the fullwidth digits of Japanese and Chinese
/// text (`第１条`, `अनुच्छेद १`, `ماده ۱`, `มาตรา ๑`). Unicode keeps each such run
/// contiguous, so a digit's value is its distance from its zero.
const DIGIT_ZEROS: [u32; 22] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x19D0, 0xFF10,
];

/// A number written in any script's decimal digits, in ASCII digits: the ids of two
/// versions compare, and the outline counts, whatever digits each was typed in.
pub(crate) fn ascii_digits(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let digit = |c: char| {
        DIGIT_ZEROS
            .iter()
            .find(|&&zero| (zero..zero + 10).contains(&u32::from(c)))
            .and_then(|&zero| char::from_digit(u32::from(c) - zero, 10))
    };
    if !s.chars().any(|c| digit(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| digit(c).unwrap_or(c)).collect())
}

pub(crate) fn parse(line: &str) -> Option<Heading> {
    parse_with(line, false)
}

/// Reads a line its format marks as a heading (Markdown `#`, an underline, a Word
/// heading style): whatever follows the number is its title, however long
/// (`#### § 73 Sonstige Beteiligungserfordernisse im Visumverfahren, …`).
pub(crate) fn parse_styled(line: &str) -> Option<Heading> {
    parse_with(line, true).or_else(|| numbered_container(line))
}

/// `## I. - Die Grundrechte`, `## IV a. Gemeinsamer Ausschuß`, `### 1. - Persönlicher
/// Geltungsbereich`: numbered divisions without a keyword, as German statutes head them.
/// Only a line formatted as a heading is read so; an Arabic number needs the dash, since
/// `1. Definitions` is a licence's section.
static NUMBERED_CONTAINER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<roman>[IVXLCDM]{1,8})(?P<suffix>\s?[a-z])?\.\s*(?:[-–—]\s*)?|(?P<arabic>\d{1,3}[a-z]?)\.\s*[-–—]\s*)(?P<title>\p{Lu}.*)$",
    )
    .expect("the numbered-container pattern is a valid regex")
});

fn numbered_container(line: &str) -> Option<Heading> {
    let line = line.trim();
    if !OPENS_NUMBER_FIRST.admits(line) {
        return None;
    }
    let c = NUMBERED_CONTAINER.captures(line)?;
    let (keyword, number) = match (c.name("roman"), c.name("arabic")) {
        (Some(r), _) => {
            crate::roman::value(r.as_str())?;
            let suffix = c.name("suffix").map_or("", |m| m.as_str().trim());
            (Keyword::Chapter, format!("{}{suffix}", r.as_str()))
        }
        (None, Some(a)) => (Keyword::Division, a.as_str().to_owned()),
        _ => return None,
    };
    Some(Heading {
        dashed: true,
        ..Heading::bare(keyword, number, c["title"].trim().to_owned(), None)
    })
}

fn parse_with(line: &str, styled: bool) -> Option<Heading> {
    let line = line.trim();
    let line = match OPENS_CONVERTER_MARK.admits(line) {
        true => CONVERTER_MARK
            .find(line)
            .map_or(line, |m| line[m.end()..].trim_start()),
        false => line,
    };
    // Headings are capitalised; a lower-case "article 6" opening a line is a wrapped
    // cross-reference.
    if line.starts_with(char::is_lowercase) {
        return None;
    }
    if let Some(h) = east_asian(line) {
        return Some(h);
    }
    let captures = |re: &'static Regex, opening: Opening| {
        opening.admits(line).then(|| re.captures(line)).flatten()
    };
    if let Some(c) = may_open_provision(line)
        .then(|| PROVISION.captures(line))
        .flatten()
    {
        let kind = c["kind"].split_whitespace().collect::<Vec<_>>().join(" ");
        let number = match c.name("n") {
            Some(n) => format!("{kind} {}", collapse(n.as_str())),
            None => kind,
        };
        return finish(
            Keyword::Provision,
            number.to_lowercase(),
            &c["rest"],
            styled,
        );
    }
    if let Some(c) = captures(&ORDINAL_FIRST, OPENS_ORDINAL_FIRST) {
        let (kw, n) = match (c.name("kw"), c.name("n")) {
            (Some(kw), Some(n)) => (kw.as_str(), n.as_str()),
            _ => (c.name("skw")?.as_str(), c.name("sk")?.as_str()),
        };
        let keyword = keyword(kw)?;
        let number = n.trim_end_matches('.').to_owned();
        return finish(keyword, number, &c["rest"], styled);
    }
    if let Some(c) = captures(&SPACED_LETTER, OPENS_NON_ASCII) {
        return finish(Keyword::Section, c["n"].to_owned(), &c["rest"], styled);
    }
    if let Some(c) = captures(&NUMBER_SECTION, DIGITS) {
        // `1 § Denna lag innehåller …`: the text runs on after the sign, unless a short
        // title does.
        let (number, rest) = (collapse(&c["n"]), c["rest"].trim());
        if rest.is_empty() || title_like(rest, SPACE_TITLE_WORDS) {
            return finish(Keyword::Section, number, &c["rest"], styled);
        }
        // `3 § första stycket gäller …`: a wrapped citation.
        return opens_text(rest).then(|| {
            Heading::bare(
                Keyword::Section,
                number,
                String::new(),
                Some(rest.to_owned()),
            )
        });
    }
    if let Some(c) = captures(&NUMBER_FIRST, OPENS_NUMBER_FIRST) {
        let keyword = number_first_keyword(&c["kw"]);
        let n = &c["n"];
        if n.starts_with(|c: char| c.is_ascii_uppercase()) {
            crate::roman::value(n)?;
        }
        return finish(keyword, n.to_owned(), &c["rest"], styled);
    }
    let caps = captures(&HEAD, *OPENS_HEAD)?;
    let keyword_word = caps.name("kw")?.as_str();
    let keyword = keyword(keyword_word)?;
    let mut rest = caps.name("rest").map_or("", |m| m.as_str()).to_owned();
    // The text runs on after an ordinal sign: it has no title sentence.
    let mut run_on = false;
    let number = if let Some(m) = caps.name("bracketed") {
        // `Article (1)`, `المادة (1)`: the number in brackets, as the laws of several Arab
        // states and their English translations write it.
        m.as_str().to_owned()
    } else if let Some(m) = caps.name("arabic") {
        let mut number = collapse(m.as_str());
        // `12th` is an ordinal in a sentence; `2aa` is an article inserted twice over.
        if ["st", "nd", "rd", "th"].iter().any(|o| number.ends_with(o)) {
            return None;
        }
        // `1er`, `1re`: French ordinals of the first article.
        for ordinal in ["er", "re"] {
            if number
                .strip_suffix(ordinal)
                .is_some_and(|n| n.ends_with(|c: char| c.is_ascii_digit()))
            {
                number.truncate(number.len() - ordinal.len());
            }
        }
        // `ARTÍCULO 1o.`: Mexican and Colombian ordinals of the first nine articles, in
        // Spanish and before a full stop only (Dutch `Artikel 2o`, `Art. 2o.` is inserted
        // after `2n`).
        let spanish = matches!(
            keyword_word.trim().to_lowercase().as_str(),
            "artículo" | "articulo"
        );
        if spanish
            && rest.starts_with('.')
            && number
                .strip_suffix('o')
                .is_some_and(|n| n.ends_with(|c: char| c.is_ascii_digit()))
        {
            number.pop();
        }
        // `§§ 53 bis 58`: German "bis" is "to" when a number follows.
        let lower = number.to_lowercase();
        if lower.ends_with("bis")
            && caps.name("ordinal").is_none()
            && rest.starts_with(|c: char| c.is_whitespace())
            && rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
        {
            number.truncate(number.len() - 3);
            number = number.trim_end().to_owned();
            rest = format!(" bis{rest}");
        }
        if let Some(ordinal) = caps.name("ordinal").map(|o| o.as_str()) {
            // `Artículo 2.º Ámbito territorial.`: the full stop of the ordinal separates.
            // `Art. 1º Esta Lei dispõe sobre …`: Brazilian statutes run the text on after
            // the ordinal sign alone, which ends the number as a stop would.
            let sign_then_text = ordinal.starts_with(['º', '°', 'ª'])
                && rest.starts_with(char::is_whitespace)
                && explicit_separator(&rest).is_none()
                && !title_like(&rest, SPACE_TITLE_WORDS);
            if ordinal.starts_with('.') || sign_then_text {
                rest.insert(0, '.');
            }
            run_on = sign_then_text;
        }
        if let Some(suffix) = caps.name("osuffix") {
            number.push_str(suffix.as_str());
        }
        if let Some(r) = RANGE.captures(&rest) {
            number = format!("{number}–{}", &r["upto"]);
            rest = r["rest"].to_owned();
        }
        number
    } else if let Some(m) = caps.name("roman") {
        crate::roman::value(m.as_str())?;
        // `Article Ier` is the French ordinal of `Article I`, not an inserted article.
        let suffix = match caps.name("rsuffix").map(|s| s.as_str()) {
            Some("er") if m.as_str() == "I" => "",
            suffix => suffix.unwrap_or(""),
        };
        collapse(&format!("{}{suffix}", m.as_str()))
    } else if let Some(m) = caps.name("word") {
        let word = m.as_str().to_lowercase();
        let english = word == "preliminary" || crate::model::english_number(&word).is_some();
        if keyword.can_be_article() && english && !stands_alone(&rest) {
            return None;
        }
        collapse(m.as_str())
    } else if keyword.can_be_article() {
        // Letters open containers only ("Part A").
        return None;
    } else {
        caps.name("letter")?.as_str().to_owned()
    };
    let mut h = finish(keyword, number, &rest, styled)?;
    if !run_on {
        sentence_title(keyword_word, &mut h);
    }
    Some(h)
}

/// Whitespace collapsed to single spaces: `12  bis` → `12 bis`.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits what follows the number into title and text, or refuses the line.
fn finish(keyword: Keyword, number: String, rest: &str, styled: bool) -> Option<Heading> {
    let number = ascii_digits(&number).into_owned();
    let mut rest = rest.to_owned();
    let toc = match TOC_TAIL.find(&rest) {
        Some(m) => {
            rest.truncate(m.start());
            true
        }
        None => false,
    };
    let (title, text) = match split_rest(keyword, &rest) {
        Some((title, text)) if !(styled && text.is_some()) => (title, text),
        // `## Vierter Teil, Schlußvorschriften`: in a heading, a comma may set off a
        // division's title.
        _ if styled
            && (rest.starts_with(char::is_whitespace)
                || explicit_separator(&rest).is_some()
                || (rest.starts_with(", ") && !keyword.can_be_article())) =>
        {
            let title = explicit_separator(&rest).unwrap_or(&rest).trim();
            let title = title.strip_prefix(", ").unwrap_or(title);
            let after_dash = title.trim_start_matches(['.', '-', '–', '—', ' ']);
            if opens_numbered_paragraph(after_dash) {
                // `###### Artigo 1.º - 1. Compete à Secretaria …`: the line runs on into
                // the article's first paragraph; no title opens with a paragraph number.
                (String::new(), Some(after_dash.to_owned()))
            } else {
                (title.trim_end_matches('.').trim_end().to_owned(), None)
            }
        }
        _ => return None,
    };
    let sep = rest.trim_start();
    let dashed = !title.is_empty()
        && explicit_separator(&rest).is_some()
        && (sep.starts_with(['–', '—', '-', ':'])
            || sep
                .strip_prefix('.')
                .is_some_and(|s| s.starts_with(['–', '—', '-'])));
    // `Art. 12 A`: one capital letter is no title but the suffix of an inserted article.
    let (number, title) = match title.as_bytes() {
        [c] if c.is_ascii_uppercase() && text.is_none() && keyword.can_be_article() => {
            (format!("{number} {title}"), String::new())
        }
        _ => (number, title),
    };
    // `Art. 10. Não se concederá visto.`: a short sentence closed by a full stop reads as a
    // title (`Article 5. Scope.`) until the outline finds nothing under it.
    let closed = !styled
        && keyword.can_be_article()
        && text.is_none()
        && !title.is_empty()
        && rest.trim_end().ends_with('.');
    Some(Heading {
        keyword,
        number,
        title,
        text,
        toc,
        dashed,
        stopped: sep.starts_with('.'),
        sentence_title: closed,
    })
}

/// `1. `, `1) `, `(1) `: a numbered paragraph's marker.
fn opens_numbered_paragraph(s: &str) -> bool {
    let (inner, close) = match s.strip_prefix('(') {
        Some(inner) => (inner, &[')'][..]),
        None => (s, &['.', ')'][..]),
    };
    let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&digits)
        && inner[digits..]
            .strip_prefix(close)
            .is_some_and(|after| after.starts_with(char::is_whitespace))
}

/// Keywords of laws whose headings carry a sentence-cased title ending in a full stop.
const SENTENCE_TITLE_KEYWORDS: [&str; 6] = [
    "artículo",
    "articulo",
    "artigo",
    "articolo",
    "art",
    "disposición",
];

/// `Artículo 2. Igualdad con los nacionales e interpretación de las normas.`: one sentence
/// of title length after the number.
fn sentence_title(keyword_word: &str, h: &mut Heading) {
    let word = keyword_word
        .trim()
        .trim_end_matches('.')
        .trim_end()
        .to_lowercase();
    let Some(text) = h.text.as_deref() else {
        return;
    };
    let body = text.trim_end_matches('.');
    let one_sentence = text.ends_with('.')
        && !body.contains(". ")
        && body.split_whitespace().count() <= ARTICLE_TITLE_WORDS
        && body.starts_with(char::is_uppercase);
    if SENTENCE_TITLE_KEYWORDS.contains(&word.as_str()) && one_sentence && h.title.is_empty() {
        h.title = body.trim().to_owned();
        h.text = None;
        h.sentence_title = true;
    }
}

fn keyword(word: &str) -> Option<Keyword> {
    let w = word.trim().trim_end_matches('.').trim_end().to_lowercase();
    if w.starts_with('§') {
        return Some(Keyword::Section);
    }
    KEYWORDS.iter().find(|(k, _)| *k == w).map(|(_, kw)| *kw)
}

/// Splits what follows the number into a title and the start of the text, or refuses the
/// line when that is the rest of a sentence ("Article 6 shall not apply …").
fn split_rest(keyword: Keyword, rest: &str) -> Option<(String, Option<String>)> {
    let container = !keyword.can_be_article();
    let max_words = if container {
        CONTAINER_TITLE_WORDS
    } else {
        ARTICLE_TITLE_WORDS
    };
    let trimmed = rest.trim();
    if trimmed.is_empty() {
        return Some((String::new(), None));
    }
    if let Some(inner) = trimmed.strip_prefix('(') {
        // `Article 6 (Remedies)`: the whole rest must be the bracketed title.
        let inner = inner.strip_suffix(')')?;
        // A lower-case one is a repeal placeholder: `§ 6 (weggefallen)`, `(derogado)`.
        let placeholder =
            inner.split_whitespace().count() <= 3 && !inner.trim_end().ends_with(['.', ',', ';']);
        return (!inner.contains(')') && (title_like(inner, max_words) || placeholder))
            .then(|| (inner.trim().to_owned(), None));
    }
    let after_sep = explicit_separator(rest);
    let Some(after) = after_sep else {
        // Only a space between number and title: a short title, or not a heading at all.
        if !rest.starts_with(char::is_whitespace) {
            return None;
        }
        let words = if container {
            CONTAINER_TITLE_WORDS
        } else {
            SPACE_TITLE_WORDS
        };
        // `§ 60 Absatz 5 oder 7 des Aufenthaltsgesetzes vorliegen. Davon kann`: a sentence
        // ends inside, so this is a line of text that starts with a citation.
        let title = one_phrase(trimmed)
            && title_like(trimmed, words)
            && (container || !cites_part(trimmed));
        return title.then(|| (trimmed.to_owned(), None));
    };
    let after = after.trim();
    if after.is_empty() {
        return Some((String::new(), None));
    }
    if !container {
        // `Section 2. Grant of Copyright License. Subject to …`: a title, then the text.
        if let (title, Some(text)) = super::outline::numbered::split_title(after) {
            if !title.is_empty() {
                return Some((title, Some(text)));
            }
        }
    }
    if title_like(after, max_words) {
        return Some((after.to_owned(), None));
    }
    if let Some(short) = after.strip_suffix('.') {
        // `Article 5. Scope.`: a short title with a closing full stop.
        if short.split_whitespace().count() <= 4 && title_like(short, max_words) {
            return Some((short.trim().to_owned(), None));
        }
    }
    // `Section 2 -- Exclusion of liability.`: after a dash, a longer one too.
    let dash = rest.trim_start().starts_with(['-', '–', '—']);
    if let Some(title) = closed_title(after, CLOSED_TITLE_WORDS).filter(|_| dash) {
        return Some((title.to_owned(), None));
    }
    // `Chapitre III : Des obligations générales des commerçants.`: a colon set off by a
    // space, as French typography writes it, opens a division's title, however long.
    let spaced_colon = rest.starts_with(char::is_whitespace) && rest.trim_start().starts_with(':');
    if let Some(title) = closed_title(after, ARTICLE_TITLE_WORDS).filter(|_| spaced_colon) {
        return Some((title.to_owned(), None));
    }
    // `Livre II : L'entrée en France des étrangers et les conditions dans lesquelles …`
    // (CESEDA): French codes name some books and titles in over 30 words; after a spaced
    // colon, one phrase of up to 60 words is still the division's title.
    let body = after.strip_suffix('.').unwrap_or(after).trim_end();
    let long = body.split_whitespace().count() <= LONG_DIVISION_TITLE_WORDS
        && body.starts_with(char::is_uppercase)
        && !body.ends_with([',', ';', ':'])
        && one_phrase(body);
    if container && spaced_colon && long {
        return Some((body.to_owned(), None));
    }
    (!container && opens_text(after)).then(|| (String::new(), Some(after.to_owned())))
}

/// Whether no sentence ends inside `s` (`… vorliegen. Davon kann` has two).
fn one_phrase(s: &str) -> bool {
    !s.split_whitespace()
        .zip(s.split_whitespace().skip(1))
        .any(|(w, next)| w.ends_with('.') && !initials(w) && next.starts_with(char::is_uppercase))
}

/// The longest division title after a spaced colon (`Livre II : …`, French codes).
const LONG_DIVISION_TITLE_WORDS: usize = 60;

/// What follows `.`, `:` or a dash after the number, or `None` without such a separator.
fn explicit_separator(rest: &str) -> Option<&str> {
    let t = rest.trim_start();
    let spaced = t.len() < rest.len();
    // `Section 1 -- Definitions.`: a typewriter dash.
    if let Some(after) = t.strip_prefix("--") {
        return Some(after);
    }
    if let Some(after) = t.strip_prefix(['.', ':']) {
        // `2.- Definitions`, `2.—Definitions`: a full stop and a dash together (common in
        // laws drafted in Spanish or French) separate however they are spaced.
        if let Some(after) = after.strip_prefix(['–', '—', '-']) {
            return Some(after);
        }
        // `quinta bis.Código …`: a missing space before a capital is a typo, not a number.
        return (after.is_empty()
            || after.starts_with(char::is_whitespace)
            || after.starts_with(char::is_uppercase))
        .then_some(after);
    }
    for dash in ['–', '—', '-'] {
        if let Some(after) = t.strip_prefix(dash) {
            // `2-Definitions` could be a compound number; a dash separates only with space.
            let ok = dash != '-' || spaced || after.starts_with(char::is_whitespace);
            return ok.then_some(after);
        }
    }
    None
}

/// The title of `s` when it is a short title closed by a full stop (`DEFINITIONS.`,
/// `U.S. GOVERNMENT END USERS.`): one sentence of at most `max_words` words without a
/// digit, which a wrapped line that happens to start with a number (`2 years after …
/// section 5.`) nearly always has.
pub(crate) fn closed_title(s: &str, max_words: usize) -> Option<&str> {
    closed_sentence(s, max_words).filter(|body| !body.contains(|c: char| c.is_ascii_digit()))
}

/// The body of `s` when it is one title-like sentence of at most `max_words` words
/// closed by a full stop.
pub(crate) fn closed_sentence(s: &str, max_words: usize) -> Option<&str> {
    let body = s.trim().strip_suffix('.')?.trim_end();
    let one_sentence = !body.ends_with('.')
        && body
            .split_whitespace()
            .rev()
            .skip(1)
            .all(|w| !w.ends_with('.') || initials(w));
    (one_sentence && body.split_whitespace().count() <= max_words && title_like(body, max_words))
        .then_some(body)
}

/// `§ 4 Absatz 2 gilt entsprechend`, `§ 60 Abs. 8 Satz 1 vorliegen; …`: after a plain
/// space, a number in the first two words cites a part of the article, in a line of text
/// that starts with the citation; a title names a subject.
pub(crate) fn cites_part(rest: &str) -> bool {
    rest.split_whitespace()
        .take(2)
        .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// `U.S.`, `J.`: the stops of initials end no sentence.
fn initials(w: &str) -> bool {
    w.trim_end_matches('.')
        .split('.')
        .all(|p| p.chars().count() <= 1)
}

/// Whether `s` reads as a heading's title: short, not a sentence, not the middle of one
/// (nor a lead-in to a list, which ends in a colon or a dash).
pub(crate) fn title_like(s: &str, max_words: usize) -> bool {
    let s = s.trim();
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().last().unwrap_or(first);
    !first.is_lowercase()
        && !matches!(first, ',' | ';' | ':' | ')')
        // A sentence's stop in any script (`。`, `।`, `۔`, `።`) ends text, never a title.
        && !matches!(
            last,
            '.' | ',' | ';' | ':' | '-' | '—' | '–' | '。' | '，' | '、' | '；' | '：' | '！'
                | '？' | '।' | '۔' | '።' | '։'
        )
        && s.split_whitespace().count() <= max_words
        && s.chars().count() <= 200
}

/// Every sample matches `re`; with any of its first twelve characters replaced by each
/// ASCII character in turn, it matches only where `admits` lets the line through to the
/// search.
#[cfg(test)]
pub(crate) fn assert_admits_every_match(
    re: &Regex,
    admits: impl Fn(&str) -> bool,
    samples: &[&str],
) {
    for sample in samples {
        assert!(re.is_match(sample), "the sample {sample:?} does not match");
        for (at, c) in sample.char_indices().take(12) {
            let (head, tail) = (&sample[..at], &sample[at + c.len_utf8()..]);
            for b in 0..128u8 {
                let line = format!("{head}{}{tail}", char::from(b));
                assert!(
                    !re.is_match(&line) || admits(&line),
                    "{line:?} matches but is not searched"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_admit_every_match() {
        let keywords: Vec<String> = KEYWORDS
            .iter()
            .flat_map(|(w, _)| [format!("{w} 1"), format!("{w}. 2"), w.to_uppercase() + " 3"])
            .chain(["§ 1", "§§ 53 bis 58", "§12"].map(String::from))
            .collect();
        let keywords: Vec<&str> = keywords.iter().map(String::as_str).collect();
        assert_admits_every_match(&HEAD, |l| OPENS_HEAD.admits(l), &keywords);
        let ordinals: Vec<String> = [
            "1. Abschnitt",
            "IV. Teil",
            "Erster Abschnitt",
            "Zweites Buch",
            "Dritter Teil",
            "Vierter Titel",
            "Fünfter Teil",
            "Sechster Teil",
            "Siebter Teil",
            "Siebenter Teil",
            "Achter Teil",
            "Neunter Teil",
            "Zehnter Teil",
            "Elfter Teil",
            "Zwölfter Teil",
        ]
        .into_iter()
        .map(String::from)
        .chain(
            "prvá druhá tretia štvrtá piata šiesta siedma ôsma deviata desiata jedenásta \
             dvanásta trinásta štrnásta pätnásta prvý druhý tretí štvrtý piaty šiesty siedmy \
             ôsmy deviaty desiaty"
                .split_whitespace()
                .flat_map(|w| [format!("{w} časť"), format!("{} HLAVA", w.to_uppercase())]),
        )
        .collect();
        let ordinals: Vec<&str> = ordinals.iter().map(String::as_str).collect();
        assert_admits_every_match(&ORDINAL_FIRST, |l| OPENS_ORDINAL_FIRST.admits(l), &ordinals);
        assert_admits_every_match(
            &PROVISION,
            may_open_provision,
            &[
                "Disposición adicional primera.",
                "disposicion final 2",
                "DISPOSICIÓN transitoria",
                "Diſpoſición final",
            ],
        );
        assert_admits_every_match(
            &CONVERTER_MARK,
            |l| OPENS_CONVERTER_MARK.admits(l),
            &["(XX) §§ 51 und 52", "(X)"],
        );
        assert_admits_every_match(
            &SPACED_LETTER,
            |l| OPENS_NON_ASCII.admits(l),
            &["§ 2 a.", "§2 b. Titel"],
        );
        assert_admits_every_match(
            &EAST_ASIAN,
            |l| OPENS_NON_ASCII.admits(l),
            &["第1条", "제28조의2(가명정보의 처리)", "第一章　総則"],
        );
        assert_admits_every_match(
            &NUMBER_SECTION,
            |l| DIGITS.admits(l),
            &["1 §", "2 a §", "1. §", "1/A. § Cím"],
        );
        assert_admits_every_match(
            &NUMBER_FIRST,
            |l| OPENS_NUMBER_FIRST.admits(l),
            &[
                "1 artikla",
                "3. cikk",
                "II fejezet",
                "4 straipsnis",
                "1 kap.",
            ],
        );
        assert_admits_every_match(
            &NUMBERED_CONTAINER,
            |l| OPENS_NUMBER_FIRST.admits(l),
            &[
                "I. - Die Grundrechte",
                "IV a. Gemeinsamer Ausschuß",
                "1. - Persönlicher Geltungsbereich",
                "XII. Titel",
            ],
        );
        assert_admits_every_match(
            &ANNEX,
            |l| OPENS_ANNEX.admits(l),
            &[
                "ANNEX II",
                "ANNEXES",
                "Annex 3 – Correlation table",
                "Annexes",
                "APPENDIX A",
                "Appendix",
                "ADDENDUM: How",
                "Addendum",
                "SCHEDULE 1",
                "SCHEDULES",
                "Schedule 2",
                "Schedules",
                "EXHIBIT A",
                "Exhibit",
                "Anlage 1",
                "ANLAGE",
                "Anhang",
                "ANHANG",
                "ANEXO",
                "Anexo",
                "ANNEXE",
                "Annexe",
                "BIJLAGE 2",
                "Bijlage",
                "ALLEGATO",
                "Allegato",
                "PROTOCOL ON THE X",
                "Correlation table",
                "table of correspondence",
                "Correspondence table",
                "Table of equivalences",
                "END OF TERMS AND CONDITIONS",
                "부칙",
                "附則",
                "ANNEX TO THE CONVENTION",
            ],
        );
    }

    fn head(line: &str) -> (Keyword, String, String, Option<String>) {
        let h = parse(line).unwrap_or_else(|| panic!("not a heading: {line:?}"));
        (h.keyword, h.number, h.title, h.text)
    }

    fn article(line: &str) -> (String, String) {
        let (k, n, t, text) = head(line);
        assert_eq!(k, Keyword::Article, "{line}");
        assert_eq!(text, None, "{line}");
        (n, t)
    }

    fn pair(n: &str, t: &str) -> (String, String) {
        (n.to_owned(), t.to_owned())
    }

    #[test]
    fn bare_article_headings_in_every_spelling() {
        assert_eq!(article("Article 12"), pair("12", ""));
        assert_eq!(article("ARTICLE 12"), pair("12", ""));
        assert_eq!(article("Art. 12"), pair("12", ""));
        assert_eq!(article("Art.12"), pair("12", ""));
        assert_eq!(article("Article XII"), pair("XII", ""));
        assert_eq!(article("Article 12bis"), pair("12bis", ""));
        assert_eq!(article("Article 12 bis"), pair("12 bis", ""));
        assert_eq!(article("Article 12 ter"), pair("12 ter", ""));
        assert_eq!(article("Article 12a"), pair("12a", ""));
        assert_eq!(article("Article 4.1"), pair("4.1", ""));
        assert_eq!(article("Article 10000"), pair("10000", ""));
        assert_eq!(article("Article 1000001"), pair("1000001", ""));
        assert_eq!(article("Article 12."), pair("12", ""));
        assert_eq!(article("  Article 7  "), pair("7", ""));
    }

    /// One row per form of `headings-in-the-wild` (docs/documents.md): the line as the
    /// heading text (Markdown markers already stripped), its keyword, number and title.
    #[test]
    fn heading_forms_in_the_wild() {
        use Keyword::*;
        let rows: &[(&str, Keyword, &str, &str)] = &[
            // German federal law
            ("§ 24", Section, "24", ""),
            (
                "§ 1 Ausgabe durch die Deutsche Bundesbank",
                Section,
                "1",
                "Ausgabe durch die Deutsche Bundesbank",
            ),
            ("§ 22a Erlaubnis", Section, "22a", "Erlaubnis"),
            ("§ 3 (weggefallen)", Section, "3", "weggefallen"),
            ("Art 49 (weggefallen)", Article, "49", "weggefallen"),
            (
                "§§ 53 bis 58 (weggefallen)",
                Section,
                "53–58",
                "weggefallen",
            ),
            (
                "(XXXX) §§ 51 und 52 (weggefallen)",
                Section,
                "51–52",
                "weggefallen",
            ),
            ("§§ 1 bis 5", Section, "1–5", ""),
            // Swiss consolidations: a repealed run, the dash against both numbers.
            ("Art. 5–12", Article, "5–12", ""),
            ("Art. 2 – Zweck", Article, "2", "Zweck"),
            ("Art 143g", Article, "143g", ""),
            ("Artikel 1", Article, "1", ""),
            ("1. Abschnitt - Allgemeines", Division, "1", "Allgemeines"),
            ("Abschnitt 1 - Allgemeines", Division, "1", "Allgemeines"),
            ("Abschnitt II:", Division, "II", ""),
            (
                "Erster Abschnitt - Allgemeine Bestimmungen",
                Division,
                "Erster",
                "Allgemeine Bestimmungen",
            ),
            ("I. Teil - Grundsätze", Part, "I", "Grundsätze"),
            ("Teil 1 - Grundsätze", Part, "1", "Grundsätze"),
            (
                "Unterabschnitt 1 - Zuständigkeit",
                Subdivision,
                "1",
                "Zuständigkeit",
            ),
            ("Kapitel 1 - Allgemeines", Chapter, "1", "Allgemeines"),
            ("Buch 1 - Allgemeiner Teil", Book, "1", "Allgemeiner Teil"),
            ("Titel 1 - Personen", Title, "1", "Personen"),
            ("Untertitel 1 - Vereine", Subdivision, "1", "Vereine"),
            ("Regel 1 Anwendung", Article, "1", "Anwendung"),
            // Spanish law
            ("Artículo 1.", Article, "1", ""),
            ("Artículo 1", Article, "1", ""),
            ("Artículo 17 bis.", Article, "17 bis", ""),
            (
                "Artículo 35 quáter. Menores.",
                Article,
                "35 quáter",
                "Menores",
            ),
            (
                "Artículo 2.º Ámbito territorial.",
                Article,
                "2",
                "Ámbito territorial",
            ),
            ("Artículo 1.°", Article, "1", ""),
            ("Artículo 1º.", Article, "1", ""),
            ("Artículo primero.", Article, "primero", ""),
            ("Artículo único.", Article, "único", ""),
            (
                "Artículo treinta y uno. Prohibiciones generales.",
                Article,
                "treinta y uno",
                "Prohibiciones generales",
            ),
            ("Art. 1.", Article, "1", ""),
            ("Artículo 8.4.", Article, "8.4", ""),
            (
                "Regla 1. Ámbito de aplicación.",
                Article,
                "1",
                "Ámbito de aplicación",
            ),
            (
                "Norma 1.ª Ámbito de aplicación.",
                Article,
                "1",
                "Ámbito de aplicación",
            ),
            ("TÍTULO PRELIMINAR", Title, "PRELIMINAR", ""),
            ("TÍTULO I. De los derechos", Title, "I", "De los derechos"),
            (
                "CAPÍTULO PRIMERO. Disposiciones generales",
                Chapter,
                "PRIMERO",
                "Disposiciones generales",
            ),
            ("CAPÍTULO I", Chapter, "I", ""),
            (
                "Sección 1.ª De la competencia",
                Division,
                "1",
                "De la competencia",
            ),
            (
                "Sección primera. De la competencia",
                Division,
                "primera",
                "De la competencia",
            ),
            ("Subsección 1.ª Normas", Subdivision, "1", "Normas"),
            // Dutch law and treaties (the two spaces and trailing spaces as published)
            ("Artikel  1  ", Article, "1", ""),
            ("Artikel 5", Article, "5", ""),
            ("Artikel  30a  ", Article, "30a", ""),
            ("Artikel  2aa  ", Article, "2aa", ""),
            ("Artikel  1:1  ", Article, "1:1", ""),
            ("Artikel  1.1  ", Article, "1.1", ""),
            ("Artikel  83.0a  ", Article, "83.0a", ""),
            ("Artikel  I  ", Article, "I", ""),
            ("ARTIKEL  I  ", Article, "I", ""),
            ("Voorschrift  1.1", Article, "1.1", ""),
            ("§  3", Section, "3", ""),
            ("Hoofdstuk  1", Chapter, "1", ""),
            ("Paragraaf  1", Subdivision, "1", ""),
            ("Afdeling  1", Division, "1", ""),
            ("Article  4 bis  ", Article, "4 bis", ""),
            ("Article  1er  ", Article, "1", ""),
            ("PART  I  ", Part, "I", ""),
            ("SECTION  1  ", Section, "1", ""),
            ("Rule  1", Article, "1", ""),
            ("Regulation  1", Article, "1", ""),
            ("Titre  Premier", Title, "Premier", ""),
            ("Articolo  1", Article, "1", ""),
            ("Artículo  5", Article, "5", ""),
            ("Art.  1", Article, "1", ""),
            ("DEEL  I", Part, "I", ""),
            // French codes
            ("Article 515-14", Article, "515-14", ""),
            ("Article 515-7-1", Article, "515-7-1", ""),
            ("Article 16-1-1", Article, "16-1-1", ""),
            ("Article L. 313-11", Article, "L. 313-11", ""),
            ("Article L313-11", Article, "L313-11", ""),
            ("Article R. 1", Article, "R. 1", ""),
            ("Article R*311-1", Article, "R*311-1", ""),
            ("Article LO. 111", Article, "LO. 111", ""),
            ("Art. 1-bis", Article, "1-bis", ""),
            (
                "Art. 2-ter. Disposizioni transitorie",
                Article,
                "2-ter",
                "Disposizioni transitorie",
            ),
            ("Artigo 5.º-A Âmbito", Article, "5-A", "Âmbito"),
            ("Livre IV", Book, "IV", ""),
            ("Chapitre II : Du gage", Chapter, "II", "Du gage"),
            (
                "Section 1 : Dispositions générales",
                Section,
                "1",
                "Dispositions générales",
            ),
            // Italian and Portuguese
            ("Articolo 3 - Principi", Article, "3", "Principi"),
            (
                "Capo I - Disposizioni generali",
                Chapter,
                "I",
                "Disposizioni generali",
            ),
            ("Artigo 5.º Âmbito", Article, "5", "Âmbito"),
            ("ARTÍCULO 1o. Objeto.", Article, "1", "Objeto"),
            ("ARTICULO 2° — Ámbito", Article, "2", "Ámbito"),
            ("Artikel 2o", Article, "2o", ""),
            ("Art. 2o. Vreemdelingen", Article, "2o", "Vreemdelingen"),
            // Articles inserted into a Dutch enacting act: a Roman number and letters.
            ("Artikel LIIa", Article, "LIIa", ""),
            ("Artikel  LIIba  ", Article, "LIIba", ""),
            ("Artikel XII b", Article, "XII b", ""),
            // French divisions: a spaced colon, then a title closed by a full stop.
            (
                "Chapitre III : Des obligations générales des commerçants.",
                Chapter,
                "III",
                "Des obligations générales des commerçants",
            ),
            (
                "Section 2 : Du conjoint du chef d'entreprise travaillant dans l'entreprise familiale.",
                Section,
                "2",
                "Du conjoint du chef d'entreprise travaillant dans l'entreprise familiale",
            ),
            ("Article Ier", Article, "I", ""),
            ("Capítulo II", Chapter, "II", ""),
            // Licences and contracts with a keyword
            ("Section 1 -- Definitions.", Section, "1", "Definitions"),
            ("Clause 7 Termination", Article, "7", "Termination"),
            ("Subsection 1 Recognition", Subdivision, "1", "Recognition"),
            // Dispositions of a Spanish law
            (
                "Disposición adicional primera. Referencias al Código Civil.",
                Provision,
                "adicional primera",
                "Referencias al Código Civil",
            ),
            ("Disposición transitoria.", Provision, "transitoria", ""),
            (
                "Disposición derogatoria única.",
                Provision,
                "derogatoria única",
                "",
            ),
            ("Disposición final", Provision, "final", ""),
            (
                "Disposición final quinta bis.Código Comunitario de Visados.",
                Provision,
                "final quinta bis",
                "Código Comunitario de Visados",
            ),
            // The other languages of EU acts, keyword first and number first
            ("Artykuł 12", Article, "12", ""),
            ("Articolul 3", Article, "3", ""),
            ("Článek 5", Article, "5", ""),
            ("ČLANAK 1.", Article, "1", ""),
            ("Член 7", Article, "7", ""),
            ("Άρθρο 2", Article, "2", ""),
            ("ΑΡΘΡΟ 2", Article, "2", ""),
            ("Airteagal 4", Article, "4", ""),
            ("1 artikla", Article, "1", ""),
            ("3. cikk", Article, "3", ""),
            ("2. pants", Article, "2", ""),
            ("4 straipsnis", Article, "4", ""),
            ("ROZDZIAŁ II", Chapter, "II", ""),
            ("Capitolul IV", Chapter, "IV", ""),
            ("ΚΕΦΑΛΑΙΟ I", Chapter, "I", ""),
            ("II fejezet", Chapter, "II", ""),
            ("3 luku", Chapter, "3", ""),
            ("Oddíl 2", Division, "2", ""),
        ];
        for &(line, keyword, number, title) in rows {
            let h = parse(line).unwrap_or_else(|| panic!("not a heading: {line:?}"));
            assert_eq!(
                (
                    h.keyword,
                    h.number.as_str(),
                    h.title.as_str(),
                    h.text.as_deref()
                ),
                (keyword, number, title, None),
                "{line:?}"
            );
        }
    }

    /// Chinese, Japanese and Korean statutes: the number inside the keyword, in Arabic or
    /// Chinese numerals, a branch number for an inserted article, a bracketed title, and
    /// the text running on after a space.
    #[test]
    fn east_asian_headings() {
        use Keyword::*;
        let rows: &[(&str, Keyword, &str, &str, Option<&str>)] = &[
            ("제1조(목적)", Article, "1", "목적", None),
            (
                "제28조의2(가명정보의 처리 등) ① 개인정보처리자는 …할 수 있다.",
                Article,
                "28-2",
                "가명정보의 처리 등",
                Some("① 개인정보처리자는 …할 수 있다."),
            ),
            ("제1장 총칙", Chapter, "1", "총칙", None),
            ("제2절 보칙", Division, "2", "보칙", None),
            (
                "第一条　この法律は、管理を図ることを目的とする。",
                Article,
                "1",
                "",
                Some("この法律は、管理を図ることを目的とする。"),
            ),
            ("第二十三条の二", Article, "23-2", "", None),
            ("第1条 定義", Article, "1", "定義", None),
            // Fullwidth digits, as Japanese texts often type them.
            ("第１２条 定義", Article, "12", "定義", None),
            ("第3条（適用範囲）", Article, "3", "適用範囲", None),
            ("第一章　総則", Chapter, "1", "総則", None),
            ("第二編 物権", Part, "2", "物権", None),
            (
                "第一百零五条　本法自公布之日起施行。",
                Article,
                "105",
                "",
                Some("本法自公布之日起施行。"),
            ),
        ];
        for &(line, keyword, number, title, text) in rows {
            let h = parse(line).unwrap_or_else(|| panic!("not a heading: {line:?}"));
            assert_eq!(
                (
                    h.keyword,
                    h.number.as_str(),
                    h.title.as_str(),
                    h.text.as_deref()
                ),
                (keyword, number, title, text),
                "{line:?}"
            );
        }
        // Sentences that open by citing an article.
        for line in [
            "第三条の規定により、適用しない。",
            "제3조에 따른 신고",
            "제3조 제1항에 따라 신고한다.",
        ] {
            assert_eq!(parse(line), None, "{line}");
        }
        assert_eq!(han_number("十"), Some(10));
        assert_eq!(han_number("二十"), Some(20));
        assert_eq!(han_number("百二"), Some(102));
        assert_eq!(han_number("二千三百四十五"), Some(2345));
        assert_eq!(han_number("〇"), None);
    }

    /// `Art. 1º Esta Lei …` (Brazil), `Чл. 2а. (1) …` (Bulgaria): the ordinal sign or the
    /// full stop ends the number, and the text runs on.
    #[test]
    fn text_after_the_number_in_brazilian_and_bulgarian_statutes() {
        let h = parse("Art. 1º Esta Lei dispõe sobre a migração e regula a entrada e a estada do migrante no País.").unwrap();
        assert_eq!((h.number.as_str(), h.title.as_str()), ("1", ""));
        assert!(h.text.unwrap().starts_with("Esta Lei dispõe"));
        let h = parse("Art. 4º Objeto").unwrap();
        assert_eq!((h.number.as_str(), h.title.as_str()), ("4", "Objeto"));
        let h = parse("Чл. 2а. (1) Чужденците могат да бъдат задържани само по реда на закона.")
            .unwrap();
        assert_eq!((h.keyword, h.number.as_str()), (Keyword::Article, "2а"));
        assert!(h.text.unwrap().starts_with("(1) Чужденците"));
        assert_eq!(parse("Član 5.").map(|h| h.number), Some("5".to_owned()));
    }

    /// `1 §`, `2 a §` (Swedish, Finnish), `1. §`, `1/A. §` (Hungarian): the section sign
    /// after the number, the text running on after it unless a short title does.
    #[test]
    fn the_section_sign_after_the_number() {
        let read = |line: &str| {
            parse(line).map(|h| (h.keyword, h.number, h.title, h.text.unwrap_or_default()))
        };
        let s = Keyword::Section;
        assert_eq!(
            read("1 § Denna lag innehåller bestämmelser om utlänningars resor."),
            Some((
                s,
                "1".into(),
                "".into(),
                "Denna lag innehåller bestämmelser om utlänningars resor.".into()
            ))
        );
        assert_eq!(
            read("2 a § Ett tillstånd får ges."),
            Some((s, "2 a".into(), "".into(), "Ett tillstånd får ges.".into()))
        );
        assert_eq!(
            read("1/A. § (1) E törvény hatálya kiterjed a külföldiekre."),
            Some((
                s,
                "1/A".into(),
                "".into(),
                "(1) E törvény hatálya kiterjed a külföldiekre.".into()
            ))
        );
        assert_eq!(
            read("3 § Lain tarkoitus"),
            Some((s, "3".into(), "Lain tarkoitus".into(), "".into()))
        );
        assert_eq!(read("12 §"), Some((s, "12".into(), "".into(), "".into())));
        // Danish and Norwegian insert `§ 2 a.`, the letter after a space.
        assert_eq!(
            read("§ 2 a. Ny tekst om indrejse her i landet."),
            Some((
                s,
                "2 a".into(),
                "".into(),
                "Ny tekst om indrejse her i landet.".into()
            ))
        );
        // A wrapped citation, and a list item citing a section.
        assert_eq!(read("3 § första stycket gäller inte."), None);
        assert_eq!(
            read("1.  § 10 Abs. 2 Satz 2 findet Anwendung, wenn der"),
            None
        );
        let h = parse("1 kap. Inledande bestämmelser").unwrap();
        assert_eq!(
            (h.keyword, h.number.as_str(), h.title.as_str()),
            (Keyword::Chapter, "1", "Inledande bestämmelser")
        );
    }

    /// The traps of the catalogue: lines that cite a heading but are not one.
    #[test]
    fn traps_in_the_wild() {
        use Keyword::*;
        for line in [
            "Sections 1 and 2 above provided that the licence is kept.",
            "§ 39 Absatz 3d Nummer 2 des Aufenthaltsgesetzes ist anzuwenden.",
            "Section 4(b), as requested.",
            "Artikel 5 van deze wet is van toepassing op vreemdelingen die",
            "Article 6 and 7 apply to the Parties.",
            "Artículo 5 de la Ley Orgánica, en la redacción dada",
        ] {
            assert_eq!(parse(line), None, "{line}");
        }
        // Numbered divisions without a keyword, in a heading-styled line only.
        let h = parse_styled("IV a. - Gemeinsamer Ausschuß").unwrap();
        assert_eq!(
            (h.keyword, h.number.as_str(), h.title.as_str()),
            (Chapter, "IVa", "Gemeinsamer Ausschuß")
        );
        let h = parse_styled("I. Die Grundrechte").unwrap();
        assert_eq!((h.keyword, h.number.as_str()), (Chapter, "I"));
        let h = parse_styled("1a. - Regelung durch Gesetz").unwrap();
        assert_eq!((h.keyword, h.number.as_str()), (Division, "1a"));
        assert_eq!(parse_styled("1. Definitions"), None);
        assert_eq!(parse("I. Die Grundrechte"), None);
        // A heading-styled line is all heading, however long its title.
        let h = parse_styled("§ 73 Sonstige Beteiligungserfordernisse im Visumverfahren, im Registrier- und Asylverfahren und bei der Erteilung von Aufenthaltstiteln").unwrap();
        assert_eq!(h.number, "73");
        assert!(h.title.starts_with("Sonstige") && h.text.is_none());
        let h =
            parse_styled("Artículo 3. Igualdad con los españoles e interpretación de las normas.")
                .unwrap();
        assert_eq!(
            h.title,
            "Igualdad con los españoles e interpretación de las normas"
        );
        let h = parse_styled("Vierter Teil, Schlußvorschriften").unwrap();
        assert_eq!(
            (h.number.as_str(), h.title.as_str()),
            ("Vierter", "Schlußvorschriften")
        );
        assert!(parse("Chapter 4, as amended, applies.").is_none());
        // ... unless it runs on into the first numbered paragraph (Portuguese gazettes).
        for line in [
            "Artigo 1.º - 1. Compete à Secretaria Regional orientar os serviços.",
            "Art. 2.º (1) Compete à Secretaria Regional orientar os serviços.",
        ] {
            let h = parse_styled(line).unwrap();
            assert_eq!(h.title, "", "{line}");
            assert!(
                h.text
                    .as_deref()
                    .is_some_and(|t| t.ends_with("orientar os serviços.")),
                "{line}: {h:?}"
            );
        }
        assert!(opens_numbered_paragraph("12) Fees"));
        assert!(!opens_numbered_paragraph("1999 Agreement"));
        assert!(!opens_numbered_paragraph("(a) Scope"));
    }

    #[test]
    fn annex_headings() {
        for line in [
            "ANNEX",
            "ANNEX II",
            "Annex 3 – Correlation table",
            "APPENDIX A",
            "Schedule 1",
            "ANNEX TO THE CONVENTION ON HARBOUR DUES",
            "ANNEXES",
            "PROTOCOL ON THE PRIVILEGES OF THE COMMISSION",
            "Correlation table",
            "TABLE OF CORRESPONDENCE",
            "END OF TERMS AND CONDITIONS",
            "APPENDIX: How to apply the Apache License to your work.",
            "Exhibit A - Source Code Form License Notice",
            "ADDENDUM: How to use this License for your documents",
        ] {
            assert!(is_annex(line), "{line}");
        }
        for line in [
            "Annex II shall apply to vessels of less than 20 tonnes.",
            "Addendum to the agreement of 3 May signed by both Parties.",
            "Annexed to this Protocol is a list of ports.",
            "annex II",
            "Article 3",
            "Protocol on the privileges of the Commission",
            "The correlation table in Annex II applies.",
        ] {
            assert!(!is_annex(line), "{line}");
        }
    }

    #[test]
    fn styled_annex_headings_need_only_the_word() {
        for line in [
            "Anlage 1 Gebührenverzeichnis",
            "Bijlage I behorende bij artikel 3",
            "Anhang EV",
            "ANEXO",
            "Schlussformel",
        ] {
            assert!(is_annex_styled(line), "{line}");
        }
        for line in [
            "Annexed to this Protocol",
            "Anlagen sind beizufügen",
            "Article 3",
        ] {
            assert!(!is_annex_styled(line), "{line}");
        }
    }

    #[test]
    fn titles_on_the_heading_line() {
        assert_eq!(article("Article 2 – Definitions"), pair("2", "Definitions"));
        assert_eq!(article("Article 2 - Definitions"), pair("2", "Definitions"));
        assert_eq!(article("Art. 4 Catch limits"), pair("4", "Catch limits"));
        assert_eq!(article("Article 5. Scope"), pair("5", "Scope"));
        assert_eq!(article("Article 5. Scope."), pair("5", "Scope"));
        assert_eq!(article("Article 6: Remedies"), pair("6", "Remedies"));
        assert_eq!(
            head("Section 2. Grant of Copyright License. Subject to the terms"),
            (
                Keyword::Section,
                "2".into(),
                "Grant of Copyright License".into(),
                Some("Subject to the terms".into())
            )
        );
        assert_eq!(
            article("Article 2 – Exclusion of the scope of the law."),
            pair("2", "Exclusion of the scope of the law")
        );
        assert_eq!(article("Art. 4 — Title"), pair("4", "Title"));
        assert_eq!(article("Article 6 (Remedies)"), pair("6", "Remedies"));
        assert_eq!(
            article("ARTICLE XII – FINAL CLAUSES"),
            pair("XII", "FINAL CLAUSES")
        );
        assert_eq!(article("Article 12 bis – Review"), pair("12 bis", "Review"));
        assert_eq!(article("Article 2.- Definitions"), pair("2", "Definitions"));
        assert_eq!(article("Article 2.-Definitions"), pair("2", "Definitions"));
        assert_eq!(article("Art. 3.– Scope"), pair("3", "Scope"));
        assert!(parse("Article 2.- Definitions").is_some_and(|h| h.dashed));
    }

    #[test]
    fn text_after_the_number_starts_the_article() {
        let (_, n, t, text) = head("Article 6. States Parties shall cooperate fully.");
        assert_eq!((n.as_str(), t.as_str()), ("6", ""));
        assert_eq!(
            text.as_deref(),
            Some("States Parties shall cooperate fully.")
        );
        let (k, n, _, text) = head("Sec. 5. The Secretary shall publish a report.");
        assert_eq!((k, n.as_str()), (Keyword::Section, "5"));
        assert!(text.is_some());
        // A colon against the number opens text; only a spaced one (French) a title.
        let (_, _, t, text) = head("Article 3: The Parties shall cooperate in good faith.");
        assert_eq!(t, "");
        assert!(text.is_some());
    }

    #[test]
    fn in_text_references_are_not_headings() {
        for line in [
            "Article 6 shall not apply to fishing for research.",
            "Article 6 applies",
            "Article 6 of the Convention on the Lake.",
            "Articles 6 and 7",
            "Article 6, paragraph 2, shall apply.",
            "Article 6 (Remedies) applies.",
            "Article 6 The Committee shall meet once a year in the capital of the host State.",
            "Article 6 Applies to all vessels.",
            "§ 4 Absatz 2 gilt entsprechend",
            "§ 60 Abs. 8 Satz 1 vorliegen; die Aufenthaltserlaubnis ist zu",
            "§ 60 Absatz 5 oder 7 des Aufenthaltsgesetzes vorliegen. Davon kann",
            "§ 60 Voraussetzungen vorliegen. Davon kann",
            "Part 2 of this Act applies.",
            "Title 5 of the code",
            "Section 3 does not apply",
            "Article 12th",
            "Article IIII",
            "Particle 3",
            "Article",
            "article six",
        ] {
            assert_eq!(parse(line), None, "{line}");
        }
    }

    #[test]
    fn containers() {
        let c = |line: &str| {
            let (k, n, t, text) = head(line);
            assert_eq!(text, None, "{line}");
            (k, n, t)
        };
        let k = |k: Keyword, n: &str, t: &str| (k, n.to_owned(), t.to_owned());
        assert_eq!(c("CHAPTER II"), k(Keyword::Chapter, "II", ""));
        assert_eq!(c("Chapter 2"), k(Keyword::Chapter, "2", ""));
        assert_eq!(c("PART III"), k(Keyword::Part, "III", ""));
        assert_eq!(c("Part Three"), k(Keyword::Part, "Three", ""));
        assert_eq!(c("Part A"), k(Keyword::Part, "A", ""));
        assert_eq!(c("Title IV"), k(Keyword::Title, "IV", ""));
        assert_eq!(c("Section 1"), k(Keyword::Section, "1", ""));
        assert_eq!(
            c("CHAPTER II – GENERAL PROVISIONS"),
            k(Keyword::Chapter, "II", "GENERAL PROVISIONS")
        );
        assert_eq!(
            c("Chapter 3: Fishing rights"),
            k(Keyword::Chapter, "3", "Fishing rights")
        );
        assert_eq!(
            c("Part Two. Institutions"),
            k(Keyword::Part, "Two", "Institutions")
        );
        assert_eq!(c("§ 12"), k(Keyword::Section, "12", ""));
        assert_eq!(c("§12a Fees"), k(Keyword::Section, "12a", "Fees"));
        assert_eq!(parse("Article A"), None);
        // An English number word after an article's keyword heads a line of its own or a
        // dashed title only; in a sentence it is a reference.
        assert_eq!(article("Article Three"), ("Three".into(), "".into()));
        assert_eq!(article("ARTICLE ONE"), ("ONE".into(), "".into()));
        assert_eq!(
            head("Section Twenty-One."),
            (Keyword::Section, "Twenty-One".into(), "".into(), None)
        );
        assert_eq!(
            article("ARTICLE TWO – PURPOSES."),
            ("TWO".into(), "PURPOSES".into())
        );
        assert_eq!(
            article("Article First: Name"),
            ("First".into(), "Name".into())
        );
        for sentence in [
            "Article Three of the Convention provides that",
            "Article Three applies.",
            "Section Two – the parties agree that",
            "Article three – as amended, applies",
        ] {
            assert_eq!(parse(sentence), None, "{sentence}");
        }
        // French codes name some divisions at length after a spaced colon.
        let long = "Les règles applicables aux bateaux et aux filets de pêche dans les lacs, \
                    les rivières, les canaux et les étangs des communes riveraines ainsi que \
                    les conditions dans lesquelles les pêcheurs peuvent y être admis";
        assert!(long.split_whitespace().count() > CONTAINER_TITLE_WORDS);
        assert_eq!(
            c(&format!("Livre II : {long}")),
            k(Keyword::Book, "II", long)
        );
        assert_eq!(
            parse(&format!("Livre II : {long}. Les pêcheurs paient.")),
            None
        );
    }

    #[test]
    fn table_of_contents_entries_are_marked() {
        let h = parse("Article 3 Definitions ........ 4").unwrap();
        assert!(h.toc);
        assert_eq!(h.title, "Definitions");
        let h = parse("CHAPTER I General provisions\t2").unwrap();
        assert!(h.toc);
        assert_eq!(h.title, "General provisions");
        assert!(!parse("Article 3 Definitions").unwrap().toc);
    }

    #[test]
    fn dashed_titles_are_marked() {
        assert!(parse("Article 2 – Definitions").unwrap().dashed);
        assert!(parse("Article 6: Remedies").unwrap().dashed);
        assert!(!parse("Article 5. Scope").unwrap().dashed);
        assert!(!parse("Art. 4 Catch limits").unwrap().dashed);
        assert!(!parse("Article 2 –").unwrap().dashed);
        assert!(parse("Section 1. You are permitted").unwrap().stopped);
        assert!(!parse("Art. 4 Catch limits").unwrap().stopped);
    }

    /// The number's digits in another script, or in brackets, make the same id.
    #[test]
    fn numbers_in_other_digits_or_in_brackets() {
        for (line, number, title) in [
            ("Article (12) Definitions", "12", "Definitions"),
            ("ARTICLE (3)", "3", ""),
            ("Artikel ٤", "4", ""),
            ("Article १२", "12", ""),
            ("Art. ５", "5", ""),
        ] {
            let h = parse(line).unwrap_or_else(|| panic!("not a heading: {line:?}"));
            assert_eq!(
                (h.number.as_str(), h.title.as_str()),
                (number, title),
                "{line}"
            );
        }
        assert_eq!(ascii_digits("१२३ ۴۵ ๖"), "123 45 6");
        assert!(matches!(ascii_digits("12 and ½"), Cow::Borrowed(_)));
        // A sentence citing a bracketed article is still a sentence.
        assert!(parse("Article (2) shall not apply to minors.").is_none());
    }

    #[test]
    fn title_likeness() {
        assert!(title_like("Definitions", 12));
        assert!(title_like("目的", 12));
        // A sentence without spaces is one "word", but its stop says what it is.
        assert!(!title_like(
            "すべての人間は、生まれながらにして自由である。",
            12
        ));
        assert!(!title_like(
            "सभी मनुष्यों को गौरव और अधिकारों के मामले में स्वतंत्रता प्राप्त है।",
            12
        ));
        assert!(title_like("[Deleted]", 12));
        assert!(!title_like("shall apply", 12));
        assert!(!title_like("The Parties agree.", 12));
        // UK Acts end a lead-in to a list with a dash.
        assert!(!title_like(
            "The Council may make rules about registration and, in particular—",
            12
        ));
        assert!(!title_like("one two three", 2));
        assert_eq!(closed_title("DEFINITIONS.", 8), Some("DEFINITIONS"));
        assert_eq!(
            closed_title("U.S. GOVERNMENT END USERS.", 8),
            Some("U.S. GOVERNMENT END USERS")
        );
        assert_eq!(closed_title("Definitions", 8), None);
        assert_eq!(closed_title("The Parties met. They agreed.", 8), None);
        assert_eq!(closed_title("Abs. 2 gilt entsprechend.", 8), None);
    }
}
