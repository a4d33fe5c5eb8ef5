//! One citation written as text, split into fields: the parser of
//! bibliography entries and hand-written refs.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::citations;
use crate::model::{self, Author, Citation, CitationKind};
use crate::temporal;
pub(super) use crate::text::unquote;

// Word boundaries are ASCII (`(?-u:\b)`): a Unicode `\b` stops the regex
// crate's lazy DFA at the first non-ASCII byte ("–", "é", common in
// entries), and the search falls back to the much slower NFA. Every
// boundary here sits next to ASCII letters or digits (a keyword, a number),
// where the two agree. Digits are ASCII (`[0-9]`) for the same reason as
// the tokens' are (no date or page is read in other digits), and a
// Unicode `\d` took a third of the time it costs to compile these, paid
// by every process that meets a hand-written reference.
pub(super) static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>\x22]+").expect("valid regex")
});
pub(super) static DOI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)doi:?\s*(10\.[0-9]{4,9}/[^\s\x22<>]+)").expect("valid regex")
});
pub(super) static ISBN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)ISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?(?:[0-9][\s-]?){9}[0-9X])(?-u:\b)",
    )
    .expect("valid regex")
});
pub(super) static PAGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s,(\[])(pp?\.?|pg\.|pgs\.|pages?|pag\.|págs?\.|ص\.?|(?-i:S\.)|(?-i:sider?\s))\s*([0-9ivxlcdm]+(?:\s*[–—-]\s*[0-9ivxlcdm]+)?(?:(?:,|\s+and|\s*&)\s*[0-9]{1,3}(?:\s*[–—-]\s*[0-9]{1,3})?)*)(?-u:\b)")
        .expect("valid regex")
});
pub(super) static RETRIEVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:retrieved|accessed|access[ -]?date:?|archived|abgerufen|consulté|stand:|henta|hentet)(?:\s+(?:on|am|le))?\s+([0-9]{4}-[0-9][0-9]?-[0-9][0-9]?|[0-9][0-9]?\.\s*\p{L}+\s+[0-9]{4}|[^.;()]+?[0-9]{4})(?-u:\b)\.?")
        .expect("valid regex")
});
/// A journal's "12 (3): 45–60": volume, issue and pages.
pub(super) static VOLUME_PAGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[0-9]+\s*(?:\(\s*[\w–-]+\s*\))?\s*:\s*([0-9]+(?:\s*[–—-]\s*[0-9]+)?)(?-u:\b)",
    )
    .expect("valid regex")
});
pub(super) static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    // Single curly quotes close only before a space, a stop or the
    // end, so an apostrophe ("Alhazen’s") does not end the title.
    // Plain single quotes open only after a space and before a capital,
    // and close only before a stop, so "Britain's 'Hidden' Wars" and
    // apostrophes inside words are no title; or open a field (after a
    // stop or comma: "Sorel, Georges. 'Political Theorists' Routledge")
    // and close before a space.
    Regex::new(
        r#""([^"]+)"|“([^”]+)”|‘(.+?)’(?:[\s,.;:]|$)|(?:^|\s)'(\p{Lu}[^']{3,}?)'(?:[,.;:]|$)|(?:^|[.,:;]\s)'(\p{Lu}[^']{3,}?)'\s"#,
    )
    .expect("valid regex")
});
pub(super) static PAREN_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([^()]*[0-9]{4}[a-z]?[^()]*)\)").expect("valid regex"));
pub(super) static FORMAT_NOTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?:PDF|pdf|DOC|Excel|PowerPoint|[Ii]n [A-Z][a-z]+(?: and [A-Z][a-z]+)?|[Vv]ideo|[Aa]udio|[Pp]ress release)\)")
        .expect("valid regex")
});
pub(super) static PLACE_PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([A-Z][^:,]{1,40}(?:,\s*[A-Z][^:,]{1,25})?):\s*(.+?)(?:,\s*(?:c\.\s*)?[0-9]{4}[a-z]?)?$",
    )
    .expect("valid regex")
});

/// An empty citation of `kind`, fields to be filled.
pub fn empty(kind: CitationKind) -> Citation {
    Citation {
        kind,
        authors: Vec::new(),
        title: None,
        date: None,
        access_date: None,
        work: None,
        publisher: None,
        place: None,
        url: None,
        pages: None,
        isbn: None,
        doi: None,
        ref_name: None,
        raw: String::new(),
        section: std::sync::Arc::from(Vec::new()),
        span: model::Span {
            start: 0,
            end: 0,
            line: 1,
            column: 1,
        },
        uses: Vec::new(),
    }
}

/// Removes the text of `m` from `rest` (replacing it by a separator so the
/// segments around it stay apart).
pub(super) fn cut(rest: &mut String, range: std::ops::Range<usize>) {
    rest.replace_range(range, " ¦ ");
}

