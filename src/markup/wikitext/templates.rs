//! How common templates render, the way readers see them on the page.
//!
//! Templates that wrap text (`{{nowrap}}`, `{{lang}}`, …) render their
//! argument in place, so spans of what is found inside still point into the
//! source. Templates that compute text (`{{start date|1992|1|9}}`,
//! `{{US$|7710}}`, `{{convert|5|km}}`) render a string that maps to the
//! whole template. Citation templates are recorded and render nothing in
//! prose. Anything else renders as nothing and is counted, so a diagnostic
//! can say which templates were not understood.

use super::inline::{Builder, Call, Renderer};
use crate::decimal::Decimal;
use crate::document::{Anchor, CiteTemplate, Sfn};
use crate::lexicon::{calendar, currency, markup, numbers};
use crate::span::Span;

/// Renders one template call into `b`.
pub fn render(r: &mut Renderer<'_, '_>, b: &mut Builder, call: &Call, depth: usize) {
    let name = call.name.as_str();
    let src = r.src;
    let pass = |r: &mut Renderer<'_, '_>, b: &mut Builder, s: Option<Span>| {
        if let Some(s) = s {
            r.render(b, s, depth);
        }
    };
    if markup::is_cite_template(name) {
        record_cite(r, call, depth);
        return;
    }
    // The German Wikipedia's citation templates, with their keys put into
    // English: the corpus of real articles holds them by the hundred.
    if markup::GERMAN_CITE_TEMPLATES.contains(&name) {
        record_cite(r, call, depth);
        if let Some(c) = r.cites.last_mut() {
            for (k, _) in &mut c.params {
                if let Some(en) = markup::german_cite_key(k) {
                    *k = en.to_string();
                }
            }
        }
        return;
    }
    if markup::SHORT_CITE_TEMPLATES.contains(&name) {
        let mut authors = Vec::new();
        let mut year = None;
        for a in call.args.iter().filter(|a| a.name.is_none()) {
            let t = src[a.value].trim().to_string();
            // Bytes, not a str slice: byte 4 of "é12x" is inside a char.
            if t.len() >= 4 && t.len() <= 6 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
                year = Some(t);
            } else if year.is_none() && !t.is_empty() {
                authors.push(t);
            }
        }
        // Every short citation links to its entry; an sfn is also a
        // footnote mark in the text, where a harv sits inside a ref (or
        // the prose) that is cited on its own.
        let pages = ["p", "pp", "page", "pages", "loc"]
            .iter()
            .find_map(|k| call.named(k))
            .map(|v| src[v].trim().to_string())
            .filter(|v| !v.is_empty());
        r.sfns.push(Sfn {
            span: call.span,
            authors,
            year,
            pages,
        });
        if name.starts_with("sfn") {
            b.anchors
                .push((b.text.len(), Anchor::Sfn(r.sfns.len() - 1)));
        }
        return;
    }
    // Magic words that take their argument after a colon.
    if let Some((func, _)) = name.split_once(':') {
        let raw = &src[call.raw_name];
        let colon = raw
            .find(':')
            .map_or(call.raw_name.end, |c| call.raw_name.start + c + 1);
        let arg = Span::new(colon, call.raw_name.end);
        let shown = match func.trim() {
            "formatnum" => Some(format_number(&r.plain(arg, depth))),
            "lc" => Some(r.plain(arg, depth).to_lowercase()),
            "uc" => Some(r.plain(arg, depth).to_uppercase()),
            "lcfirst" | "ucfirst" => Some(r.plain(arg, depth)),
            // Page settings: nothing shows.
            "defaultsort" | "displaytitle" | "defaultsortkey" | "defaultcategorysort" => return,
            _ => None,
        };
        match shown {
            Some(t) => b.synth(call.span, &t),
            None => r.note_unknown(name, call.span),
        }
        return;
    }
    if markup::infobox_kind(name).is_some() {
        r.inline_infoboxes.push(call.span);
        return;
    }
    if name.starts_with("lang-") && call.positional(1).is_none() {
        return;
    }
    if let Some(rest) = name.strip_prefix("lang-") {
        let _ = rest;
        pass(r, b, call.positional(1));
        return;
    }
    match name {
        n if markup::WRAPPER_TEMPLATES.contains(&n) => pass(r, b, call.positional(1)),
        "lang" | "transl" | "transliteration" => {
            pass(r, b, call.positional(2).or(call.positional(1)))
        }
        // {{nihongo|Tokyo Tower|東京タワー|Tōkyō tawā}} → "Tokyo Tower
        // (東京タワー, Tōkyō tawā)"; an empty first part leaves the kanji.
        "nihongo" | "nihongo2" | "nihongo3" => {
            let part = |n: usize| call.positional(n).filter(|s| !src[*s].trim().is_empty());
            let (english, rest): (Option<Span>, Vec<Span>) = match part(1) {
                Some(e) => (Some(e), [part(2), part(3)].into_iter().flatten().collect()),
                None => (part(2), part(3).into_iter().collect()),
            };
            let Some(english) = english else { return };
            r.render(b, english, depth);
            if !rest.is_empty() {
                b.synth(call.span, " (");
                r.render_items(b, call.span, &rest, depth);
                b.synth(call.span, ")");
            }
        }
        // {{annotated link|Foo}}: the article's name (its short description
        // is not in the article).
        "annotated link" | "al" => pass(r, b, call.positional(1)),
        // {{linktext|高麗|靑磁}} links each part and shows them run
        // together: "高麗靑磁".
        "linktext" => {
            for a in call.args.iter().filter(|a| a.name.is_none()) {
                r.render(b, a.value, depth);
            }
        }
        // Ship names: {{HMS|Queen Elizabeth|R08}} → "HMS Queen Elizabeth (R08)".
        "hms" | "uss" | "ss" | "hmas" | "hmcs" | "hmnzs" | "rms" | "mv" | "ins" | "sms"
        | "hnlms" | "hmt" | "usns" | "usat" | "uscgc" | "fs" | "hdms" | "hswms" => {
            let Some(ship) = call.positional(1) else {
                return;
            };
            let prefix = src[call.raw_name].trim().to_string();
            b.synth(call.span, &format!("{prefix} "));
            r.render(b, ship, depth);
            if let Some(id) = call.positional(2).filter(|i| !src[*i].trim().is_empty()) {
                b.synth(call.span, " (");
                r.render(b, id, depth);
                b.synth(call.span, ")");
            }
        }
        // {{height|ft=5|in=3}}, {{height|m=1.77}}: the measures as given.
        "height" => {
            let parts: Vec<String> = call
                .args
                .iter()
                .filter_map(|a| {
                    let unit = match a.name.as_deref()? {
                        "meter" | "meters" | "metre" | "metres" => "m",
                        "centimeter" | "centimeters" | "centimetre" | "centimetres" => "cm",
                        "foot" | "feet" => "ft",
                        "inch" | "inches" => "in",
                        u => u,
                    };
                    let v = src[a.value].trim();
                    (!v.is_empty() && !matches!(unit, "precision" | "frac" | "wiki" | "abbr"))
                        .then(|| format!("{v} {unit}"))
                })
                .collect();
            if !parts.is_empty() {
                b.synth(call.span, &parts.join(" "));
            }
        }
        // Year links of sports seasons: {{baseball year|1974}} → "1974".
        "baseball year" | "by" | "mlby" | "nfly" | "nbay" | "nhly" => {
            pass(r, b, call.positional(1))
        }
        // {{version|o|38.0}}: the version number.
        "version" => pass(r, b, call.positional(2).or(call.positional(1))),
        // Squad lists: the player's name.
        "fs player" | "football squad player" => pass(r, b, call.named("name")),
        "resize" => pass(r, b, call.positional(2).or(call.positional(1))),
        "sortname" => {
            pass(r, b, call.positional(1));
            if call.positional(2).is_some() {
                b.synth(call.span, " ");
                pass(r, b, call.positional(2));
            }
        }
        // Lists laid out inline or one item a line: the items, in order.
        n if markup::LIST_TEMPLATES.contains(&n) => {
            let items: Vec<Span> = call
                .positional_args()
                .into_iter()
                .filter(|v| !src[*v].trim().is_empty())
                .flat_map(|v| bullet_items(r, v))
                .collect();
            let before = b.text.len();
            r.render_items(b, call.span, &items, depth);
            // A collapsible list shows its title with the items folded
            // away: the title stands in where the items render as nothing
            // (a nested infobox of names in other languages).
            if n == "collapsible list" && b.text[before..].trim().is_empty() {
                pass(r, b, call.named("title"));
            }
        }
        "coord" => coord(r, b, call),
        "map caption" => map_caption(r, b, call, depth),
        n if markup::PAGE_NAME_WORDS.contains(&n) => match r.page {
            Some(page) => {
                // Subpages: "A/B/C" is based on "A/B", rooted in "A".
                let shown = match n {
                    "basepagename" => page.rsplit_once('/').map_or(page, |(b, _)| b),
                    "rootpagename" => page.split('/').next().unwrap_or(page),
                    "subpagename" => page.rsplit('/').next().unwrap_or(page),
                    _ => page,
                };
                if n.ends_with("ee") {
                    b.synth(call.span, &shown.replace(' ', "_"))
                } else {
                    b.synth(call.span, shown)
                }
            }
            None => r.note_unknown(name, call.span),
        },
        // {{marriage|Name|1990|2001}} → "Name (m. 1990–2001)".
        "marriage" => {
            let Some(who) = call.positional(1) else {
                return;
            };
            r.render(b, who, depth);
            if let Some(from) = call.positional(2) {
                b.synth(call.span, " (m. ");
                r.render(b, from, depth);
                if let Some(to) = call.positional(3).filter(|t| !src[*t].trim().is_empty()) {
                    b.synth(call.span, "–");
                    r.render(b, to, depth);
                }
                b.synth(call.span, ")");
            }
        }
        "isbn" => {
            if let Some(n) = call.positional(1) {
                b.synth(call.span, "ISBN ");
                r.render(b, n, depth);
            }
        }
        "url" => pass(r, b, call.positional(2).or(call.positional(1))),
        "\\" | "slash" => b.synth(call.span, " / "),
        "longitem" | "nowraplinks" => pass(r, b, call.positional(1)),
        "circa" | "c." | "ca." | "c" => {
            b.synth(call.span, "c. ");
            pass(r, b, call.positional(1));
        }
        "sup" | "sub" | "su" => pass(r, b, call.positional(1)),
        "br" | "break" => b.synth(call.span, " "),
        "!" => b.synth(call.span, "|"),
        "=" => b.synth(call.span, "="),
        "snd" | "spnd" | "spaced ndash" | "spaced en dash" | "snds" => b.synth(call.span, " – "),
        "ndash" | "en dash" => b.synth(call.span, "–"),
        "mdash" | "em dash" | "spaced mdash" => b.synth(call.span, "—"),
        "nbsp" | "space" | "sp" | "thinsp" => b.synth(call.span, " "),
        "·" | "dot" | "middot" | "dot separator" => b.synth(call.span, " · "),
        "bull" | "bullet" | "•" => b.synth(call.span, " • "),
        n if markup::DATE_TEMPLATES.contains(&n) => {
            if let Some(s) = date_text(r, call) {
                b.synth(call.span, &s);
            }
        }
        "as of" => {
            if let Some(s) = date_text(r, call) {
                b.synth(call.span, &format!("As of {s}"));
            }
        }
        "currency" | "money" => {
            let code = call
                .positional(2)
                .or(call.named("code"))
                .map(|s| src[s].trim().to_uppercase())
                .unwrap_or_else(|| "USD".into());
            if let Some(amount) = call.positional(1) {
                let a = r.plain(amount, depth);
                b.synth(call.span, &format!("{code} {a}"));
            }
        }
        "inrconvert" => {
            let Some(amount) = call.positional(1) else {
                return;
            };
            let a = r.plain(amount, depth).replace(',', "");
            let power = call
                .positional(2)
                .and_then(|u| numbers::inr_template_unit(&src[u].trim().to_ascii_lowercase()))
                .unwrap_or(0);
            if let Some(d) = Decimal::parse(&a) {
                b.synth(call.span, &format!("₹{}", d.scale(power).to_plain_string()));
            }
        }
        "convert" | "cvt" => {
            let Some(v) = call.positional(1) else { return };
            let mut s = r.plain(v, depth);
            let mid = call.positional(2).map(|m| src[m].trim().to_string());
            let mut unit_at = 2;
            if let Some(m) = mid.as_deref() {
                if matches!(
                    m,
                    "-" | "–" | "to" | "and" | "or" | "x" | "by" | "and(-)" | "to(-)" | "+/-"
                ) {
                    if let Some(v2) = call.positional(3) {
                        let sep = if matches!(m, "-" | "–") {
                            "–".to_string()
                        } else {
                            format!(" {m} ")
                        };
                        s.push_str(&sep);
                        s.push_str(&r.plain(v2, depth));
                        unit_at = 4;
                    }
                }
            }
            if let Some(u) = call.positional(unit_at) {
                s.push(' ');
                s.push_str(src[u].trim());
            }
            b.synth(call.span, &s);
        }
        // {{NOK|4.2 billion}}, {{CHF|12 million}}: the Wikipedias keep a
        // template per currency, named by its ISO 4217 code.
        _ => {
            if let Some(symbol) = currency::template_symbol(name) {
                money(r, b, call, symbol, depth);
            } else if let Some((code, amount)) = currency_code(src, call) {
                let a = r.plain(amount, depth);
                b.synth(call.span, &format!("{code} {}", a.trim()));
            } else if let Some(country) = flag_country(src, call) {
                // {{USA}}: a flag and the country's name; the name shows.
                b.synth(call.span, country);
            } else if markup::STOCK_EXCHANGE_TEMPLATES.contains(&name) {
                // {{NYSE|IBM}} → "NYSE: IBM", the exchange as written.
                if let Some(ticker) = call.positional(1) {
                    let exchange = src[call.raw_name].trim();
                    let ticker = r.plain(ticker, depth);
                    b.synth(call.span, &format!("{exchange}: {}", ticker.trim()));
                }
            } else if !markup::SILENT_TEMPLATES.contains(&name)
                && !name.starts_with("pp-")
                && !name.ends_with(" navbox")
            {
                r.note_unknown(name, call.span);
            }
        }
    }
}

