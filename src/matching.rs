//! The one matching score between a technology and a need, shared by the
//! catalogue (technologies for a need), the needs (needs for a technology)
//! and the digests of new matches: same field 3, the need's country among
//! the technology's target countries 2, a word of their titles in common 2;
//! a match needs at least 3 (a field, or a country and a word).

/// The least score that counts as a match.
pub const MIN_SCORE: u8 = 3;

pub fn score(same_field: bool, country_served: bool, shared_word: bool) -> u8 {
    3 * u8::from(same_field) + 2 * u8::from(country_served) + 2 * u8::from(shared_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_alone_or_a_country_and_a_word_make_a_match() {
        assert!(score(true, false, false) >= MIN_SCORE);
        assert!(score(false, true, true) >= MIN_SCORE);
        assert!(score(false, true, false) < MIN_SCORE);
        assert!(score(false, false, true) < MIN_SCORE);
        assert_eq!(score(true, true, true), 7);
    }
}