/// Parses one bibliography entry (as plain text on one line).
pub fn parse_entry(entry: &str) -> Citation {
    let mut c = empty(CitationKind::Bibliography);
    let mut rest = without_lead_connector(strip_backlinks(entry)).to_string();
    // "Chapter 7, ''The New Ferment''. In …": where in the book the piece
    // is, no author.
    if let Some(after) = citations::CHAPTER_MARKS
        .iter()
        .find_map(|m| rest.strip_prefix(m)?.strip_prefix(' '))
    {
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(", ") {
            rest = after[digits + 2..].to_string();
        }
    }
    // "[Article 59(3) in Chapter 2 …": a bracket opened by a link that has
    // no address, never closed.
    if rest.starts_with('[') && !rest.contains(']') {
        rest.remove(0);
    }
    // The Arabic comma separates fields as the Latin one does.
    if rest.contains('،') {
        rest = rest.replace('،', ",");
    }
    // Format and language notes are not fields: "(PDF)", "(in Russian)".
    // Each regex runs only where its literal can be: most entries hold no
    // format note, page number or place of publication.
    let notes: Vec<_> = if rest.contains('(') {
        FORMAT_NOTES.find_iter(&rest).map(|m| m.range()).collect()
    } else {
        Vec::new()
    };
    for r in notes.into_iter().rev() {
        rest.replace_range(r, "");
    }
    if rest.contains('(') {
        for r in language_notes(&rest).into_iter().rev() {
            rest.replace_range(r, "");
        }
    }

    if let Some(m) = rest.contains("10.").then(|| DOI.captures(&rest)).flatten() {
        c.doi = Some(trim_tail(&m[1]).to_string());
        let r = m.get(0).map(|g| g.range()).unwrap_or_default();
        cut(&mut rest, r);
    }
    if let Some(m) = (rest.contains("http") || rest.contains("www."))
        .then(|| URL.find(&rest))
        .flatten()
    {
        c.url = Some(trim_tail(m.as_str()).to_string());
        let r = m.range();
        // "Art.50 letter |url=https://…": a template's parameter name left
        // before the address by broken markup.
        let r = match rest[..r.start].trim_end().strip_suffix("|url=") {
            Some(head) => head.len()..r.end,
            None => r,
        };
        cut(&mut rest, r);
        // "Gerrit Olivier in Netwerk24 op 29 November 2015: http://…": who
        // wrote it, where and when, before its address.
        if let Some((name, work, date)) = byline_label(&rest) {
            c.authors = parse_authors(name);
            c.work = Some(work.to_string());
            c.date = Some(date.iso());
            return c;
        }
        if let Some(site) = site_label(&rest) {
            // "Gaylard, Rob: http://…": a person's page, or the piece's
            // author.
            if site.contains(',') && looks_like_names(site) {
                c.authors = parse_authors(site);
            } else {
                c.work = Some(site.to_string());
            }
            return c;
        }
    }
    if let Some(m) = (rest.contains("ISBN") || rest.contains("isbn"))
        .then(|| ISBN.captures(&rest))
        .flatten()
    {
        c.isbn = Some(m[1].trim().to_string());
        let r = m.get(0).map(|g| g.range()).unwrap_or_default();
        cut(&mut rest, r);
        // The same number written twice, or a second edition's: no field.
        while let Some(m) = ISBN.find(&rest) {
            let r = m.range();
            cut(&mut rest, r);
        }
    }
    if let Some(m) = [
        "etrieved", "ccess", "rchived", "bgerufen", "onsulté", "tand:", "enta",
    ]
    .iter()
    .any(|w| rest.contains(w))
    .then(|| RETRIEVED.captures(&rest))
    .flatten()
    {
        c.access_date = citation_date(&m[1]).map(|d| d.iso());
        let r = m.get(0).map(|g| g.range()).unwrap_or_default();
        cut(&mut rest, r);
    }
    if let Some(m) = has_page_marker(&rest)
        .then(|| PAGES.captures(&rest))
        .flatten()
    {
        c.pages = Some(m[2].to_string());
        let g = m.get(0).map(|g| g.range()).unwrap_or_default();
        cut(&mut rest, g);
    }
    if let Some(m) = (c.pages.is_none() && rest.contains("):"))
        .then(|| VOLUME_PAGES.captures(&rest))
        .flatten()
    {
        c.pages = Some(m[1].to_string());
        let g = m.get(0).map(|g| g.range()).unwrap_or_default();
        cut(&mut rest, g);
    }

    // "\"Within the movements of the sixties … ideologies.\" Epstein,
    // \"Anarchism and …\"": a quotation from the source, then the source.
    if let Some(r) = leading_quotation(&rest) {
        rest.replace_range(r, "");
        // "\"…\" In Ossar, Michael. 1980.": where it is quoted in.
        rest = strip_connector(rest.trim_start(), true).to_string();
    }
    // "[url … Interview with Mark Behr]: \"''My father and his mother
    // spoke …''\"": a quotation after the source, likewise.
    let mut quoted_from = false;
    // (A quotation of 20 words needs an entry of 20 words: most are
    // shorter, and counting words costs far less than the regex's captures
    // of every quoted stretch.)
    if rest.contains(['"', '“']) && rest.split_whitespace().nth(19).is_some() {
        let quotations: Vec<_> = QUOTED
            .captures_iter(&rest)
            .filter(|m| {
                let inner = m.get(1).or_else(|| m.get(2)).map_or("", |g| g.as_str());
                inner.split_whitespace().count() >= 20
                    && (inner.contains(". ") || inner.trim_end().ends_with(['.', '!', '?', '…']))
            })
            .filter_map(|m| m.get(0).map(|g| g.range()))
            .collect();
        quoted_from = !quotations.is_empty();
        for r in quotations.into_iter().rev() {
            cut(&mut rest, r);
        }
    }
    // Authors end where the date in parentheses or the quoted title begins.
    let quoted = quoted_title(&rest);
    let paren = PAREN_DATE.captures(&rest).and_then(|m| {
        let g = m.get(0)?;
        // "(2nd edn., 2009)": an edition before the year (where an
        // imprint stands before it, "(New York: Monthly Review Press,
        // 1970)", the parentheses are read as one segment later).
        let d = citation_date(&m[1]).or_else(|| {
            let (head, last) = m[1].rsplit_once(", ")?;
            let edition = strip_edition(head.trim()).is_empty();
            edition.then(|| citation_date(last)).flatten()
        })?;
        Some((g.range(), d.iso()))
    });
    // "\"La insumisión … (1923–1938)\"": years in the title are its own;
    // so are those before "by" and the title's author ("El naturismo
    // libertario (1890–1939) by Jose Maria Rosello").
    let paren = paren.filter(|(r, _)| {
        !quoted
            .as_ref()
            .is_some_and(|(q, _)| q.start <= r.start && r.end <= q.end)
            && !rest[r.end..].trim_start().starts_with("by ")
    });
    let boundary = [
        paren.as_ref().map(|(r, _)| r.start),
        quoted.as_ref().map(|(r, _)| r.start),
    ]
    .into_iter()
    .flatten()
    .min();

    let (mut author_part, after_authors) = match boundary {
        Some(b) => (rest[..b].to_string(), b),
        None => match first_segment_end(&rest) {
            // (Not "The Prisoner of Al-Hakim.": an article opens a title.)
            Some(e) if looks_like_names(&rest[..e]) && !opens_with_article(&rest[..e]) => {
                (rest[..e].to_string(), e)
            }
            // "Billington, James H. 1998.": names, then their year.
            Some(e) if trailing_year(&rest[..e]).is_some_and(|(n, _)| looks_like_names(n)) => {
                (rest[..e].to_string(), e)
            }
            _ => (String::new(), 0),
        },
    };
    // "The \"Illegalists\" by Doug Imrie": an article before the quotes
    // opens the title; it is no writer.
    let article = ["The", "A", "An"]
        .into_iter()
        .find(|a| quoted.is_some() && author_part.trim() == *a);
    if article.is_some() {
        author_part.clear();
    }
    if paren.is_none() {
        // Chicago's author-date style: "Sochen, June. 1972. \"Title\"".
        if let Some((names, year)) = trailing_year(&author_part) {
            c.date = Some(year.iso());
            author_part = names.to_string();
        }
    }
    c.authors = parse_authors(names_tail(without_book_part(&author_part)));

    let mut tail = rest[after_authors..].to_string();
    if let Some((_, d)) = &paren {
        c.date = Some(d.clone());
        if let Some(m) = PAREN_DATE.find(&tail) {
            let r = m.range();
            cut(&mut tail, r);
        }
    }
    if let Some((_, t)) = &quoted {
        c.title = Some(match article {
            Some(a) => format!("{a} \"{t}\""),
            None => t.clone(),
        });
        // "''[url The Politics of Postanarchism, Edinburgh University
        // Press,]''": the publisher inside the marked title.
        if let Some((head, publisher)) = t.rsplit_once(", ") {
            if publisher.split_whitespace().count() >= 2
                && head.split_whitespace().count() >= 2
                && is_publisher(publisher)
                && publisher.split_whitespace().all(|w| {
                    w.starts_with(char::is_uppercase) || citations::NAME_PARTICLES.contains(&w)
                })
            {
                c.title = Some(head.to_string());
                c.publisher = Some(publisher.to_string());
            }
        }
        if let Some((r, _)) = quoted_title(&tail) {
            // "[url Circulation Report] for January to December 2010.": the
            // title goes on after its quotes, in lowercase.
            let after = &tail[r.end..];
            let goes_on = after.strip_prefix(' ').is_some_and(|a| {
                let first = a.split_whitespace().next().unwrap_or("");
                citations::TITLE_CONTINUATIONS.contains(&first)
            });
            let more = if goes_on {
                let end = [". ", ", ", "¦", " by ", "\"", "“"]
                    .iter()
                    .filter_map(|m| after.find(m))
                    .min()
                    .unwrap_or(after.len());
                let more = after[..end].trim_end_matches(['.', ' ']);
                c.title = Some(format!("{t}{more}"));
                more.len()
            } else {
                0
            };
            tail.replace_range(r.start..r.end + more, " ¦ ");
        }
        // "Barnard, Lianne “Kinderidentiteit …” “Tydskrif vir
        // Letterkunde” Jaargang 45": a second quoted name straight after
        // the title is the journal's.
        if let Some(m) = QUOTED.captures(&tail) {
            let g = m.get(0).map(|g| g.range()).unwrap_or_default();
            let next = tail[..g.start].trim_matches([' ', '¦', ',']).is_empty();
            let name = m.get(1).or_else(|| m.get(2)).map(|n| n.as_str().trim());
            if let Some(name) = name.filter(|n| next && n.split_whitespace().count() <= 8) {
                c.work = Some(name.trim_end_matches([',', '.']).to_string());
                tail.replace_range(g, " ¦ ");
            }
        }
        // "Wybenga, Gretel “Tydskrif vir Letterkunde” Jaargang 32 no. 3":
        // a quoted name straight before a volume's number is the
        // journal's, no piece's title.
        // (Not "''Chess Informant'', Volume 60": a book's volume after a
        // comma.)
        let next = tail.trim_start_matches([' ', '¦']);
        // "Van Zyl, Wium “Die Burger” 18 Mei 1993": a paper's short name,
        // then the day it printed the piece, and nothing more.
        let day = temporal::parse_date(next.trim())
            .or_else(|| foreign_date(next.trim()))
            .is_some_and(|d| {
                matches!(d.precision, model::Precision::Day | model::Precision::Month)
            });
        let volume = strip_volume(next).to_string();
        if c.work.is_none() && t.split_whitespace().count() <= 6 && volume.len() < next.len() {
            c.work = c.title.take();
            tail = format!(" ¦ {volume}");
        }
        if c.work.is_none() && t.split_whitespace().count() <= 2 && day && !c.authors.is_empty() {
            c.work = c.title.take();
        }
    }

    // What is left: segments separated by ". " or our cut marks.
    let mut segments: Vec<String> = split_segments(&tail);
    if c.date.is_none() {
        // A date standing alone as a segment or at the end of one (MLA,
        // Chicago: "Kyiv: Dukh i Litera, 2019").
        let title_first = c.title.is_none();
        for (i, seg) in segments.iter_mut().enumerate() {
            if let Some(d) = temporal::parse_date(seg).or_else(|| foreign_date(seg)) {
                c.date = Some(d.iso());
                seg.clear();
                break;
            }
            // The longest date after a comma: "The Globe and Mail, August
            // 31, 2011" is 2011-08-31, not 2011 with "August 31" in the work.
            // "… bei Heise online vom 6. Mai 2011": the German "of the" before
            // a date.
            let mut seps: Vec<(usize, &str)> = seg.match_indices(", ").collect();
            seps.extend(seg.match_indices(" vom "));
            // "Guardian article: March 14, 2006": a day after a colon (a
            // year there is more often a subtitle's).
            seps.extend(seg.match_indices(": "));
            seps.sort_unstable();
            let tail_date = seps.into_iter().find_map(|(i, sep)| {
                let rest = &seg[i + sep.len()..];
                temporal::parse_date(rest)
                    .or_else(|| foreign_date(rest))
                    .filter(|d| sep != ": " || d.precision == model::Precision::Day)
                    .map(|d| (i, d))
            });
            if let Some((i, d)) = tail_date {
                c.date = Some(d.iso());
                seg.truncate(i);
                break;
            }
            // "C. Scribner's sons, 1901, Original from Harvard University":
            // a year between the publisher and a note on the copy; "''Le
            // Libertaire'' no 6, 21 September 1858, New York": a day
            // between the paper and its city.
            let commas: Vec<usize> = seg.match_indices(", ").map(|(i, _)| i).collect();
            let mid_date = commas.windows(2).find_map(|w| {
                let piece = &seg[w[0] + 2..w[1]];
                // (Not "1950-2030": the years a table covers.)
                let range = piece.contains(['–', '—']) || piece.contains('-') && piece.len() != 10;
                let d = (!range)
                    .then(|| temporal::parse_date(piece).or_else(|| foreign_date(piece)))
                    .flatten()?;
                Some((w[0], w[1], d))
            });
            if let Some((i, j, d)) = mid_date {
                c.date = Some(d.iso());
                let after = seg[j + 2..].trim_end_matches('.').to_string();
                if c.place.is_none() && citations::PUBLICATION_PLACES.contains(&after.as_str()) {
                    c.place = Some(after);
                }
                seg.truncate(i);
                break;
            }
            // "1994, UK Office of Population Censuses": a year, then who.
            // "1983 dtic.mil": a space may stand for the comma.
            let lead_year = seg
                .split_once(", ")
                .or_else(|| seg.split_once(' ').filter(|_| i > 0 || !title_first))
                .filter(|(y, _)| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|(y, who)| Some((temporal::parse_date(y)?, who.to_string())));
            if let Some((d, who)) = lead_year {
                c.date = Some(d.iso());
                *seg = who;
                break;
            }
            // "vom 4. November 1978 news.google.com": the German "of the"
            // before a day at a segment's start.
            let seg_dated = seg.strip_prefix("vom ").unwrap_or(seg);
            // (Not in the segment that becomes the title.)
            if let Some((d, name)) = edge_date(seg_dated).filter(|_| i > 0 || !title_first) {
                c.date = Some(d.iso());
                *seg = name;
                break;
            }
        }
        segments.retain(|s| !s.is_empty());
    }
    // A connector left alone by a cut field ("…, at www.example.com") is
    // no field; one before a work ("in The Times") is not its name. The
    // segment that will be the title keeps its words ("In Search of Lost
    // Time", "On Liberty").
    let mut title_next = c.title.is_none();
    let segments: Vec<String> = segments
        .into_iter()
        .filter_map(|seg| {
            // "[url Title] – Unterseite bei …": a dash joins, like a comma.
            // ("[url Title]] in …": a second "]" of broken markup.)
            let seg = seg.trim_start_matches(['–', '—', ' ', ']']);
            let lower = seg.to_lowercase();
            if citations::CONNECTORS.contains(&lower.as_str()) {
                return None;
            }
            if std::mem::take(&mut title_next) {
                return Some(seg.to_string());
            }
            Some(strip_connector(seg, true).to_string())
        })
        .collect();
    // A short citation, "Seirawan, pp. 161–67.": a name and pages, the
    // entry it points to given elsewhere; the name is its author's.
    if c.title.is_none() && c.authors.is_empty() && c.date.is_none() && c.pages.is_some() {
        if let [only] = segments.as_slice() {
            let words: Vec<&str> = only.split_whitespace().collect();
            if (1..=3).contains(&words.len())
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
            {
                c.authors = parse_authors(only);
                return c;
            }
        }
    }
    let mut segments = segments.into_iter();
    if c.title.is_none() {
        c.title = segments.next();
        // "Resolutions from the St. Imier Congress, in ''Anarchism: A
        // Documentary History'', Vol. 1": the piece, then the book it is in.
        let piece_in = c.title.as_deref().and_then(|t| {
            let (piece, book) = t.split_once(", in ")?;
            let book = [", vol", ", Vol"]
                .iter()
                .filter_map(|m| book.find(m))
                .min()
                .map_or(book, |i| &book[..i]);
            let named =
                book.starts_with(char::is_uppercase) && piece.split_whitespace().count() >= 2;
            named.then(|| (piece.to_string(), book.trim().to_string()))
        });
        if let Some((piece, book)) = piece_in.filter(|_| c.work.is_none()) {
            c.title = Some(piece);
            c.work = Some(book);
        }
        // "Oxford English Dictionary: \"British Isles: a geographical term
        // …\"": the name alone left by a quotation from it is the work.
        if quoted_from && c.work.is_none() && segments.len() == 0 {
            let name = c.title.as_deref().is_some_and(|t| {
                (1..=6).contains(&t.split_whitespace().count())
                    && t.split_whitespace().all(|w| {
                        w.starts_with(char::is_uppercase) || citations::NAME_PARTICLES.contains(&w)
                    })
            });
            if name {
                c.work = c.title.take();
            }
        }
        // "An Interview with Mark Behr, Safundi, 12:1, 1-26": a journal
        // article's title, its journal, volume and issue, and pages.
        if let Some((title, work, pages)) = c.title.as_deref().and_then(journal_tail) {
            if c.work.is_none() && c.pages.is_none() {
                let (title, work, pages) = (title.to_string(), work.to_string(), pages.to_string());
                c.title = Some(title);
                c.work = Some(work);
                c.pages = Some(pages);
            }
        }
        // "Anarchism, London: Reaktion Books Ltd., 2004": the title runs
        // into its imprint without a stop.
        if let Some(t) = c.title.take() {
            c.title = Some(
                match imprint_in_title(&t).or_else(|| publisher_in_title(&t)) {
                    Some((title, place, publisher)) if c.publisher.is_none() => {
                        if !place.is_empty() {
                            c.place = Some(place.to_string());
                        }
                        c.publisher = Some(publisher.to_string());
                        title.to_string()
                    }
                    _ => t,
                },
            );
        }
    }
    for seg in segments {
        // "(New York: Monthly Review Press, 1970)": the same fields in
        // parentheses; "Phillimore; entries 4,3–4.22": what follows a
        // semicolon is a note.
        // (A date cut from its end may have taken the closing one.)
        let inner = seg
            .strip_prefix('(')
            .map(|s| s.strip_suffix(')').unwrap_or(s));
        // "(Parochial and Family History of the Deanery; pt. 2.)": a
        // series and its part, in parentheses, is a note, not an imprint.
        if inner.is_some_and(|s| s.contains("; ") && !s.contains(':')) {
            continue;
        }
        let seg = inner
            .unwrap_or(seg.as_str())
            .split("; ")
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        // "second ed. Penguin Books", "2nd edition, Verso": an edition
        // before the publisher is no part of its name.
        // "[Vol. 4(3)]": a volume in brackets.
        let seg = match seg.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            Some(inner) => inner.to_string(),
            None => seg,
        };
        let seg = strip_edition(strip_volume(&seg)).to_string();
        // "23. Juni 1960, bis 30. Juni 1960, United States Government
        // Printing Office, Washington": the days a volume covers, then
        // its imprint.
        let seg = match seg.split_once(", bis ") {
            Some((from, rest))
                if foreign_date(from)
                    .or_else(|| temporal::parse_date(from))
                    .is_some() =>
            {
                match rest.split_once(", ") {
                    Some((to, imprint))
                        if foreign_date(to)
                            .or_else(|| temporal::parse_date(to))
                            .is_some() =>
                    {
                        imprint.to_string()
                    }
                    _ => seg,
                }
            }
            _ => seg,
        };
        // "The Blackwell Dictionary of Modern Social Thought (2nd Edition":
        // an edition in parentheses after the name (its close may have
        // gone with the pages cut from inside).
        let seg = match seg.rsplit_once(" (") {
            Some((name, note)) if paren_edition(note) => name.to_string(),
            _ => seg,
        };
        // "Note: Used for Bermuda, Chad, …": what the editor says of the
        // source, no field of it (`raw` keeps it).
        if seg.is_empty()
            || [
                "Note:",
                "Notes:",
                "NB:",
                "N.B.",
                "See also ",
                "citing ",
                "quoting ",
            ]
            .iter()
            .chain(citations::CREDIT_NOTES)
            .any(|n| seg.starts_with(n))
        {
            continue;
        }
        // "…, ISBN …): An anthology of writings …": what the editor says of
        // the source after its imprint, and any run of prose once the
        // source is named, is a note (`raw` keeps it).
        if seg.starts_with(')') || annotation(&seg) && c.title.is_some() {
            continue;
        }
        // "rev. Roger T. Stearn, ''Oxford Dictionary …''": who revised or
        // translated it, then the rest of the imprint.
        let seg = match without_contributor(&seg) {
            Some("") => continue,
            Some(after) => after.to_string(),
            None => seg,
        };
        // "Oxford University Press, 2004", "Montréal and London 2005"
        // where the date is that year: the year is read already.
        let seg = match (c.date.as_deref(), seg.rsplit_once(' ')) {
            // (Not "… July 30, 1972", a date of its own.)
            (Some(d), Some((head, year)))
                if year.len() == 4
                    && d.starts_with(year)
                    && !head
                        .trim_end_matches(',')
                        .ends_with(|c: char| c.is_ascii_digit()) =>
            {
                head.trim_end_matches(',').to_string()
            }
            _ => seg,
        };
        // "''The Blackwell Dictionary …'', ''Anarchism'' entry": the
        // dictionary's entry is the title, the dictionary its work.
        if let Some(name) = seg.strip_suffix(" entry") {
            let short = (1..=4).contains(&name.split_whitespace().count());
            if short && c.work.is_none() && c.title.is_some() {
                c.work = c.title.take();
                c.title = Some(unquote(name));
                continue;
            }
        }
        // "BBC Devon. 2007.": the year of the date, said again.
        if c.date.as_deref() == Some(seg.as_str()) {
            continue;
        }
        // "(1999) ch 1.": where in the book, no name.
        if let Some((mark, n)) = seg.split_once(' ') {
            let chapter = ["ch", "ch.", "chap.", "chapter", "Ch.", "Chapter"].contains(&mark);
            if chapter && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
        }
        // "p 195" after the pages were read: a second page mark, no name.
        if PAGES
            .find(&seg)
            .is_some_and(|m| m.as_str().trim().len() == seg.len())
        {
            continue;
        }
        // "Burlington, VT": a town and its state or province; "''The Daily
        // Telegraph''. London.": a city where books and papers are made.
        if c.place.is_none()
            && (town_and_state(&seg) || citations::PUBLICATION_PLACES.contains(&seg.as_str()))
        {
            c.place = Some(seg);
            continue;
        }
        // "Volume 6. No. 1. Winter 2011": the season of an issue, its year
        // read as the date, is no publisher.
        if let Some(year) = issue_season(&seg) {
            if c.date.is_none() {
                c.date = year.and_then(temporal::parse_date).map(|d| d.iso());
            }
            continue;
        }
        // "Vol. 2. No. 3 May 1907": the issue's month, once its numbers
        // are cut, is the date, not a publisher "May".
        if c.date.is_none() && seg.contains(' ') {
            if let Some(d) = temporal::parse_date(&seg) {
                c.date = Some(d.iso());
                continue;
            }
        }
        // A date alone, after the date of publication, is when the source
        // was read ("… 1922. 13 October 2002. http://…"): no publisher.
        if c.date.is_some() {
            if let Some(d) =
                temporal::parse_date(&seg).filter(|d| d.precision == model::Precision::Day)
            {
                c.access_date.get_or_insert_with(|| d.iso());
                continue;
            }
        }
        // "Published on Revista ''ADN''": the work it appeared in; a site
        // or group named before it then published it.
        if let Some(work) = [
            "Published on ",
            "Published in ",
            "published in ",
            "published on ",
        ]
        .iter()
        .find_map(|p| seg.strip_prefix(p))
        {
            if c.publisher.is_none() {
                c.publisher = c.work.take();
            }
            if c.work.is_none() {
                c.work = Some(unquote(work.trim()));
            }
            continue;
        }
        if let Some(who) = seg.strip_prefix("Published by ") {
            c.publisher.get_or_insert_with(|| who.trim().to_string());
            continue;
        }
        // "\"Anarchist-Communism\" by Alain Pengam": the author after the title.
        if let Some(by) = seg.strip_prefix("by ").or_else(|| seg.strip_prefix("By ")) {
            // "by Kevin Carson at website of …", "by Charley Shively in
            // Encyclopedia of Homosexuality": the name, then where.
            // "by Doug Imrie (published by ''Anarchy: A Journal …'')":
            // the periodical it is in.
            let (name, place) = [" in ", " at ", " on ", " (published by ", " (published in "]
                .iter()
                .filter_map(|k| by.find(k).map(|i| (i, k.len())))
                .min()
                .map_or((by, None), |(i, n)| {
                    (&by[..i], Some(by[i + n..].trim_end_matches(')')))
                });
            // ("by infed": one word, an organisation's, whatever its case.)
            let capitalised = name.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase) || citations::NAME_PARTICLES.contains(&w)
            }) || !name.is_empty() && name.chars().all(char::is_alphanumeric);
            // ("by Gruppo Comunista Anarchico di Firenze": a group's name,
            // capitalised, may be longer than a person's.)
            let group = name.split_whitespace().count() <= 6 && !name.contains(char::is_numeric);
            if c.authors.is_empty() && capitalised && (looks_like_names(name) || group) {
                c.authors = parse_authors(name);
                if let Some(w) = place.filter(|w| c.work.is_none() && !w.trim().is_empty()) {
                    c.work = Some(unquote(strip_connector(w.trim(), true)));
                }
                continue;
            }
            // "\"My Perspectives\" by Willful Disobedience Vol. 2, No. 12":
            // a periodical's issue, not a person.
            if let Some((work, _)) = volume_after(by).filter(|_| c.work.is_none()) {
                c.work = Some(unquote(work));
                continue;
            }
        }
        // "Transaction Books, NJ 1979": a year closing the publisher.
        // (Not "Article No. 1917": a number after its mark.)
        let numbered = |head: &str| {
            head.rsplit(' ')
                .next()
                .is_some_and(|w| crate::lexicon::in_list(citations::NUMBER_MARKS, w))
        };
        let seg = match (c.date.is_none(), seg.rsplit_once(' ')) {
            (true, Some((head, year)))
                if year.len() == 4
                    && year.bytes().all(|b| b.is_ascii_digit())
                    && !head.is_empty()
                    && !numbered(head) =>
            {
                c.date = temporal::parse_date(year).map(|d| d.iso());
                // "… Beperk Eerste uitgawe 1998": the edition before it.
                strip_edition(head.trim_end_matches([',', ' '])).to_string()
            }
            _ => seg,
        };
        // "In: Inside the Visible, edited by …": the book the piece is in.
        if let Some(book) = ["In: ", "in: "].iter().find_map(|p| seg.strip_prefix(p)) {
            if c.work.is_none() {
                let book = book.split(" edited by ").next().unwrap_or(book);
                c.work = Some(unquote(book.trim().trim_end_matches(',')));
                continue;
            }
        }
        // "Romantic Globalism: British Literature …, University of Ohio
        // Press" after a chapter's title: the book (a title with its
        // subtitle), then its publisher; no place.
        if let Some((book, publisher)) = seg
            .rsplit_once(", ")
            .filter(|(head, p)| head.contains(':') && is_publisher(p))
            .filter(|_| quoted.is_some() && c.work.is_none() && c.publisher.is_none())
        {
            c.work = Some(unquote(book.trim()));
            c.publisher = Some(publisher.trim().to_string());
            continue;
        }
        if let Some(m) = seg
            .contains(':')
            .then(|| PLACE_PUBLISHER.captures(&seg))
            .flatten()
        {
            if c.publisher.is_none() {
                c.place = Some(m[1].trim().to_string());
                c.publisher = Some(m[2].trim().to_string());
                continue;
            }
        }
        // "Black Rose Books, Montréal and London": who, then where.
        if let Some((publisher, place)) =
            publisher_then_place(&seg).filter(|_| c.publisher.is_none() && c.place.is_none())
        {
            c.publisher = Some(publisher.to_string());
            c.place = Some(place.to_string());
            continue;
        }
        // A publisher's name after a title ("\"Projectile Dynamics in
        // Sport\". p. 222. Routledge") is no periodical's.
        if c.work.is_none() && c.publisher.is_none() && quoted.is_some() && is_publisher(&seg) {
            c.publisher = Some(seg);
            continue;
        }
        // After an article's title, an institution ("Council of Europe",
        // "Library and Archives Canada (2006)") published it; a
        // periodical's name is its work.
        if c.work.is_none() && c.publisher.is_none() && quoted.is_some() && names_institution(&seg)
        {
            // "The World Factbook, United States Central Intelligence
            // Agency": the work, then the institution that publishes it.
            match seg.split_once(", ") {
                Some((work, who)) if names_institution(who) && !names_institution(work) => {
                    c.work = Some(unquote(work.trim()));
                    c.publisher = Some(who.trim().to_string());
                }
                _ => c.publisher = Some(seg),
            }
            continue;
        }
        if c.work.is_none() && quoted.is_some() {
            // MLA's "Work, vol. 3, 2019": the work is before the first comma.
            // ("''Great Islamic Encyclopedia'', Volume 1, Article No. 1917".)
            let volume = [", vol", ", Vol"].iter().filter_map(|m| seg.find(m)).min();
            let w = volume.map_or(seg.as_str(), |i| &seg[..i]).trim();
            // "''The American Pageant, Volume 1'', Cengage Learning": who
            // published it, a name after the volume's number.
            if let Some((_, who)) = volume.and_then(|i| seg[i + 2..].split_once(", ")) {
                let who = who.trim();
                let name = who.starts_with(char::is_uppercase)
                    && who.split_whitespace().count() <= 5
                    && !who.contains(|c: char| c.is_ascii_digit());
                if c.publisher.is_none() && (name || is_publisher(who)) {
                    c.publisher = Some(who.to_string());
                }
            }
            // "Representations, 69": the volume's number after the work
            // ("Diacritics, 5(1)": with its issue).
            let w = match w.rsplit_once(", ") {
                Some((work, n))
                    if !n.is_empty()
                        && n.bytes()
                            .all(|b| b.is_ascii_digit() || b == b'(' || b == b')')
                        && n.starts_with(|c: char| c.is_ascii_digit())
                        && n.matches('(').count() == n.matches(')').count() =>
                {
                    work.trim()
                }
                _ => w,
            };
            // "The Times (London)": the place the paper is of.
            let (w, place) = match w.strip_suffix(')').and_then(|h| h.rsplit_once(" (")) {
                Some((work, place))
                    if place
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                        && !place.chars().any(|c| c.is_ascii_digit()) =>
                {
                    (work.trim(), Some(place))
                }
                _ => (w, None),
            };
            if c.place.is_none() {
                c.place = place.map(str::to_string);
            }
            // "The Oxford Companion to Philosophy, Oxford University
            // Press": the work, then who published it.
            let w = match w.rsplit_once(", ") {
                Some((work, publisher))
                    if c.publisher.is_none()
                        && is_publisher(publisher)
                        && !work.is_empty()
                        && !names_organisation(work) =>
                {
                    c.publisher = Some(publisher.trim().to_string());
                    // "Oxford, Wiley-Blackwell": a word or two before a
                    // publisher is where it published, not a work.
                    if work.split_whitespace().count() <= 2 && c.place.is_none() {
                        c.place = Some(work.trim().to_string());
                        continue;
                    }
                    work.trim()
                }
                _ => w,
            };
            // "Meldung bei ''Mozilla''", "Artikel mit Umfrageergebnissen bei
            // ''w3b.org''": what kind of piece, then the German "at" and
            // the work.
            let at = citations::PIECE_AT
                .iter()
                .find_map(|k| w.split_once(&format!(" {k} ")));
            let w = match at {
                Some((kind, work))
                    if kind.split_whitespace().count() <= 3
                        && kind.starts_with(char::is_uppercase)
                        && !work.trim().is_empty() =>
                {
                    work.trim()
                }
                _ => w,
            };
            // "article in ''Le Libertaire'' no 6": the kind of piece, then
            // the work and its issue's number.
            let w = match w.split_once(" in ") {
                Some((kind, work))
                    if crate::lexicon::in_list(citations::PIECE_KINDS, kind)
                        && !work.trim().is_empty() =>
                {
                    work.trim()
                }
                _ => w,
            };
            let w = without_issue_number(w);
            // "(''Socialist Review'' November 2002)": the issue's month
            // after the name, its year read as the date.
            let w = match (w.rsplit_once(' '), c.date.as_deref()) {
                (Some((name, month)), Some(year)) if year.len() == 4 && !name.trim().is_empty() => {
                    match crate::lexicon::calendar::month_by_prefix(month)
                        .filter(|_| crate::lexicon::calendar::is_month_name(month))
                    {
                        Some(m) => {
                            c.date = Some(format!("{year}-{m:02}"));
                            name.trim_end_matches(',')
                        }
                        None => w,
                    }
                }
                _ => w,
            };
            // "\"Anarchy: a Journal Of Desire Armed\", Fall–Winter": the
            // issue's season after the name.
            let w = match w.rsplit_once(", ") {
                Some((name, season)) if issue_season(season).is_some() => name,
                _ => w,
            };
            // "''Bakunin on Anarchy'', translated and edited by Sam
            // Dolgoff": who translated it is no part of its name.
            let w = w
                .match_indices(", ")
                .find(|&(i, _)| {
                    citations::CONTRIBUTOR_MARKS
                        .iter()
                        .any(|m| w[i + 2..].starts_with(m))
                })
                .map_or(w, |(i, _)| &w[..i]);
            c.work = Some(unquote(w));
        } else if c.publisher.is_none() {
            c.publisher = Some(seg);
        } else if c.work.is_none()
            && is_publisher(&seg)
            && !c.publisher.as_deref().is_some_and(is_publisher)
        {
            // "Anarchism. The Blackwell Dictionary of Modern Social
            // Thought. Blackwell Publishing.": the name read as the
            // publisher was the work the piece is in.
            c.work = c.publisher.replace(seg);
        }
    }
    // "''Parallax, n. 8''": an issue of a periodical, no piece's title.
    if let Some(name) = c
        .title
        .as_deref()
        .and_then(issue_of)
        .filter(|_| c.work.is_none())
    {
        c.work = Some(name.to_string());
        c.title = None;
    }
    c
}