/// A template named by a three-letter code in capitals (`{{USD|5}}`,
/// `{{USA}}`), as written: the capitals keep `{{top}}` and `{{php}}` out.
fn code_name<'s>(src: &'s str, call: &Call) -> Option<&'s str> {
    let raw = src[call.raw_name].trim();
    (raw.len() == 3 && raw.bytes().all(|b| b.is_ascii_uppercase())).then_some(raw)
}

/// The country a flag template (`{{USA}}`, `{{GER}}`) names: a
/// three-letter name in capitals without positional arguments (a size or
/// variant may be named).
fn flag_country(src: &str, call: &Call) -> Option<&'static str> {
    let raw = code_name(src, call)?;
    if call
        .args
        .iter()
        .any(|a| a.name.is_none() && !src[a.value].trim().is_empty())
    {
        return None;
    }
    crate::lexicon::countries::by_code(raw)
}

/// The ISO 4217 code a currency template is named by, and its amount, where the call is
/// one: the name written in capitals (so `{{top}}` and `{{php}}` are not
/// read as currencies), a code in the ISO table, and an amount first.
fn currency_code(src: &str, call: &Call) -> Option<(&'static str, Span)> {
    let raw = code_name(src, call)?;
    let amount = call.positional(1)?;
    if !src[amount]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    currency::iso_code_any(raw).map(|c| (c, amount))
}

