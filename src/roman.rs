//! Roman numerals, both ways: chapter and part numbers are read from documents (`XII`,
//! and only in canonical form, so that a word like `MIX` is not a number), written for
//! Word's roman list numbering, and given to generated chapters.

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

/// `n` in upper-case Roman numerals (`""` for 0).
pub(crate) fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// The value of an upper-case Roman numeral in canonical form (`XII`), or `None`
/// (`IIII`, `VX`, an empty string).
pub(crate) fn value(s: &str) -> Option<u32> {
    fn digit(c: char) -> Option<i64> {
        Some(match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        })
    }
    let values: Vec<i64> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= v,
            _ => total += v,
        }
    }
    let total = u32::try_from(total).ok().filter(|t| *t > 0)?;
    (to_roman(total) == s).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_canonically() {
        assert_eq!(to_roman(1), "I");
        assert_eq!(to_roman(4), "IV");
        assert_eq!(to_roman(9), "IX");
        assert_eq!(to_roman(14), "XIV");
        assert_eq!(to_roman(1999), "MCMXCIX");
        assert_eq!(to_roman(0), "");
    }

    #[test]
    fn only_canonical_numerals_are_read() {
        assert_eq!(value("XII"), Some(12));
        assert_eq!(value("XLIV"), Some(44));
        assert_eq!(value("MCMXC"), Some(1990));
        assert_eq!(value("IIII"), None);
        assert_eq!(value("VX"), None);
        assert_eq!(value(""), None);
        assert_eq!(value("xii"), None);
    }

    proptest::proptest! {
        #[test]
        fn reading_what_was_written_gives_the_number(n in 1u32..4000) {
            proptest::prop_assert_eq!(value(&to_roman(n)), Some(n));
        }
    }
}