/// "Anarchism, London: Reaktion Books Ltd." → ("Anarchism", "London",
/// "Reaktion Books Ltd."): a title, then after its last comma a place and
/// a publisher's name.
fn imprint_in_title(t: &str) -> Option<(&str, &str, &str)> {
    let (title, imprint) = t.rsplit_once(", ")?;
    let m = PLACE_PUBLISHER.captures(imprint)?;
    let (place, publisher) = (m.get(1)?.as_str().trim(), m.get(2)?.as_str().trim());
    // (Not "Clifton, NJ: Blue Dome Press", a town and its state.)
    let town = place.len() > 2 && !title.trim().is_empty();
    (town && is_publisher(publisher)).then_some((title.trim(), place, publisher))
}

/// "Protein Misfolding Diseases, John Wiley and Sons, Hoboken": a title
/// run on into its publisher and the place (a city where books are made),
/// without a stop: the title, the place and the publisher.
fn publisher_in_title(t: &str) -> Option<(&str, &str, &str)> {
    // "HAT Taal-en-feitegids, Pearson": a publishing house known by name.
    if let Some((title, publisher)) = t.rsplit_once(", ") {
        if publishing_house(publisher) && !title.contains(", ") && !title.trim().is_empty() {
            return Some((title.trim(), "", publisher.trim()));
        }
    }
    let (head, place) = t.rsplit_once(", ")?;
    let (title, publisher) = head.rsplit_once(", ")?;
    let place = place.trim();
    let city = citations::PUBLICATION_PLACES.contains(&place)
        || (1..=2).contains(&place.split_whitespace().count())
            && place
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic));
    (city && is_publisher(publisher) && title.split_whitespace().count() >= 2).then_some((
        title.trim(),
        place,
        publisher.trim(),
    ))
}

