//! The controlled vocabularies of the content model. Codes are stored in the
//! database and named in each language by Fluent messages `<prefix>-<code>`
//! (`field-agriculture`, `country-ID`, ...).

/// Technology fields.
pub const FIELDS: &[&str] = &[
    "agriculture",
    "new_energy",
    "environment_water",
    "health_biomedicine",
    "digital_ict",
    "advanced_manufacturing",
    "new_materials",
    "smart_city_transport",
    "marine",
];

/// The eleven ASEAN member states, ISO 3166-1 alpha-2. The position is the
/// bit in `technologies.countries`, so a new member goes last: Timor-Leste
/// (TL), admitted at the 47th ASEAN Summit, Kuala Lumpur, 26 October 2025.
pub const ASEAN: &[&str] = &[
    "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL",
];

/// Countries an event may take place in: ASEAN and China.
pub const EVENT_COUNTRIES: &[&str] = &[
    "CN", "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL",
];

/// Cooperation modes; the position is the bit in `technologies.coop_modes`.
pub const MODES: &[&str] = &[
    "licensing",
    "joint_venture",
    "technical_service",
    "equipment_supply",
    "joint_rnd",
];

pub const IP_STATUSES: &[&str] = &["patent_granted", "patent_pending", "know_how", "open"];

/// Provinces of Chinese provider organisations.
pub const PROVINCES: &[&str] = &[
    "guangxi",
    "guangdong",
    "yunnan",
    "guizhou",
    "hainan",
    "fujian",
    "zhejiang",
    "jiangsu",
    "shanghai",
    "beijing",
    "hubei",
    "hunan",
    "sichuan",
    "shandong",
    "chongqing",
];

pub const EVENT_KINDS: &[&str] = &[
    "forum",
    "competition",
    "camp",
    "training",
    "matchmaking",
    "exhibition",
];

pub const MEMBER_KINDS: &[&str] = &["government_mechanism", "working_group", "alliance_member"];

pub const TRL_RANGE: std::ops::RangeInclusive<i16> = 1..=9;

pub fn is_code(list: &[&str], code: &str) -> bool {
    list.contains(&code)
}

/// The bit mask of the given codes in `list` (unknown codes are ignored).
pub fn mask<'a>(list: &[&str], codes: impl IntoIterator<Item = &'a str>) -> i32 {
    codes
        .into_iter()
        .filter_map(|c| list.iter().position(|x| *x == c))
        .fold(0, |m, i| m | (1 << i))
}

/// The codes whose bits are set in `mask`.
pub fn unmask(list: &'static [&'static str], mask: i32) -> Vec<&'static str> {
    list.iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, c)| *c)
        .collect()
}

pub fn bit(list: &[&str], code: &str) -> Option<i32> {
    list.iter().position(|x| *x == code).map(|i| 1 << i)
}

/// Countries an inquirer may be from: ASEAN, China, or elsewhere.
pub fn countries() -> Vec<&'static str> {
    let mut v = ASEAN.to_vec();
    v.push("CN");
    v.push("XX");
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_round_trip() {
        let m = mask(ASEAN, ["ID", "VN", "XX"]);
        assert_eq!(unmask(ASEAN, m), vec!["ID", "VN"]);
        assert_eq!(bit(ASEAN, "BN"), Some(1));
        assert_eq!(bit(MODES, "joint_rnd"), Some(16));
    }
}