/// The items of a list argument: its bulleted lines (`* a`, `# b`), or the
/// whole argument where it has none. Lines are logical lines, so a
/// template spanning several stays whole.
pub fn bullet_items(r: &Renderer<'_, '_>, span: Span) -> Vec<Span> {
    let src = r.src;
    if !src[span].contains("\n*") && !src[span].contains("\n#") {
        return vec![span];
    }
    let mut out = Vec::new();
    let mut p = span.start;
    while p < span.end {
        let e = r
            .find_top_level(Span::new(p, span.end), b'\n')
            .unwrap_or(span.end);
        let line = Span::new(p, e).trim(src);
        let marks = src[line].len() - src[line].trim_start_matches(['*', '#', ':', ';']).len();
        let item = Span::new(line.start + marks, line.end).trim(src);
        if !item.is_empty() {
            out.push(item);
        }
        p = e + 1;
    }
    out
}

/// `{{map caption |countryprefix=the |location_color=dark green
/// |region=Europe |region_color=dark grey}}` → "Location of the United
/// Kingdom (dark green) – in Europe (dark grey)": the caption under a
/// country's locator map, which names the page unless `country` is given
/// (and without either, says "Location" alone rather than a broken name).
fn map_caption(r: &mut Renderer<'_, '_>, b: &mut Builder, call: &Call, depth: usize) {
    let arg = |r: &mut Renderer<'_, '_>, key: &str| {
        call.named(key)
            .map(|v| crate::text::one_line(&r.plain(v, depth)))
            .filter(|v| !v.is_empty())
    };
    let mut out = String::from("Location");
    if let Some(country) = arg(r, "country").or_else(|| r.page.map(str::to_string)) {
        out.push_str(" of ");
        if let Some(prefix) = arg(r, "countryprefix") {
            out.push_str(&prefix);
            out.push(' ');
        }
        out.push_str(&country);
    }
    if let Some(colour) = arg(r, "location_color") {
        out.push_str(&format!(" ({colour})"));
    }
    for (place, colour) in [("region", "region_color"), ("subregion", "subregion_color")] {
        if let Some(place) = arg(r, place) {
            out.push_str(" – in ");
            out.push_str(&place);
            if let Some(colour) = arg(r, colour) {
                out.push_str(&format!(" ({colour})"));
            }
        }
    }
    b.synth(call.span, &out);
}

