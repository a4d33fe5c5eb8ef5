//! Table-driven tests of the recogniser: each form of the events issue and
//! each negative.

use super::*;

/// (text, expected [(expression text, date, end, qualifier)])
fn check(text: &str, want: &[(&str, &str, Option<&str>, Option<Qualifier>)]) {
    let got: Vec<(String, String, Option<String>, Option<Qualifier>)> = find(text)
        .into_iter()
        .filter(|m| m.relative.is_none())
        .map(|m| {
            (
                text[m.range.clone()].to_string(),
                m.start.iso(),
                m.end.map(|e| e.iso()),
                m.qualifier,
            )
        })
        .collect();
    let want: Vec<(String, String, Option<String>, Option<Qualifier>)> = want
        .iter()
        .map(|(t, d, e, q)| (t.to_string(), d.to_string(), e.map(str::to_string), *q))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn full_dates() {
    check(
        "on 9 January 1992 it",
        &[("9 January 1992", "1992-01-09", None, None)],
    );
    check(
        "on January 9, 1992 it",
        &[("January 9, 1992", "1992-01-09", None, None)],
    );
    check(
        "Monday, 9 January 1992",
        &[("Monday, 9 January 1992", "1992-01-09", None, None)],
    );
    check(
        "on May 1st, 2001",
        &[("May 1st, 2001", "2001-05-01", None, None)],
    );
    check(
        "the 1st of May 2001",
        &[("1st of May 2001", "2001-05-01", None, None)],
    );
    check(
        "on Aug. 14, 1945",
        &[("Aug. 14, 1945", "1945-08-14", None, None)],
    );
    check(
        "on Sept 3 1939",
        &[("Sept 3 1939", "1939-09-03", None, None)],
    );
    check(
        "on 2022-07-13 it",
        &[("2022-07-13", "2022-07-13", None, None)],
    );
}

#[test]
fn dates_without_year() {
    check(
        "On 23 October, he",
        &[("23 October", "--10-23", None, None)],
    );
    check("On Aug. 14 they", &[("Aug. 14", "--08-14", None, None)]);
    check(
        "by early October",
        &[("early October", "--10", None, Some(Qualifier::Early))],
    );
    // A full stop after a whole month name ends the sentence; after an
    // abbreviation it belongs to the month.
    check("It went missing in July.", &[("July", "--07", None, None)]);
    check("It opened in May. Then", &[("May", "--05", None, None)]);
    check(
        "It opened on Sept. 3.",
        &[("Sept. 3", "--09-03", None, None)],
    );
}

#[test]
fn months_and_years() {
    check("in July 2022.", &[("July 2022", "2022-07", None, None)]);
    check(
        "October of 1963",
        &[("October of 1963", "1963-10", None, None)],
    );
    check("In 1998, North Korea", &[("1998", "1998", None, None)]);
    check("1998 was a year", &[("1998", "1998", None, None)]);
    check(
        "Before the 2022 Russian invasion",
        &[("2022", "2022", None, Some(Qualifier::Before))],
    );
    check(
        "since Russia's 2022 full-scale invasion",
        &[("2022", "2022", None, Some(Qualifier::Since))],
    );
    check("the 2022 invasion", &[("2022", "2022", None, None)]);
    check(
        "revenue (FY2022) and FY 2019",
        &[
            ("FY2022", "2022", None, None),
            ("FY 2019", "2019", None, None),
        ],
    );
    check("the FY50 plan and fy2020", &[]);
    check(
        "a turnover in 2015 of some money; 1500 of the troops",
        &[("2015", "2015", None, None)],
    );
    check(
        "Albert Brown (ON 1202) was refitted in 1990.",
        &[("1990", "1990", None, None)],
    );
    check(
        "In 2007–2008 13.5 million lived there; pp. 1990–1995 12",
        &[("2007–2008", "2007", Some("2008"), None)],
    );
    check(
        "introduced with Windows 2000 and Windows Server 2008 in 2001 at the office 2002",
        &[("2001", "2001", None, None), ("2002", "2002", None, None)],
    );
    check(
        "in Q3 2019, H1/2020 and Q4 2021",
        &[
            ("Q3 2019", "2019-07", Some("2019-09"), None),
            ("H1/2020", "2020-01", Some("2020-06"), None),
            ("Q4 2021", "2021-10", Some("2021-12"), None),
        ],
    );
    check(
        "Q5 2019, H3 2020, Q 3 2019",
        &[
            ("2019", "2019", None, None),
            ("2020", "2020", None, None),
            ("2019", "2019", None, None),
        ],
    );
}

#[test]
fn decades_centuries_seasons_eras() {
    check("in the 1990s", &[("1990s", "1990", None, None)]);
    check("in the '90s", &[("'90s", "1990", None, None)]);
    check(
        "the late 1980s",
        &[("late 1980s", "1980", None, Some(Qualifier::Late))],
    );
    check(
        "the mid-1990s",
        &[("mid-1990s", "1990", None, Some(Qualifier::Mid))],
    );
    check("the 19th century", &[("19th century", "1800", None, None)]);
    check(
        "nineteenth-century art",
        &[("nineteenth-century", "1800", None, None)],
    );
    check("summer of 1964", &[("summer of 1964", "1964", None, None)]);
    check(
        "the second quarter of 1997",
        &[("second quarter of 1997", "1997-04", Some("1997-06"), None)],
    );
    check(
        "the 2nd quarter of 1997",
        &[("2nd quarter of 1997", "1997-04", Some("1997-06"), None)],
    );
    check("in 264 BC", &[("264 BC", "-0263", None, None)]);
    check("in 490 B.C. the", &[("490 B.C.", "-0489", None, None)]);
    check("AD 79", &[("AD 79", "0079", None, None)]);
    check(
        "c. 1850",
        &[("c. 1850", "1850", None, Some(Qualifier::Circa))],
    );
    check(
        "circa 1850",
        &[("circa 1850", "1850", None, Some(Qualifier::Circa))],
    );
    check(
        "about 1910",
        &[("about 1910", "1910", None, Some(Qualifier::Circa))],
    );
    check(
        "by early 2024",
        &[("early 2024", "2024", None, Some(Qualifier::Early))],
    );
}

#[test]
fn ranges() {
    check(
        "from 2014 to 2016",
        &[("2014 to 2016", "2014", Some("2016"), None)],
    );
    check(
        "between 2014 and 2016",
        &[("2014 and 2016", "2014", Some("2016"), None)],
    );
    check("2014–2016", &[("2014–2016", "2014", Some("2016"), None)]);
    check(
        "1 January 2000 – 31 December 2001",
        &[(
            "1 January 2000 – 31 December 2001",
            "2000-01-01",
            Some("2001-12-31"),
            None,
        )],
    );
    check(
        "from March to June 2018",
        &[("March to June 2018", "2018-03", Some("2018-06"), None)],
    );
    check(
        "3–6 May 2004",
        &[("3–6 May 2004", "2004-05-03", Some("2004-05-06"), None)],
    );
    check(
        "the 2022–23 season",
        &[("2022–23", "2022", Some("2023"), None)],
    );
    check(
        "264–241 BC",
        &[("264–241 BC", "-0263", Some("-0240"), None)],
    );
}

#[test]
fn not_dates() {
    for text in [
        "1,500 troops",
        "2000 soldiers",
        "6,000 personnel",
        "Route 2020",
        "Boeing 737",
        "COVID-19",
        "640 tonnes",
        "189,980 kg",
        "12%",
        "$1990",
        "p. 1990",
        "pp. 1990–1995",
        "ISBN 978-1-2345-6789-0",
        "at 14:30",
        "1500 men",
        "to March on Rome",
        "at 1600 Pennsylvania Avenue",
        "at 221 Baker Street",
        "He may go",
    ] {
        check(text, &[]);
    }
}

#[test]
fn relative_expressions() {
    let rel = |t: &str| {
        find(t)
            .into_iter()
            .filter_map(|m| m.relative)
            .collect::<Vec<_>>()
    };
    assert_eq!(rel("two days later"), [Relative::Offset(2, Precision::Day)]);
    assert_eq!(
        rel("the following year"),
        [Relative::Offset(1, Precision::Year)]
    );
    assert_eq!(rel("that same day"), [Relative::Same(Precision::Day)]);
    assert_eq!(rel("in the same year"), [Relative::Same(Precision::Year)]);
    assert_eq!(
        rel("fifteen months later"),
        [Relative::Offset(15, Precision::Month)]
    );
    assert_eq!(
        rel("the day before."),
        [Relative::Offset(-1, Precision::Day)]
    );
    assert!(rel("the day after the battle").is_empty());
}

#[test]
fn parse_date_whole_strings() {
    assert_eq!(
        parse_date("12 May 2024").map(|d| d.iso()),
        Some("2024-05-12".into())
    );
    assert_eq!(parse_date("(2019)").map(|d| d.iso()), Some("2019".into()));
    assert_eq!(
        parse_date("May 2020").map(|d| d.iso()),
        Some("2020-05".into())
    );
    assert_eq!(parse_date("Smith 2019"), None);
    assert_eq!(parse_date("February 30, 2020"), None);
}

#[test]
fn parse_date_fast_paths_agree_with_the_recogniser() {
    for s in [
        "2020-05-12",
        "2020-02-30",
        "2020-13-05",
        "0000-01-01",
        "1999-12-31",
        "2020-5-12",
        "12 May 2020",
        "May 2020",
        "no date",
        "",
        "(2019).",
        "20200512",
    ] {
        let t = s
            .trim()
            .trim_matches(|c: char| c == '(' || c == ')' || c == '.' || c == ',');
        assert_eq!(parse_date(s), parse_date_slow(t), "{s:?}");
    }
}

#[test]
fn whole_dates_in_other_languages() {
    let dates = |s: &str| -> Vec<String> { find(s).iter().map(|m| m.start.iso()).collect() };
    assert_eq!(
        dates("Den 1. oktober 2007 vart Statoil fusjonert."),
        ["2007-10-01"]
    );
    assert_eq!(dates("am 3. März 1990 und"), ["1990-03-03"]);
    assert_eq!(dates("le 14 juillet 1789,"), ["1789-07-14"]);
    assert_eq!(dates("el 3 de mayo de 1990"), ["1990-05-03"]);
    // Alone, the names are English words or names.
    assert_eq!(dates("Mars 2020 landed"), ["2020"]);
    assert_eq!(dates("Mai Lan sang in 1999."), ["1999"]);
    assert_eq!(
        parse_date("12. Mai 2016"),
        Some(DateVal::day(Some(2016), 5, 12))
    );
}

/// `iso` and `parse_iso` are one codec: every form the contract writes
/// reads back to the same value, and nothing else reads.
#[test]
fn iso_codec_round_trips() {
    for s in [
        "1992-01-09",
        "2022-07",
        "1998",
        "-0263",
        "--10-23",
        "--10",
        "0000",
    ] {
        let v = DateVal::parse_iso(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(v.iso(), s);
    }
    for s in [
        "2020-02-30",
        "2020-13",
        "20",
        "2020-",
        "--",
        "1992-1-09",
        "x",
        "--13",
    ] {
        assert_eq!(DateVal::parse_iso(s), None, "{s}");
    }
    assert_eq!(
        DateVal::parse_iso("2024-02-29").map(|d| d.precision),
        Some(Precision::Day)
    );
}

/// Holidays come from the lexicon's table, longest name first.
#[test]
fn holidays() {
    check(
        "on Christmas Day 1914 and on New Year’s Eve 1999",
        &[
            ("Christmas Day 1914", "1914-12-25", None, None),
            ("New Year’s Eve 1999", "1999-12-31", None, None),
        ],
    );
    check(
        "by Christmas Eve",
        &[("Christmas Eve", "--12-24", None, Some(Qualifier::By))],
    );
    check("the christmas market", &[]);
}

/// Defects seen on real articles, each kept.
#[test]
fn real_article_defects() {
    check(
        "Art flourished in the 16th and 17th centuries.",
        &[("16th and 17th centuries", "1500", Some("1600"), None)],
    );
    check(
        "It spread from the 6th to 8th centuries.",
        &[("6th to 8th centuries", "0500", Some("0700"), None)],
    );
    check(
        "It grew from the 1940s to the 1980s.",
        &[("1940s to the 1980s", "1940", Some("1980"), None)],
    );
    check("The river runs 1680 mi to the sea.", &[]);
    check("The rule stands to this day.", &[]);
    check(
        "Journal 2001 — 91(4): 5–9.",
        &[("2001", "2001", None, None)],
    );
}

/// A quantity is not a year: "for up to 1280 young people".
#[test]
fn quantities_with_a_describing_word() {
    check("It housed up to 1280 young people.", &[]);
    check("It sold some 1500 new cars.", &[]);
    check(
        "It stood until about 1890 the town said.",
        &[("about 1890", "1890", None, Some(Qualifier::Circa))],
    );
}

/// A string longer than any one date is none: the citation parser tries
/// the text after every separator of a field, and reading each whole made
/// a long field cost its length squared (a growth-target finding).
#[test]
fn parse_date_refuses_text_longer_than_a_date() {
    let long = format!("{} 3 May 1990", "-".repeat(MAX_DATE_TEXT));
    assert_eq!(parse_date(&long), None);
    assert!(parse_date("Wednesday, 12 September 2012").is_some());
    assert!(parse_date(&format!("{}3 May 1990", " ".repeat(MAX_DATE_TEXT))).is_some());
}
