//! Countries by the three-letter codes their flag templates are named
//! with (`{{USA}}` shows a flag and "United States"): the ISO 3166 codes,
//! from the `iso_country` tables, under the short names Wikipedia shows
//! rather than the ISO's formal ones, and the Olympic codes that differ.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Where the short name is not the ISO name with its qualifier cut off
/// ("Bolivia (Plurinational State of)" → "Bolivia" is done by rule).
const SHORT_NAMES: &[(&str, &str)] = &[
    ("USA", "United States"),
    ("GBR", "United Kingdom"),
    ("RUS", "Russia"),
    ("KOR", "South Korea"),
    ("PRK", "North Korea"),
    ("VNM", "Vietnam"),
    ("SYR", "Syria"),
    ("LAO", "Laos"),
    ("BRN", "Brunei"),
    ("COD", "Democratic Republic of the Congo"),
    ("COG", "Republic of the Congo"),
    ("MKD", "North Macedonia"),
    ("VAT", "Vatican City"),
    ("CZE", "Czech Republic"),
    ("TWN", "Taiwan"),
];

/// Olympic codes that flag templates are also named by, where they are
/// not the ISO code (`{{GER}}` is Germany, ISO's DEU).
const OLYMPIC_CODES: &[(&str, &str)] = &[
    ("GER", "DEU"),
    ("NED", "NLD"),
    ("SUI", "CHE"),
    ("DEN", "DNK"),
    ("POR", "PRT"),
    ("GRE", "GRC"),
    ("CRO", "HRV"),
    ("RSA", "ZAF"),
    ("BUL", "BGR"),
    ("LAT", "LVA"),
    ("SLO", "SVN"),
    ("MAS", "MYS"),
    ("INA", "IDN"),
    ("PHI", "PHL"),
    ("KSA", "SAU"),
    ("UAE", "ARE"),
    ("IRI", "IRN"),
    ("CHI", "CHL"),
    ("URU", "URY"),
    ("PAR", "PRY"),
    ("NGR", "NGA"),
    ("ALG", "DZA"),
    ("TPE", "TWN"),
];

static BY_CODE: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map: HashMap<String, String> = iso_country::data::all()
        .into_iter()
        .map(|c| {
            // "Iran (Islamic Republic of)" → "Iran", "Tanzania, United
            // Republic of" → "Tanzania".
            let short = c.name.split([',', '(']).next().unwrap_or(c.name).trim();
            (c.alpha3.to_string(), short.to_string())
        })
        .collect();
    for (code, name) in SHORT_NAMES {
        map.insert((*code).to_string(), (*name).to_string());
    }
    for (olympic, iso) in OLYMPIC_CODES {
        if let Some(name) = map.get(*iso).cloned() {
            map.entry((*olympic).to_string()).or_insert(name);
        }
    }
    map
});

/// The country a three-letter code names, uppercase as flag templates
/// write it ("USA" → "United States").
pub fn by_code(code: &str) -> Option<&'static str> {
    BY_CODE.get(code).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::by_code;

    #[test]
    fn codes_name_countries_as_pages_show_them() {
        assert_eq!(by_code("USA"), Some("United States"));
        assert_eq!(by_code("NOR"), Some("Norway"));
        assert_eq!(by_code("IRN"), Some("Iran"));
        assert_eq!(by_code("BOL"), Some("Bolivia"));
        assert_eq!(by_code("GER"), Some("Germany"));
        assert_eq!(by_code("XYZ"), None);
        assert_eq!(by_code("usa"), None);
    }
}