/// "The …", "A …", "An …" without a comma: a title's opening, not a
/// list of names.
fn opens_with_article(s: &str) -> bool {
    ["The ", "A ", "An "].iter().any(|a| s.starts_with(a)) && !s.contains(',')
}

/// The first quoted title of `s`: its range, quotes included, and its
/// text. A quote that a letter follows opens a quotation inside the title
/// rather than closing it ("\"J.3.2 What are \"synthesis\" federations?\""):
/// the title then runs to the quote after that one's close.
fn quoted_title(s: &str) -> Option<(std::ops::Range<usize>, String)> {
    let m = QUOTED.captures(s)?;
    let g = m.get(0)?;
    let inner = m
        .get(1)
        .or_else(|| m.get(2))
        .or_else(|| m.get(3))
        .or_else(|| m.get(4))
        .or_else(|| m.get(5))?;
    let mut range = g.range();
    let mut t = inner.as_str();
    let opens_inner = m.get(1).is_some()
        && s[range.end..].starts_with(char::is_alphanumeric)
        && s[..range.end - 1].ends_with(' ');
    if opens_inner {
        let inner_close = s[range.end..]
            .find('"')
            .map(|i| range.end + i)
            .filter(|&c| !s[c + 1..].starts_with(char::is_alphanumeric));
        let close = inner_close.and_then(|c| s[c + 1..].find('"').map(|i| c + 1 + i));
        // (Not past a field cut out, nor past a sentence's end: a title.)
        let title_like = |c: usize| {
            let t = &s[range.start + 1..c];
            !s[c + 1..].starts_with(char::is_alphanumeric) && !t.contains('¦') && !t.contains(". ")
        };
        if let Some(close) = close.filter(|&c| title_like(c)) {
            t = &s[range.start + 1..close];
            range = range.start..close + 1;
        }
    }
    // A field cut from inside the title ("[url Title, p. 7]") leaves its
    // mark at the end.
    let t = t.trim().trim_end_matches([',', '.', ' ', '¦']);
    Some((range, t.to_string()))
}