/// `{{coord|41.89|-87.62}}` → "41.89°N 87.62°W", `{{coord|45|32|22|N|89|45|19|W}}`
/// → "45°32′22″N 89°45′19″W": the coordinates as the page shows them. The
/// arguments after the longitude (`region:US`, `display=`) are settings;
/// `display=title` shows them by the page's title only, so not here.
/// Anything that is not numbers in one of those shapes shows nothing.
fn coord(r: &mut Renderer<'_, '_>, b: &mut Builder, call: &Call) {
    // `display=title` alone puts them by the page's title, not in the text.
    if call
        .named("display")
        .is_some_and(|d| !r.src[d].contains("inline"))
    {
        return;
    }
    let parts: Vec<String> = call
        .positional_args()
        .into_iter()
        .map(|s| r.src[s].trim().to_string())
        .collect();
    if let Some(shown) = coord_text(&parts) {
        b.synth(call.span, &shown);
    }
}

fn coord_text(parts: &[String]) -> Option<String> {
    let number = |s: &str| s.parse::<f64>().ok().filter(|v| v.is_finite());
    let hemisphere = |i: usize, names: [&str; 2]| {
        parts
            .iter()
            .skip(i)
            .take(4)
            .position(|p| names.iter().any(|n| p.eq_ignore_ascii_case(n)))
            .map(|k| i + k)
    };
    if let Some(ns) = hemisphere(0, ["N", "S"]) {
        let ew = hemisphere(ns + 1, ["E", "W"])?;
        let dms = |from: usize, to: usize, h: &str| -> Option<String> {
            let units = ["°", "′", "″"];
            if to == from || to - from > 3 {
                return None;
            }
            let mut out = String::new();
            for (k, p) in parts[from..to].iter().enumerate() {
                number(p)?;
                out.push_str(p);
                out.push_str(units[k]);
            }
            out.push_str(&h.to_uppercase());
            Some(out)
        };
        let lat = dms(0, ns, &parts[ns])?;
        let lon = dms(ns + 1, ew, &parts[ew])?;
        return Some(format!("{lat} {lon}"));
    }
    let (lat, lon) = (parts.first()?, parts.get(1)?);
    let (la, lo) = (number(lat)?, number(lon)?);
    if la.abs() > 90.0 || lo.abs() > 180.0 {
        return None;
    }
    let strip = |s: &str| s.trim_start_matches(['-', '+']).to_string();
    Some(format!(
        "{}°{} {}°{}",
        strip(lat),
        if la < 0.0 { "S" } else { "N" },
        strip(lon),
        if lo < 0.0 { "W" } else { "E" }
    ))
}