/// "Title, Journal, 12:1, 1-26": a title, then a journal's name, its
/// volume and issue ("12:1", "12(1)") and the pages, each after a comma.
fn journal_tail(s: &str) -> Option<(&str, &str, &str)> {
    let (head, pages) = s.rsplit_once(", ")?;
    let (head, volume) = head.rsplit_once(", ")?;
    let (title, work) = head.rsplit_once(", ")?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let page_range = pages
        .split_once(['-', '–'])
        .is_some_and(|(a, b)| digits(a) && digits(b));
    let issue = volume
        .split_once(':')
        .or_else(|| volume.strip_suffix(')')?.split_once('('))
        .is_some_and(|(v, i)| digits(v) && digits(i));
    let journal = (1..=5).contains(&work.split_whitespace().count())
        && work.starts_with(char::is_uppercase)
        && !work.contains(|c: char| c.is_ascii_digit());
    (page_range && issue && journal && !title.trim().is_empty()).then_some((title, work, pages))
}

/// A periodical's name without its issue's number after it ("Le
/// Libertaire no 6" is "Le Libertaire").
fn without_issue_number(w: &str) -> &str {
    let Some((head, n)) = w.rsplit_once(' ') else {
        return w;
    };
    let Some((name, mark)) = head.rsplit_once(' ') else {
        return w;
    };
    let numbered = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    if numbered && crate::lexicon::in_list(citations::ISSUE_MARKS, mark) {
        name.trim_end_matches(',')
    } else {
        w
    }
}

/// "Parallax, n. 8", "Valley Studies, no. 12": a periodical's name and
/// the number of its issue.
fn issue_of(title: &str) -> Option<&str> {
    let (name, number) = title.rsplit_once(", ")?;
    let (mark, n) = number.split_once(' ')?;
    let numbered = crate::lexicon::in_list(citations::ISSUE_MARKS, mark)
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit());
    // A name, not a piece's title with its book ("…, in Anarchism: …").
    let short = (1..=6).contains(&name.split_whitespace().count()) && !name.contains([',', ':']);
    (numbered && short).then_some(name)
}

/// "Black Rose Books, Montréal and London" → ("Black Rose Books",
/// "Montréal and London"): a publisher's name, then one place or two
/// joined by "and", capitalised and without numbers.
fn publisher_then_place(seg: &str) -> Option<(&str, &str)> {
    // "Transaction Books, New Brunswick, NJ": a town and its state.
    let town = seg.rsplit_once(", ").and_then(|(head, _)| {
        let (publisher, _) = head.rsplit_once(", ")?;
        let place = &seg[publisher.len() + 2..];
        (town_and_state(place) && is_publisher(publisher)).then_some((publisher, place))
    });
    if town.is_some() {
        return town;
    }
    let (publisher, place) = seg.rsplit_once(", ")?;
    let words: Vec<&str> = place.split_whitespace().collect();
    // (Not "Ashgate Publishing, Ltd.": the company's form.)
    let placelike = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| *w == "and" || w.starts_with(char::is_uppercase))
        && !place.chars().any(|c| c.is_ascii_digit())
        && !place.ends_with('.')
        && !citations::COMPANY_FORMS.contains(&place);
    (placelike && is_publisher(publisher) && !is_publisher(place)).then_some((publisher, place))
}

/// Where `s` holds a language note, "(englisch)", "(in English)",
/// "(English and French)", each with the space before it.
fn language_notes(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = s[from..].find('(').map(|i| i + from) {
        let Some(close) = s[open..].find(')').map(|i| i + open) else {
            break;
        };
        let inner = s[open + 1..close].trim().to_lowercase();
        let inner = inner.strip_prefix("in ").unwrap_or(&inner);
        let is_language = !inner.is_empty()
            && inner
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|w| !w.is_empty() && *w != "and" && *w != "und")
                .all(|w| citations::LANGUAGES.contains(&w));
        if is_language {
            let start = s[..open].trim_end().len();
            out.push(start..close + 1);
        }
        from = close + 1;
    }
    out
}

/// An entry without the words that lead to the source rather than name
/// it: "quoted in Billington, James H. 1998. …" is Billington's book.
pub(super) fn without_lead_connector(entry: &str) -> &str {
    // Not "in", "at" or "on": an entry may open with "In 1990 …".
    strip_connector(entry, false)
}

/// `s` without a connector before a capitalised word ("in The Times" is
/// "The Times"); the short ones ("in", "at", "on") only with `short`.
fn strip_connector(s: &str, short: bool) -> &str {
    citations::CONNECTORS
        .iter()
        .filter(|k| short || k.len() > 2)
        .find_map(|k| {
            let head = s.get(..k.len())?;
            let rest = &s[k.len()..];
            (head.eq_ignore_ascii_case(k) && rest.starts_with(' '))
                .then(|| rest.trim_start())
                .filter(|r| names_follow(r))
        })
        // "at the Encyclopedia Britannica online": the name after "the"
        // (a capital "The" is part of it: "in The Times").
        .map_or(s, |r| match r.strip_prefix("the ") {
            Some(name) if name.starts_with(char::is_uppercase) => name,
            _ => r,
        })
}

/// Whether a name opens `s`: a capital ("The Times"), "the" before one
/// ("the Stanford Encyclopedia"), or a site's address ("libcom.org").
fn names_follow(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    // ("from \"What is Property?\"": a quoted name.)
    let s = s.trim_start_matches(['"', '“', '\'']);
    s.starts_with(char::is_uppercase)
        || s.strip_prefix("the ")
            .is_some_and(|r| r.starts_with(char::is_uppercase))
        || first.contains('.') && first.len() > 3 && !first.ends_with('.')
}

/// `seg` without an edition note at its start ("second ed.", "2nd
/// edition,", "3rd ed"): the publisher follows it.
fn strip_edition(seg: &str) -> &str {
    let mut words = seg.splitn(3, ' ');
    if let (Some(first), Some(second)) = (words.next(), words.next()) {
        if is_edition(first, second) {
            return words.next().unwrap_or("").trim_start_matches([',', ' ']);
        }
    }
    // "Tafelberg-Uitgewers Beperk Eerste uitgawe": the edition after the
    // publisher's name.
    let mut words = seg.rsplitn(3, ' ');
    if let (Some(last), Some(before), Some(head)) = (words.next(), words.next(), words.next()) {
        if is_edition(before, last) {
            return head.trim_end_matches([',', ' ']);
        }
    }
    seg
}

/// "2nd ed.", "second edition", "Eerste uitgawe", "2. Auflage": an
/// ordinal, then a word for an edition.
fn is_edition(first: &str, second: &str) -> bool {
    let first = first.to_lowercase();
    // "2nd", "2e", "2ème", "2.": digits and an ordinal's ending.
    let digits = first.bytes().take_while(u8::is_ascii_digit).count();
    let ending = &first[digits..];
    let numbered = digits > 0 && ["st", "nd", "rd", "th", "e", "er", "ème", "."].contains(&ending);
    let ordinal = numbered || citations::EDITION_ORDINALS.contains(&first.as_str());
    let second = second.trim_end_matches(['.', ',']).to_lowercase();
    ordinal && citations::EDITION_WORDS.contains(&second.as_str())
}

/// `seg` without a volume or issue number that opens it ("Volume 60,
/// Šahovski Informator" is the publisher Šahovski Informator).
fn strip_volume(seg: &str) -> &str {
    // "Article No. 1917": an encyclopedia's article, by its number.
    let seg = match seg.strip_prefix("Article ") {
        Some(number) if number.starts_with("No") => number,
        _ => seg,
    };
    let Some((word, rest)) = seg.split_once(' ') else {
        return seg;
    };
    let marker = matches!(
        word.to_lowercase().as_str(),
        "volume"
            | "vol."
            | "vol"
            | "no."
            | "issue"
            | "band"
            | "bände"
            | "bd."
            | "nr."
            | "jaargang"
            | "jahrgang"
            | "jg."
            | "deel"
            | "tome"
    );
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !marker || digits == 0 {
        return seg;
    }
    // "Vol. 4(3)": the issue in parentheses after the volume; "Bände
    // 5–7": a range of volumes.
    let mut after = &rest[digits..];
    if let Some(to) = after.strip_prefix('–').or_else(|| after.strip_prefix('-')) {
        let more = to.bytes().take_while(u8::is_ascii_digit).count();
        if more > 0 {
            after = &to[more..];
        }
    }
    if let Some(close) = after.strip_prefix('(').and_then(|a| a.find(')')) {
        if after[1..=close].bytes().all(|b| b.is_ascii_digit()) {
            after = &after[close + 2..];
        }
    }
    // "Volume 6. No. 1. Winter": each number in turn.
    strip_volume(after.trim_start_matches([',', '.', ' ']))
}

/// Where `rest` opens with a quotation from its source rather than the
/// source's title: quoted, at least 20 words ending with a sentence's
/// stop, and the source named after it. A title is rarely so long, and
/// never a run of sentences.
///
/// A quotation often quotes in turn ("… the terms \"anarchist\" and
/// \"libertarian\" have become interchangeable.\""), so it ends at the
/// first closing quote after a stop with the quotes inside it paired;
/// where none is, at the first after a stop (the writer ran an inner
/// quote's close into the outer one: "… compared it to \"riding on the
/// wind.\"").
pub(super) fn leading_quotation(rest: &str) -> Option<std::ops::Range<usize>> {
    let lead = rest.len() - rest.trim_start_matches([' ', '¦']).len();
    let s = &rest[lead..];
    let (quotes, closes): (&[char], &[char]) = match s.chars().next()? {
        '"' => (&['"'], &['"']),
        '“' => (&['“', '”'], &['”']),
        _ => return None,
    };
    let mut inner_quotes = 0usize;
    let (mut prev, mut prev_raw) = (' ', ' ');
    let mut first_close = None;
    let mut close = None;
    let mut chars = s.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if quotes.contains(&c) {
            let after = chars.peek().map(|&(_, n)| n);
            // "… until the union with Ireland in 1801\". ''United States
            // …''": the stop outside the quotes.
            let rest_after = &s[i + c.len_utf8()..];
            // (Or before the source's own quoted title: "… First Known
            // Use: 1539\" \"Anarchy\" at Merriam Webster".)
            let stop_outside = rest_after.starts_with(". ")
                || rest_after.starts_with(", ")
                || rest_after.starts_with(" \"")
                || rest_after.starts_with(" “");
            let ends = closes.contains(&c)
                && (stop_outside
                // (After a quote's own close: "… the label “socialism.”\".")
                || matches!(prev, '.' | '!' | '?' | '…' | '”' | '’')
                // (A link rendered straight after it: "…capitalism).\"Saul
                // Newman, …".)
                && after.is_none_or(|n| {
                    n.is_whitespace()
                        || matches!(n, '[' | '(' | '"' | '.' | ',' | ';')
                        || n.is_uppercase() && matches!(prev_raw, '.' | '!' | '?' | '…' | ')')
                }));
            if ends {
                first_close.get_or_insert(i);
                if inner_quotes % 2 == 0 {
                    close = Some(i);
                    break;
                }
            }
            inner_quotes += 1;
        }
        // "… of life. \" [url …]": a space may stand before the close.
        if !c.is_whitespace() {
            prev = c;
        }
        prev_raw = c;
    }
    let close = close.or(first_close)?;
    let end = close + s[close..].chars().next()?.len_utf8();
    let inner = &s[s.chars().next()?.len_utf8()..close];
    let words = inner.split_whitespace().count();
    let after = s[end..].trim_matches(|c: char| !c.is_alphanumeric());
    let source_after = after.split_whitespace().count() >= 2;
    // A shorter quotation still, where the source's own title is quoted
    // after it.
    let titled_after = s[end..].contains(['"', '“']);
    let long = words >= 20 || words >= 8 && titled_after;
    (long && source_after).then(|| lead..lead + end)
}

/// "2nd Edition", "2nd ed.)", "third edition": an edition note, as it
/// stands in parentheses after a name.
fn paren_edition(note: &str) -> bool {
    let note = note.trim_end_matches([')', ',', ' ']);
    // "(UK version)", "(online version)": which of its versions; "(and
    // earlier editions and printings)".
    let words = note.split_whitespace().count();
    if (2..=3).contains(&words) && note.split_whitespace().last() == Some("version") {
        return true;
    }
    if (2..=6).contains(&words)
        && note
            .split_whitespace()
            .any(|w| matches!(w, "editions" | "printings" | "reprints"))
    {
        return true;
    }
    let mut words = note.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(first), Some(second), None) => is_edition(first, second),
        _ => false,
    }
}

/// A name, then a volume or issue mark: "Willful Disobedience Vol. 2, No.
/// 12" is ("Willful Disobedience", "Vol. 2, No. 12").
fn volume_after(s: &str) -> Option<(&str, &str)> {
    // The first number mark with a number after it, past the name's start.
    let at = s.match_indices(' ').map(|(i, _)| i + 1).find(|&i| {
        let mut words = s[i..].split_whitespace();
        let (mark, n) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        crate::lexicon::in_list(citations::NUMBER_MARKS, mark)
            && n.starts_with(|c: char| c.is_ascii_digit())
    })?;
    let name = s[..at].trim_end_matches([',', ' ']);
    (!name.is_empty()).then_some((name, &s[at..]))
}

/// "rev. Roger T. Stearn, Oxford Dictionary …" → "Oxford Dictionary …":
/// a reviser's or translator's name (up to the first comma) is no field
/// here; `None` where `seg` does not open with such a mark, `Some("")`
/// where the name is all it holds.
fn without_contributor(seg: &str) -> Option<&str> {
    let rest = citations::CONTRIBUTOR_MARKS
        .iter()
        .find_map(|m| seg.strip_prefix(m))?;
    // The name ends at a comma, or where the imprint opens in parentheses
    // ("ed. H. Cohen (New York: Vanguard Press").
    let end = [
        rest.find(", ").map(|i| i + 2),
        rest.find(" (").map(|i| i + 2),
    ]
    .into_iter()
    .flatten()
    .min();
    Some(end.map_or("", |e| rest[e..].trim().trim_end_matches(')')))
}

/// "Burlington, VT", "Cambridge, MA": a town (one to three capitalised
/// words) and the two-capital code of its state or province, which is a
/// place of publication and never a publisher.
fn town_and_state(seg: &str) -> bool {
    let Some((town, state)) = seg.rsplit_once(", ") else {
        return false;
    };
    let words = town.split_whitespace().count();
    state.len() == 2
        && state.bytes().all(|b| b.is_ascii_uppercase())
        && (1..=3).contains(&words)
        && town
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
}

/// A run of prose: ten words or more, three in five of them lowercase
/// ("An overview, updating Woodcock's classic, and illustrated throughout
/// …"). Names of works and publishers are capitalised, and an imprint
/// ("''Bakunin on Anarchy'', translated and edited by Sam Dolgoff") is
/// shorter.
fn annotation(seg: &str) -> bool {
    let words: Vec<&str> = seg.split_whitespace().collect();
    let lower = words
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    words.len() >= 10 && lower * 5 >= words.len() * 3
}

/// "Gerrit Olivier in Netwerk24 op 29 November 2015: http://…" (the URL
/// already cut): a writer, "in" the work, "on" a date (Afrikaans "op",
/// German "am", French "le"), then the address and nothing else.
fn byline_label(rest: &str) -> Option<(&str, &str, temporal::DateVal)> {
    let (label, after) = rest.trim().split_once(": ")?;
    if !after.trim_matches([' ', '¦', '.']).is_empty() {
        return None;
    }
    let (name, tail) = label.split_once(" in ")?;
    let (work, date) = citations::DATED_ON
        .iter()
        .find_map(|k| tail.split_once(&format!(" {k} ")))?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let person =
        (2..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase));
    let date = temporal::parse_date(date).or_else(|| foreign_date(date))?;
    (person && !work.trim().is_empty()).then_some((name.trim(), work.trim(), date))
}

/// "Commercial Appeal: http://…": a site's name before its address, all
/// the entry holds (the URL already cut from `rest`). The name is the
/// work the page is part of; the page's own title is not given.
fn site_label(rest: &str) -> Option<&str> {
    let (name, after) = rest.trim().split_once(':')?;
    let name = name.trim();
    let words = name.split_whitespace().count();
    let only_url = after.trim_matches([' ', '¦', '.']).is_empty();
    (only_url && (1..=5).contains(&words) && name.starts_with(char::is_uppercase)).then_some(name)
}

/// `s` without the part of a book named at its end ("Edwards, Stewart.
/// Introduction to "): what stands before it are the part's writers.
pub(super) fn without_book_part(s: &str) -> &str {
    let t = s.trim_end();
    citations::BOOK_PARTS
        .iter()
        .find_map(|p| {
            let cut = t.len().checked_sub(p.len())?;
            let tail = t.get(cut..)?;
            let word_start = t[..cut].ends_with(' ') || cut == 0;
            (word_start && tail.eq_ignore_ascii_case(p)).then(|| &t[..cut])
        })
        .unwrap_or(s)
}

/// A segment naming an issue's season ("Winter 2011", "Spring"): `Some`
/// with the year, if it has one.
fn issue_season(seg: &str) -> Option<Option<&str>> {
    let mut words = seg.split_whitespace();
    let season = words.next()?.to_lowercase();
    // ("Fall–Winter": an issue of two seasons.)
    let is_season = |s: &str| {
        crate::lexicon::calendar::SEASONS.contains(&s) || citations::FOREIGN_SEASONS.contains(&s)
    };
    if !season.split(['–', '-', '/']).all(is_season) {
        return None;
    }
    let year = words.next();
    let is_year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    (words.next().is_none() && year.is_none_or(is_year)).then_some(year)
}

/// A year that closes an author list ("Sochen, June. 1972."): the names
/// before it and the year.
pub(super) fn trailing_year(authors: &str) -> Option<(&str, temporal::DateVal)> {
    let t = authors.trim_end_matches([' ', '.', ',']);
    let (names, year) = t.rsplit_once(' ')?;
    let separated = names.ends_with(['.', ',']);
    if !separated || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((names, temporal::parse_date(year)?))
}