/// `{{formatnum:1234567.5}}` → "1,234,567.5"; anything but a plain number
/// is shown as it is.
fn format_number(s: &str) -> String {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let plain = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit());
    if !plain {
        return s.to_string();
    }
    let mut out = String::from(sign);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if s.contains('.') {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `{{US$|7,710}}` → "US$7,710": the symbol, then the amount.
fn money(r: &mut Renderer<'_, '_>, b: &mut Builder, call: &Call, symbol: &str, depth: usize) {
    if let Some(a) = call.positional(1) {
        let amount = r.plain(a, depth);
        b.synth(call.span, &format!("{symbol}{amount}"));
    }
}

/// The date a date template shows ("9 January 1992", "January 1992",
/// "1992"), from year|month|day arguments or one date argument.
fn date_text(r: &mut Renderer<'_, '_>, call: &Call) -> Option<String> {
    let src = r.src;
    // Callers check 1..=12 first.
    let month = |m: i32| {
        u8::try_from(m)
            .ok()
            .and_then(calendar::month_name)
            .unwrap_or("")
    };
    let num = |s: Option<Span>| -> Option<i32> { s.and_then(|s| src[s].trim().parse().ok()) };
    let first = call.positional(1)?;
    let first_text = src[first].trim();
    let year_only = call.name.contains("year");
    if let Some(y) = num(Some(first)) {
        let (m, d) = if year_only {
            (None, None)
        } else {
            (
                num(call.positional(2)).or_else(|| {
                    // `{{dts|2005|May|3}}` names the month.
                    let m = src[call.positional(2)?].trim().trim_end_matches('.');
                    calendar::month_by_prefix(m).map(i32::from)
                }),
                num(call.positional(3)),
            )
        };
        let mdy = call
            .named("mf")
            .is_some_and(|v| src[v].trim().eq_ignore_ascii_case("yes"));
        return Some(match (m, d) {
            (Some(m @ 1..=12), Some(d @ 1..=31)) if mdy => {
                format!("{} {d}, {y}", month(m))
            }
            (Some(m @ 1..=12), Some(d @ 1..=31)) => {
                format!("{d} {} {y}", month(m))
            }
            (Some(m @ 1..=12), _) => format!("{} {y}", month(m)),
            _ => y.to_string(),
        });
    }
    // ISO "1992-01-09" or a written date.
    let parts: Vec<&str> = first_text.split('-').collect();
    if parts.len() == 3 && parts[0].len() == 4 {
        if let (Ok(y), Ok(m @ 1..=12), Ok(d)) = (
            parts[0].parse::<i32>(),
            parts[1].parse::<usize>(),
            parts[2].parse::<u32>(),
        ) {
            return Some(format!("{d} {} {y}", month(m as i32)));
        }
    }
    Some(r.plain(first, 1))
}

/// Records a citation template's parameters, rendered to plain text.
fn record_cite(r: &mut Renderer<'_, '_>, call: &Call, depth: usize) {
    let mut params = Vec::new();
    for a in &call.args {
        let Some(key) = &a.name else { continue };
        let value = r.plain(a.value, depth);
        if !value.is_empty() {
            params.push((key.clone(), value));
        }
    }
    r.cites.push(CiteTemplate {
        span: call.span,
        name: call.name.clone(),
        params,
    });
}