/// Can [`PAGES`] match in `s`: is there a "p." or "pp" or "page" or "p 1"
/// or "pg.", in any case, or the German "S."?
pub(super) fn has_page_marker(s: &str) -> bool {
    // The Arabic "ص36" (صفحة, page).
    if s.contains('ص') {
        return true;
    }
    // The Norwegian and Danish "side 12", "sider 3–5".
    let scandinavian = ["side ", "sider "].iter().any(|m| {
        s.match_indices(m).any(|(i, _)| {
            (i == 0 || s[..i].ends_with(' '))
                && s[i + m.len()..].starts_with(|c: char| c.is_ascii_digit())
        })
    });
    if scandinavian {
        return true;
    }
    let b = s.as_bytes();
    b.windows(2).enumerate().any(|(i, w)| {
        // The German "S. 12", not the end of "U.S.".
        (w == b"S."
            && (i == 0 || b[i - 1] == b' ')
            && b.get(i + 2..i + 4)
                .is_some_and(|n| n[0] == b' ' && n[1].is_ascii_digit()))
            || w[0].eq_ignore_ascii_case(&b'p')
                && (w[1] == b'.'
                    || w[1].eq_ignore_ascii_case(&b'p')
                    || (w[1] == b' ' && b.get(i + 2).is_some_and(u8::is_ascii_digit))
                    || (w[1] == b'g' && matches!(b.get(i + 2), Some(b'.' | b's')))
                    // The Italian "pag. 179", the Spanish "pág. 12".
                    || b.get(i..i + 4).is_some_and(|p| p.eq_ignore_ascii_case(b"pag."))
                    || b.get(i..i + 5).is_some_and(|p| p.eq_ignore_ascii_case("pág".as_bytes()))
                    || b.get(i..i + 4)
                        .is_some_and(|p| p.eq_ignore_ascii_case(b"page")))
    })
}

/// A date as citations write it: "2019", "2019a" (a second work of the
/// year), "12 May 2024", or APA's "2019, May 3".
pub(super) fn citation_date(s: &str) -> Option<temporal::DateVal> {
    let s = s.trim();
    // A weekday before the date, as newspapers print it: "Wed March 10,
    // 2010", "Monday, 3 May 2010".
    let s = s
        .split_once([' ', ','])
        .filter(|(w, _)| {
            let w = w.trim_end_matches('.').to_lowercase();
            w.len() >= 3
                && crate::lexicon::calendar::WEEKDAYS
                    .iter()
                    .any(|d| d.starts_with(w.as_str()))
        })
        .map_or(s, |(_, rest)| rest.trim_start_matches([',', ' ']));
    // An ISO date without its zeros ("Retrieved 2015-3-4").
    let parts: Vec<&str> = s.split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
        };
        if digits(y, 4..=4)
            && digits(m, 1..=2)
            && digits(d, 1..=2)
            && (m.len() == 1 || d.len() == 1)
        {
            return temporal::parse_date(&format!("{y}-{m:0>2}-{d:0>2}"));
        }
    }
    // ISO year-month, which prose does not use but citation templates do.
    if let Some((y, m)) = s.split_once('-') {
        if y.len() == 4 && m.len() == 2 && y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            let month: u8 = m.parse().ok()?;
            return (1..=12).contains(&month).then(|| temporal::DateVal {
                year: y.parse().ok(),
                month: Some(month),
                day: None,
                precision: crate::model::Precision::Month,
            });
        }
    }
    if let Some((year, rest)) = s.split_once(',') {
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(d) = temporal::parse_date(&format!("{} {year}", rest.trim())) {
                return Some(d);
            }
        }
    }
    temporal::parse_date(s.trim_end_matches(char::is_alphabetic)).or_else(|| foreign_date(s))
}

/// A date as references in other languages write it: "4. November 2015"
/// (German, "abgerufen am …"), "31 Januarie 2010", "März 1944", "1er
/// août 2019": the month named in English, the day's full stop dropped,
/// then read as any date. Prose takes such month names only in whole
/// dates; a reference's date field may be a month and a year.
fn foreign_date(s: &str) -> Option<temporal::DateVal> {
    use crate::lexicon::{calendar, lookup};
    // (Tried on the text after every separator: bounded, as `parse_date` is.)
    if s.len() > temporal::MAX_DATE_TEXT || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut changed = false;
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| {
            let bare = w.trim_end_matches(['.', ',']);
            // "27.10.2015": day, month and year, as most of Europe writes them.
            if let Some(date) = dotted_date(bare) {
                changed = true;
                return date;
            }
            if let Some(name) = lookup(calendar::FOREIGN_MONTHS, bare)
                .or_else(|| lookup(calendar::FOREIGN_MONTHS, &bare.to_lowercase()))
                .and_then(calendar::month_name)
            {
                changed = true;
                return name.to_string();
            }
            // "4." and "1er": a day.
            let day = bare.strip_suffix("er").unwrap_or(bare);
            if !day.is_empty()
                && day.len() <= 2
                && day.bytes().all(|b| b.is_ascii_digit())
                && day != w
            {
                changed = true;
                return day.to_string();
            }
            w.to_string()
        })
        .collect();
    changed
        .then(|| temporal::parse_date(&words.join(" ")))
        .flatten()
}

/// "27.10.2015" as "27 October 2015": a day, a month and a year with dots
/// between, the month a number (read day first, as everywhere that
/// writes dates so).
fn dotted_date(w: &str) -> Option<String> {
    let mut parts = w.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(d, 1..=2) || !digits(m, 1..=2) || !digits(y, 4..=4) {
        return None;
    }
    let month = crate::lexicon::calendar::month_name(m.parse().ok()?)?;
    Some(format!("{d} {month} {y}"))
}

/// A day's date at the start or the end of a segment, and the rest of it
/// (the name it stood beside): "ct 27.10.2015", "9. Juni 2012
/// qconline.com". Days only: a year or a month at a segment's edge is as
/// likely part of a name ("2012 Olympics").
fn edge_date(seg: &str) -> Option<(temporal::DateVal, String)> {
    let words: Vec<&str> = seg.split_whitespace().collect();
    let day = |w: &[&str]| {
        // "no. 3, Augustus 1994": an issue's number, then its month.
        if w.first().is_some_and(|f| f.ends_with(',')) {
            return None;
        }
        let s = w.join(" ");
        temporal::parse_date(&s)
            .or_else(|| foreign_date(&s))
            .filter(|d| d.precision == model::Precision::Day)
    };
    // Longest first: "9. Juni 2012" before "2012".
    for k in (1..=words.len().saturating_sub(1).min(3)).rev() {
        let (head, tail) = words.split_at(words.len() - k);
        let name = |w: &[&str]| w.join(" ").trim_matches([',', ';', ' ']).to_string();
        // "Vol. 2. No. 3 May 1907": the number is the issue's, not a day.
        let numbered = head
            .last()
            .is_some_and(|w| crate::lexicon::in_list(citations::NUMBER_MARKS, w));
        if let Some(d) = day(tail).filter(|_| !numbered) {
            return Some((d, name(head)));
        }
        let (head, tail) = words.split_at(k);
        if let Some(d) = day(head) {
            return Some((d, name(tail)));
        }
    }
    None
}

/// Drops the back-link marks of references copied from a rendered page:
/// "^", "↑", and the "a b c" letters of a reference cited several times.
pub(super) fn strip_backlinks(entry: &str) -> &str {
    let mut s = entry.trim_start();
    let Some(rest) = s.strip_prefix('^').or_else(|| s.strip_prefix('↑')) else {
        return s;
    };
    s = rest.trim_start();
    // "a b c": single lowercase letters, each followed by a space.
    while let [b, b' ', ..] = s.as_bytes() {
        if !b.is_ascii_lowercase() {
            break;
        }
        s = &s[2..];
    }
    s.trim_start()
}

/// Drops punctuation that ends a sentence rather than a URL or DOI.
pub(super) fn trim_tail(s: &str) -> &str {
    s.trim_end_matches(['.', ',', ';', ')', ']', '\''])
}

/// Byte offset of the first ". " that is not after an initial.
pub(super) fn first_segment_end(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find(". ").map(|i| i + from) {
        let before = s[..i].rsplit([' ', ',', '.']).next().unwrap_or("");
        // "Keller-Weber, St. Petersburg Open", "Resolutions, Vol. 1": no
        // writer ends at an abbreviation's stop ("Ed" aside, a given name
        // too: "Miliband, Ed.").
        let abbreviation = citations::ABBREVIATIONS.contains(&before) && before != "Ed";
        if (before.chars().count() > 1 || before.is_empty()) && !abbreviation {
            return Some(i + 1);
        }
        // "Everhart, Robert B. The Public School Monopoly": a given name's
        // initial ends the names where a word, not another initial,
        // follows.
        let next = s[i + 2..].split_whitespace().next().unwrap_or("");
        let initial = before.chars().count() == 1 && before.chars().all(char::is_uppercase);
        let another = next.trim_end_matches('.').chars().count() == 1 || next.ends_with('.');
        // (Only "Surname, Given B.": not "… Skinner, basierend auf … von Leo
        // A. Codd".)
        let surname_given = s[..i].split_once(", ").is_some_and(|(last, given)| {
            (1..=2).contains(&last.split_whitespace().count())
                && (1..=3).contains(&given.split_whitespace().count())
                && !given.contains(|c: char| c.is_ascii_digit())
        });
        if initial && surname_given && next.starts_with(char::is_uppercase) && !another {
            return Some(i + 1);
        }
        from = i + 2;
    }
    None
}

/// Does this read as a list of personal or organisation names?
pub(super) fn looks_like_names(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.len() <= 160
        && !s.chars().any(|c| c.is_ascii_digit())
        && (s.contains(',') || s.split_whitespace().count() <= 4)
}

/// Splits what follows the title into segments at ". ", `¦` marks and
/// sentence-like breaks, dropping empty ones.
pub(super) fn split_segments(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in s.split('¦') {
        let mut start = 0;
        let chunk = chunk.trim();
        let mut from = 0;
        while let Some(i) = chunk[from..].find(". ").map(|i| i + from) {
            let before = chunk[..i].rsplit([' ', '.']).next().unwrap_or("");
            // "[Vol. 4(3)]": an abbreviation inside brackets.
            let before = before.trim_start_matches(['[', '(']);
            // Not inside parentheses: "(… Trigg Minor; pt. 2.)" is one note.
            let depth = paren_depth(&chunk[start..i]);
            // (A closing bracket or quote is no initial: "…). Blackwell".)
            let initial = before.chars().count() == 1 && before.chars().all(char::is_alphanumeric);
            // "vom 29. November 2005": a day's number before its month.
            let day = before.len() <= 2
                && before.bytes().all(|b| b.is_ascii_digit())
                && chunk[i + 2..].split_whitespace().next().is_some_and(|w| {
                    crate::lexicon::calendar::is_month_name(w.trim_end_matches([',', '.']))
                });
            if (before.chars().count() > 1 || !before.is_empty() && !initial)
                && !day
                && depth == 0
                && !citations::ABBREVIATIONS.contains(&before)
            {
                out.push(chunk[start..i].to_string());
                start = i + 2;
            }
            from = i + 2;
        }
        out.push(chunk[start..].to_string());
    }

    let trim = |s: &str| {
        s.trim()
            .trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':') || c.is_whitespace())
            .to_string()
    };
    out.into_iter()
        .map(|s| trim(&s))
        // A parenthesised note opening a segment is a segment of its own:
        // "(Series; pt. 2.) London: Nichols & Sons".
        .flat_map(|seg| match closing_paren(&seg) {
            Some(end) if seg.starts_with('(') && !trim(&seg[end + 1..]).is_empty() => {
                vec![seg[..=end].to_string(), trim(&seg[end + 1..])]
            }
            _ => vec![seg],
        })
        // Volume and issue numbers ("14 (2):") are not a work or publisher;
        // a year alone ("''The Bazooka.'' 2012, S. 29") is the date.
        .filter(|s| s.chars().any(char::is_alphabetic) || temporal::parse_date(s).is_some())
        .collect()
}

/// The words of `s`, lowercase, without the punctuation around them.
fn lower_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    })
}

/// A publisher's name: a few capitalised words, one of them a word
/// publishers' names hold ("Oxford University Press", "Penguin Books").
pub(super) fn is_publisher(s: &str) -> bool {
    (1..=6).contains(&s.split_whitespace().count())
        && s.trim_start().starts_with(char::is_uppercase)
        && (lower_words(s).any(|w| {
            // "Tafelberg-Uitgewers": each part of a joined name.
            w.split('-')
                .any(|p| citations::PUBLISHER_WORDS.contains(&p))
        }) || publishing_house(s))
}

/// "Routledge", "Palgrave Macmillan", "Tafelberg-Uitgewers Beperk": a
/// name that opens with a publishing house's and is no longer than a
/// company's (not "The Blackwell Encyclopaedia of Political Thought").
fn publishing_house(s: &str) -> bool {
    let Some(first) = lower_words(s).next() else {
        return false;
    };
    s.split_whitespace().count() <= 3
        && (citations::PUBLISHER_NAMES.contains(&first.as_str())
            || first
                .split('-')
                .any(|p| citations::PUBLISHER_NAMES.contains(&p)))
}

/// Whether `s` names an organisation ("University of Liverpool Institute
/// of Irish Studies"): then it and a publisher after it are two
/// publishers, not a work and its publisher.
fn names_organisation(s: &str) -> bool {
    lower_words(s).any(|w| citations::is_org_word(&w))
}

/// Whether `s` is an institution's name, not a periodical's: a few words,
/// capitalised, one of them an institution's word and none a
/// periodical's ("Council of Europe", not "BBC News").
pub(super) fn names_institution(s: &str) -> bool {
    // ("UK Office of Population Censuses and Surveys": eight words.)
    (1..=8).contains(&s.split_whitespace().count())
        && s.starts_with(char::is_uppercase)
        && lower_words(s).any(|w| citations::INSTITUTION_WORDS.contains(&w.as_str()))
        && !lower_words(s).any(|w| citations::PERIODICAL_WORDS.contains(&w.as_str()))
}

/// Whether `s` is a newspaper's or a site's name ("New York Times",
/// "Valley Online"), not a publishing house's: one of its words a
/// periodical's ("Press" aside, which names both).
pub(super) fn names_periodical(s: &str) -> bool {
    (1..=6).contains(&s.split_whitespace().count())
        && s.starts_with(char::is_uppercase)
        && !is_publisher(s)
        && lower_words(s).any(|w| w != "press" && citations::PERIODICAL_WORDS.contains(&w.as_str()))
}

/// How many parentheses `s` leaves open.
fn paren_depth(s: &str) -> usize {
    s.bytes().fold(0usize, |d, b| match b {
        b'(' => d + 1,
        b')' => d.saturating_sub(1),
        _ => d,
    })
}

/// Where the parenthesis that opens `s` closes.
fn closing_paren(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits an author list: `Last, First; Last, First`, `Last, F., & Last,
/// F.`, `Last, First, and First Last`, `Organisation`.
pub fn parse_authors(s: &str) -> Vec<Author> {
    let mut s = s.trim().trim_end_matches([',', ';', ':']).trim();
    // Drop a final full stop, but not the one of an initial ("Wilson, A.").
    if let Some(body) = s.strip_suffix('.') {
        let last = body.rsplit([' ', ',', '.']).next().unwrap_or("");
        if last.chars().count() != 1 {
            s = body;
        }
    }
    // "et al." and the German "u. a." ("und andere"): more authors, unnamed.
    let s = s.trim();
    let s = [" et al", " u. a", " u.a", " u. a.", " u.a."]
        .iter()
        .find_map(|t| s.strip_suffix(t))
        .unwrap_or(s)
        .trim();
    if s.is_empty() {
        return Vec::new();
    }
    // "George Washington University, School of Engineering and Applied
    // Science": an institution and its part, one author, whatever its
    // commas and "and"s.
    if !s.contains(';') && s.split(", ").all(names_institution) {
        return vec![author(s)];
    }
    let mut names: Vec<String> = Vec::new();
    for part in s.split(';') {
        let part = part.trim();
        // "A, and B" / "A and B" / "A & B"
        let pieces: Vec<&str> = part
            .split(" & ")
            .flat_map(|p| p.split(", and "))
            .flat_map(|p| p.split(" and "))
            .collect();
        for p in pieces {
            let p = p.trim().trim_matches(',').trim();
            if p.is_empty() {
                continue;
            }
            // "Smith, J., Doe, A." → pairs of (Last, Initials).
            let commas: Vec<&str> = p.split(", ").collect();
            // "Ted Honderich, Carmen García Trevijano": names written
            // first name first, a comma between them, not "Last, First".
            // A middle initial may stand between ("Thomas B. Allen"); the
            // first and last words are whole names.
            let first_first = commas.len() >= 2
                && commas.iter().all(|n| {
                    let w: Vec<&str> = n.split_whitespace().collect();
                    let whole =
                        |x: &&str| x.chars().count() > 2 && x.starts_with(char::is_uppercase);
                    w.len() >= 2
                        && w.first().is_some_and(whole)
                        && w.last().is_some_and(whole)
                        && w.iter().all(|x| {
                            x.starts_with(char::is_uppercase)
                                || citations::NAME_PARTICLES.contains(x)
                        })
                });
            if first_first {
                names.extend(commas.iter().map(|n| n.to_string()));
            } else if commas.len() >= 4 && commas.len() % 2 == 0 {
                for pair in commas.chunks(2) {
                    names.push(format!("{}, {}", pair[0], pair[1]));
                }
            } else {
                names.push(p.to_string());
            }
        }
    }
    // A stray quotation mark or dash is no one.
    names.retain(|n| n.chars().any(char::is_alphabetic));
    // Mapped from a slice, the list is sized exactly: collected through a
    // filter it had room for four authors, kept with every citation.
    names.iter().map(|n| author(n)).collect()
}

/// The names at the end of an author part, after the words that are not
/// names: "Discussion, photo and bibliography in Okasha, Elisabeth" is
/// by "Okasha, Elisabeth"; a clause ("Benjamin Tucker defined anarchism
/// as follows") names no one. A name's own lowercase words (particles,
/// "ed.") stay.
pub(super) fn names_tail(s: &str) -> &str {
    let mut cut = 0;
    let mut at = 0;
    for w in s.split_inclusive(char::is_whitespace) {
        // "… the same as the third.--Langdon, A. G.": a dash ends the
        // prose before the names.
        let dash = w
            .rfind("--")
            .map(|i| i + 2)
            .or_else(|| w.rfind('—').map(|i| i + '—'.len_utf8()));
        if let Some(d) = dash {
            cut = at + d;
        }
        let w_from = dash.unwrap_or(0);
        let (at_word, w) = (at + w_from, &w[w_from..]);
        let word = w
            .trim()
            .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')'));
        let particle = |p: &str| citations::NAME_PARTICLES.contains(&p);
        let lower = word.starts_with(char::is_lowercase)
            && !particle(word)
            && !word.split_once('-').is_some_and(|(p, _)| particle(p));
        at = at_word + w.len();
        if lower {
            cut = at;
        }
    }
    &s[cut..]
}

/// A name without the role written after it: "Charles W. Johnson (eds)",
/// "Tourain, Alain (Eds.).", "Graham, Robert, ed." are the names alone.
fn without_role(name: &str) -> &str {
    let role = |w: &str| {
        let w = w.trim().replace('.', "").to_lowercase();
        citations::NAME_ROLES.contains(&w.as_str())
    };
    // The full stop after "(Eds.)" ends the role, not an initial.
    let t = name.trim_end();
    let bare = t.trim_end_matches('.');
    if let Some(open) = bare.strip_suffix(')').and_then(|n| n.rfind('(')) {
        if role(&bare[open + 1..bare.len() - 1]) {
            return bare[..open].trim_end().trim_end_matches(',');
        }
    }
    match t.rsplit_once(", ") {
        Some((head, last)) if role(last) => head,
        _ => name,
    }
}

/// One author name, split into last and first where it is a person.
pub fn author(name: &str) -> Author {
    let name = name.trim().trim_end_matches(',').trim();
    let name = without_role(name);
    let lower = name.to_lowercase();
    let is_org = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(citations::is_org_word)
        || (name.len() > 1 && name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
        || name.split_whitespace().count() > 4;
    if is_org {
        return Author {
            name: name.to_string(),
            last: None,
            first: None,
        };
    }
    if let Some((last, first)) = name.split_once(',') {
        return Author {
            name: name.to_string(),
            last: Some(last.trim().to_string()),
            first: Some(first.trim().to_string()).filter(|f| !f.is_empty()),
        };
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => Author {
            name: String::new(),
            last: None,
            first: None,
        },
        [one] => Author {
            name: name.to_string(),
            last: Some(one.to_string()),
            first: None,
        },
        [init @ .., last] => Author {
            name: name.to_string(),
            last: Some(last.to_string()),
            first: Some(init.join(" ")),
        },
    }
}
