//! Refs written by hand, without a template: the title and URL their
//! marks show, then the entry parser for the rest.

use super::entry::*;
use crate::document::{Mark, MarkKind, Text};
use crate::lexicon::citations;
use crate::model::Citation;
use crate::temporal;
use crate::text::one_line;

/// A hand-written ref usually opens with `[url Title]`: the link's mark
/// gives the URL, and its text is the title (what follows it, up to a
/// comma, the work).
pub(super) fn use_external_link(c: &mut Citation, text: &Text<'_>, src: &str) {
    let Some((url, shown)) = text.marks.iter().find_map(|m| match m.kind {
        MarkKind::ExternalLink { url } => Some((url, &text.as_str()[m.range.clone()])),
        _ => None,
    }) else {
        return;
    };
    // The link's URL is the source's; a bare address in the text
    // ("''www.bgs.ac.uk''. Retrieved …") names the site, its work.
    let link_url = &src[url];
    match c.url.take() {
        Some(bare) if !bare.contains("://") && bare != link_url && !link_url.is_empty() => {
            if c.work.is_none() {
                c.work = Some(bare);
            }
            c.url = Some(link_url.to_string());
        }
        Some(found) => c.url = Some(found),
        None => c.url = Some(link_url.to_string()),
    }
    let shown = one_line(&unquote(shown));
    // "[url] Huelva Información": a link without text, then a name alone,
    // the site's or paper's. Its piece's title is not given.
    let name_alone = c.title.as_deref().is_some_and(|t| {
        let words = t.split_whitespace().count();
        (1..=4).contains(&words)
            && t.split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
    });
    if shown.is_empty()
        && name_alone
        && c.authors.is_empty()
        && c.date.is_none()
        && c.work.is_none()
    {
        c.work = c.title.take();
        return;
    }
    // "[url] Toronto Star (Wed March 10, 2010)": the paper's name, read
    // as its author for the date after it.
    if shown.is_empty() && c.title.is_none() && c.work.is_none() {
        if let [only] = c.authors.as_slice() {
            let paper = only.name.split_whitespace().count() <= 4
                && only
                    .name
                    .split_whitespace()
                    .any(|w| citations::PERIODICAL_WORDS.contains(&w.to_lowercase().as_str()));
            if paper {
                c.work = Some(only.name.clone());
                c.authors.clear();
                return;
            }
        }
    }
    let Some(title) = c.title.take() else {
        c.title = (!shown.is_empty()).then_some(shown);
        return;
    };
    // "[url Circulation Report] for January to December 2010": the
    // entry's title goes on past the link's text.
    let goes_on = |rest: &str| {
        rest.strip_prefix(' ').is_some_and(|r| {
            let first = r.split_whitespace().next().unwrap_or("");
            citations::TITLE_CONTINUATIONS.contains(&first)
        })
    };
    match title.strip_prefix(shown.as_str()) {
        Some(rest) if !shown.is_empty() && goes_on(rest) => c.title = Some(title),
        Some(rest) if !shown.is_empty() => {
            let rest = rest
                .trim_start_matches([',', '.', ' ', '–', '—', '-'])
                .trim();
            // "[url Population Trends], 1994, UK Office of Population
            // Censuses": the year, then who published it.
            let dated = rest.split_once(", ").and_then(|(year, who)| {
                let d = temporal::parse_date(year).filter(|_| year.len() == 4)?;
                Some((d, who.trim_end_matches('.').trim()))
            });
            if let Some(d) = temporal::parse_date(rest) {
                // "[url Title] 22 September 2008": a date, not a work.
                c.date.get_or_insert_with(|| d.iso());
            } else if let Some((d, who)) = dated.filter(|_| c.work.is_none()) {
                c.date.get_or_insert_with(|| d.iso());
                if names_institution(who) || is_publisher(who) {
                    c.publisher.get_or_insert_with(|| who.to_string());
                } else {
                    c.work = Some(who.to_string());
                }
            } else if c.work.is_none() && !rest.is_empty() {
                // "[url \"Taoism\" at the Stanford Encyclopedia …]".
                let rest = citations::CONNECTORS
                    .iter()
                    .find_map(|k| rest.strip_prefix(k)?.strip_prefix(' '))
                    .unwrap_or(rest);
                c.work = Some(rest.to_string());
            }
            c.title = Some(shown);
        }
        _ => c.title = Some(title),
    }
}

/// What follows "and" and a second link's text ("and Ireland: The
/// Reformation Period, Encyclopædia Britannica Online" →
/// "Encyclopædia Britannica Online"), where `rest` opens so.
fn second_link<'r>(text: &Text<'_>, rest: &'r str) -> Option<&'r str> {
    let after_and = rest.strip_prefix("and ")?;
    let second = text
        .marks
        .iter()
        .filter(|m| matches!(m.kind, MarkKind::ExternalLink { .. }))
        .nth(1)?;
    let shown = text.as_str()[second.range.clone()].trim();
    let after = after_and.strip_prefix(shown)?;
    Some(after.trim_start_matches([',', ' ']))
}

/// A citation written by hand, not with a template: its rendered text
/// parsed as a bibliography entry, with the title its marks show and the
/// URL of its external link.
pub(super) fn hand_written(text: &Text<'_>, src: &str) -> Citation {
    if let Some(c) = entry_in_link(text, src) {
        return c;
    }
    let (entry, mark, marked) = mark_title(text);
    // "<ref>\n* Ward, Colin. …\n* Goodway, David. …</ref>": several
    // sources listed in one ref; its fields are the first one's (`raw`
    // keeps them all).
    let entry = match entry.trim_start().strip_prefix("* ") {
        Some(first) => first
            .split(" * ")
            .next()
            .unwrap_or(first)
            .trim()
            .to_string(),
        None => entry,
    };
    let mut c = parse_entry(&entry);
    // "[[Bettina Wyngaard]] LitNet: http://…": a linked writer, then the
    // site.
    if let (Some(work), None, true) = (c.work.clone(), &c.title, c.authors.is_empty()) {
        let writer = text.marks.iter().find(|m| {
            matches!(m.kind, MarkKind::Link { .. })
                && text.as_str()[..m.range.start].trim().is_empty()
        });
        if let Some(m) = writer {
            let name = text.as_str()[m.range.clone()].trim();
            let words = name.split_whitespace().count();
            if let Some(site) = work.strip_prefix(name).and_then(|r| r.strip_prefix(' ')) {
                if (2..=4).contains(&words) && !site.trim().is_empty() {
                    c.authors = parse_authors(name);
                    c.work = Some(site.trim().to_string());
                }
            }
        }
    }
    // "[url A] and [url B], Encyclopædia Britannica Online": the second
    // link's text is a second title, not the work.
    if let Some(w) = c.work.as_deref().and_then(|w| second_link(text, w)) {
        c.work = (!w.is_empty()).then(|| w.trim_end_matches('.').to_string());
    }
    // The title as written, where its inner quotes were made single.
    if let Some(t) = marked.filter(|t| c.title.as_ref() == Some(&single_quoted(t))) {
        c.title = Some(t);
    }
    // A link's text: the site a source was found on.
    let linked = |w: &str| {
        text.marks.iter().any(|m| {
            matches!(m.kind, MarkKind::ExternalLink { .. })
                && text.as_str()[m.range.clone()].trim().starts_with(w)
        })
    };
    if mark == Some(TitleMark::Italic) && c.place.is_some() {
        // A book with its "Place: Publisher": what is left after them is
        // a note ("Reissued 1988"), not a journal; `raw` keeps it. A
        // link's text there is the site it was found on.
        if !c.work.as_deref().is_some_and(linked) {
            c.work = None;
        }
    } else if mark == Some(TitleMark::Italic)
        && c.work.is_some()
        && c.title.is_some()
        && !entry.contains(" In: ")
        // ("''So the Torah Is a Parenting Guide?'' New York Times": a
        // headline in italics, then its paper.)
        && !c.work.as_deref().is_some_and(names_periodical)
        // (Nor a dictionary's "''Anarchism'' entry", its title.)
        && !c
            .title
            .as_deref()
            .is_some_and(|t| entry.contains(&format!("{t} entry")))
        && !c
            .publisher
            .as_deref()
            .is_some_and(|p| names_institution(p) || is_publisher(p))
    {
        // After a book's title comes its publisher
        // ("''Storming the Barricades'', Gambit Publications"), where after
        // an article's comes its journal; what follows the publisher is
        // where the book was found. A "Place: Publisher" already read
        // stands, and so does the book a chapter is "In: …", and an
        // institution or a publisher's name read as the publisher already.
        std::mem::swap(&mut c.publisher, &mut c.work);
    } else if mark == Some(TitleMark::Italic)
        && c.publisher.is_some()
        && c.place.is_none()
        && !entry.contains(" In: ")
    {
        // "''Anarchism and Education''. Routledge. New York. 2006.": a
        // word or two after a book's publisher is where it was published.
        // (Not a link's text, "[url Google Print, p. 166]": a site.)
        if c.work.as_deref().is_some_and(|w| {
            let words = w.split_whitespace().count();
            (1..=2).contains(&words) && w.starts_with(char::is_uppercase) && !linked(w)
        }) {
            c.place = c.work.take();
        }
    }
    // "\"Plan town of 45,000\", Paul L. Fox, ''Toronto Star''": the
    // writer's name before the italic work.
    if let Some((names, work)) = c.work.as_deref().and_then(|w| w.rsplit_once(", ")) {
        let italic = text.marks.iter().any(|m| {
            m.kind == MarkKind::Italic && one_line(&text.as_str()[m.range.clone()]).trim() == work
        });
        let person = (2..=4).contains(&names.split_whitespace().count())
            && names
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
            && !names.contains(char::is_numeric)
            && !names_institution(names);
        if italic && person && c.authors.is_empty() {
            c.authors = parse_authors(names);
            c.work = Some(work.to_string());
        }
    }
    site_before_colon(&mut c, &entry);
    linked_writer_last(&mut c, text);
    use_external_link(&mut c, text, src);
    work_by_writer(&mut c);
    title_by_author(&mut c);
    book_of_chapter(&mut c, text);
    // A quotation mark left alone at a field's end by a quote that
    // closed elsewhere ("… Writings of Josiah Warren\"", "Graham, Robert
    // '") is no part of it.
    let stray = |v: &str| {
        let t = v.trim_end();
        let t = match t.chars().last()? {
            // Straight double quotes pair up; a single one is stray only
            // where it is the only one (it may close 'Great Britain').
            '"' if t.matches('"').count() % 2 == 1 => &t[..t.len() - 1],
            '”' if t.matches('“').count() < t.matches('”').count() => {
                &t[..t.len() - '”'.len_utf8()]
            }
            '\'' if t.matches('\'').count() == 1 => &t[..t.len() - 1],
            _ => return None,
        };
        Some(t.trim_end().to_string())
    };
    if let Some(t) = c.title.as_deref().and_then(stray) {
        c.title = Some(t);
    }
    for a in &mut c.authors {
        if let Some(n) = stray(&a.name) {
            a.name = n;
        }
    }
    // "Verlag Sterling Publishing Company": the German "publisher" before
    // the publisher's name (read as a publisher's word until here).
    if let Some(name) = c
        .publisher
        .as_deref()
        .and_then(|p| p.strip_prefix("Verlag "))
    {
        if name.starts_with(char::is_uppercase) {
            c.publisher = Some(name.to_string());
        }
    }
    // A field the rules left empty is no field.
    for f in [
        &mut c.title,
        &mut c.work,
        &mut c.publisher,
        &mut c.place,
        &mut c.pages,
    ] {
        if f.as_deref().is_some_and(|v| v.trim().is_empty()) {
            *f = None;
        }
    }
    c
}

/// A ref that is one external link whose text is a whole entry, its
/// parts between commas: "Scott Breedlove, Meet The Eastern District Of
/// Texas' New Magistrate Judge, Law360" (writer, headline, site) and
/// "Baylor Law School News, Nicole Mitchell (JD '06) appointed …" (site,
/// headline). `None` where the text is anything else, a title with
/// commas in it among them.
fn entry_in_link(text: &Text<'_>, src: &str) -> Option<Citation> {
    let rendered = text.as_str();
    let mut links = text
        .marks
        .iter()
        .filter(|m| matches!(m.kind, MarkKind::ExternalLink { .. }));
    let (m, None) = (links.next()?, links.next()) else {
        return None;
    };
    let MarkKind::ExternalLink { url } = &m.kind else {
        return None;
    };
    let outside = format!("{}{}", &rendered[..m.range.start], &rendered[m.range.end..]);
    if !trim_to_words(&outside).is_empty() {
        return None;
    }
    let shown = one_line(&rendered[m.range.clone()]);
    let mut parts: Vec<&str> = shown.trim().trim_end_matches('.').split(", ").collect();
    // "…, ''New York Times'', September 26, 1999": the date last.
    let mut date = None;
    for k in [2, 1] {
        if parts.len() > k + 1 {
            if let Some(d) = temporal::parse_date(&parts[parts.len() - k..].join(", ")) {
                date = Some(d.iso());
                parts.truncate(parts.len() - k);
                break;
            }
        }
    }
    let lower = |w: &str| w.to_lowercase();
    let periodical = |p: &str| {
        p.split_whitespace()
            .any(|w| citations::PERIODICAL_WORDS.contains(&lower(w).as_str()))
    };
    // A writer: two or three capitalised words, none a periodical's or an
    // organisation's.
    let person = |p: &str| {
        (2..=3).contains(&p.split_whitespace().count())
            && p.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                    && !citations::is_org_word(&lower(w))
            })
            && !periodical(p)
            && !names_institution(p)
    };
    // A site: a periodical's name, or one word with a digit or a dot in it
    // ("Law360", "Slate.com").
    let site = |p: &str| {
        let words = p.split_whitespace().count();
        (1..=4).contains(&words) && p.starts_with(char::is_uppercase) && periodical(p)
            || words == 1
                && p.contains(char::is_alphabetic)
                && p.contains(|c: char| c.is_ascii_digit() || c == '.')
    };
    let headline = |ps: &[&str]| {
        // ("… becomes federal judge (video)": a format note.)
        let h = FORMAT_NOTES
            .replace_all(&ps.join(", "), "")
            .trim()
            .to_string();
        (h.split_whitespace().count() >= 3 && temporal::parse_date(&h).is_none()).then_some(h)
    };
    let n = parts.len();
    let (authors, title, work) = if n >= 3 && person(parts[0]) && site(parts[n - 1]) {
        (parts[0], headline(&parts[1..n - 1])?, parts[n - 1])
    } else if n >= 2
        && person(parts[0])
        && citations::BOOK_PARTS
            .iter()
            .any(|b| parts[1].starts_with(b))
    {
        // "Kirkpatrick Sale, foreword to E.P. Dutton 1978 edition of …":
        // the writer of a part of a book.
        (parts[0], parts[1..].join(", "), "")
    } else if n >= 3 && person(parts[0]) && site(parts[1]) && !site(parts[n - 1]) {
        (parts[0], headline(&parts[2..])?, parts[1])
    } else if n >= 2
        && !person(parts[0])
        && (site(parts[0]) || names_institution(parts[0]))
        && parts[0].split_whitespace().count() <= 6
    {
        (
            "",
            headline(&parts[1..]).filter(|h| h.split_whitespace().count() >= 5)?,
            parts[0],
        )
    } else {
        return None;
    };
    let mut c = empty(crate::model::CitationKind::Ref);
    c.authors = if authors.is_empty() {
        Vec::new()
    } else {
        parse_authors(authors)
    };
    c.title = Some(title);
    c.work = (!work.is_empty()).then(|| work.to_string());
    c.date = date;
    c.url = Some(src[*url].to_string());
    Some(c)
}

/// "… in ''The Great French Revolution 1789–1793'' by Peter Kropotkin":
/// the writer named after the work, where none is named before.
fn work_by_writer(c: &mut Citation) {
    if !c.authors.is_empty() {
        return;
    }
    let Some((work, name)) = c.work.as_deref().and_then(|w| w.rsplit_once(" by ")) else {
        return;
    };
    let person = (2..=4).contains(&name.split_whitespace().count())
        && name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || citations::NAME_PARTICLES.contains(&w))
        && !names_institution(name)
        && !is_publisher(name);
    if person && !work.trim().is_empty() {
        let (work, name) = (work.trim().to_string(), name.trim().to_string());
        c.authors = parse_authors(&name);
        c.work = Some(work);
    }
}

/// "[url ''Anarchism: From Theory to Practice''] [[Daniel Guérin]]": a
/// person's linked name after the title, last in the ref, is its writer,
/// not its publisher or work.
fn linked_writer_last(c: &mut Citation, text: &Text<'_>) {
    if !c.authors.is_empty() || c.title.is_none() {
        return;
    }
    let rendered = text.as_str();
    let Some(last) = text
        .marks
        .iter()
        .filter(|m| matches!(m.kind, MarkKind::Link { .. }))
        .max_by_key(|m| m.range.end)
    else {
        return;
    };
    if !trim_to_words(&rendered[last.range.end..]).is_empty() {
        return;
    }
    let name = rendered[last.range.clone()].trim();
    // (Not "[[An Anarchist FAQ]]": an article opens a work's name.)
    let article = ["The ", "A ", "An "].iter().any(|a| name.starts_with(a));
    let person = !article
        && (2..=3).contains(&name.split_whitespace().count())
        && name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
        && !names_institution(name)
        && !names_periodical(name)
        && !is_publisher(name);
    if !person {
        return;
    }
    for field in [&mut c.publisher, &mut c.work] {
        if field.as_deref() == Some(name) {
            *field = None;
            c.authors = parse_authors(name);
            return;
        }
    }
}

/// "Quad-Cities Online: ''TIMELINE; Key dates …''": a site's or paper's
/// name opening the entry, before a colon and the title, is the work,
/// whether it was read as the writer or the publisher.
fn site_before_colon(c: &mut Citation, entry: &str) {
    if c.work.is_some() {
        return;
    }
    let name = match (c.authors.as_slice(), &c.publisher) {
        ([only], _) => only.name.clone(),
        ([], Some(p)) => p.clone(),
        _ => return,
    };
    let site = (1..=4).contains(&name.split_whitespace().count())
        && name
            .split_whitespace()
            .any(|w| citations::PERIODICAL_WORDS.contains(&w.to_lowercase().as_str()))
        && entry.starts_with(&format!("{name}: "));
    if site {
        if c.authors.is_empty() {
            c.publisher = None;
        }
        c.authors.clear();
        c.work = Some(name);
    }
}

/// "\"A reappraisal …\", in Lindberg, David C. and Westman, Robert S.,
/// eds (1990), ''Reappraisals of the Scientific Revolution''. Cambridge
/// University Press": a chapter's title, then "in" its editors and the
/// book in italics. The book is the work, whatever the editors' names
/// were read as, and a publisher's name after it is its publisher.
fn book_of_chapter(c: &mut Citation, text: &Text<'_>) {
    let rendered = text.as_str();
    let Some(title) = c.title.as_deref() else {
        return;
    };
    let Some(title_end) = rendered.find(title).map(|i| i + title.len()) else {
        return;
    };
    let Some(book) = text.marks.iter().find(|m| {
        let between = &rendered[title_end..m.range.start.max(title_end)];
        m.kind == MarkKind::Italic
            && m.range.start >= title_end
            && (between.contains(" in ") || between.contains(". In "))
    }) else {
        return;
    };
    let name = rendered[book.range.clone()]
        .trim()
        .trim_end_matches([',', '.']);
    let between = &rendered[title_end..book.range.start];
    // Editors stand between "in" and the book: names and their role.
    let editors = between.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        citations::NAME_ROLES.contains(&w.as_str())
    });
    // "''Chapter''. In Murray Bookchin, ''The Spanish Anarchists''": the
    // book's writer, whose chapter it is, then the book.
    let writer = between
        .split_once(". In ")
        .map(|(_, w)| w.trim().trim_end_matches(',').trim())
        .filter(|w| {
            let words: Vec<&str> = w.split_whitespace().collect();
            (2..=4).contains(&words.len())
                && words.iter().all(|x| x.starts_with(char::is_uppercase))
                && !w.contains(char::is_numeric)
        });
    if name.is_empty() || !(editors || writer.is_some()) || c.work.as_deref() == Some(name) {
        return;
    }
    if let Some(w) = writer {
        if c.authors.is_empty() {
            c.authors = parse_authors(w);
        }
        // What was read from inside the writer's name and the book's
        // title ("Murray Bookchin, The Spanish anarchists: the heroic
        // years, 1868–1936") is neither place nor publisher nor date.
        let inside = |v: &str| between.contains(v) || name.contains(v);
        if c.place
            .as_deref()
            .is_some_and(|p| inside(p) || p.contains(w))
        {
            c.place = None;
        }
        if c.publisher.as_deref().is_some_and(inside) {
            c.publisher = None;
        }
        let after = &rendered[book.range.end..];
        let year = after
            .split(|ch: char| !ch.is_ascii_digit())
            .find(|y| y.len() == 4)
            .and_then(temporal::parse_date);
        if let Some(y) = year.filter(|_| {
            c.date
                .as_deref()
                .is_some_and(|d| name.contains(&d[..4.min(d.len())]))
        }) {
            c.date = Some(y.iso());
        }
    }
    if c.publisher.as_deref() == Some(name) {
        c.publisher = None;
    }
    c.work = Some(one_line(name));
    if c.publisher.as_deref().is_none_or(|p| !is_publisher(p)) {
        // The imprint after the book: "Cambridge University Press", or
        // "Amsterdam: Het Spinhuis".
        let after = &rendered[book.range.end..];
        let imprint = after
            .split(['.', ','])
            .map(str::trim)
            .find(|s| !s.is_empty())
            .unwrap_or("");
        let place_publisher = imprint
            .split_once(": ")
            .filter(|(place, p)| place.split_whitespace().count() <= 3 && !p.contains('"'));
        if let Some((place, publisher)) = place_publisher {
            c.place.get_or_insert_with(|| place.trim().to_string());
            c.publisher = Some(publisher.trim().to_string());
        } else if is_publisher(imprint) {
            c.publisher = Some(imprint.to_string());
        } else if c.publisher.as_deref().is_some_and(|p| {
            citations::NAME_ROLES.contains(&p.trim_end_matches('.').to_lowercase().as_str())
        }) {
            // "… in H. Knippenberg. ed. (2005).": the role, cut from its name.
            c.publisher = None;
        }
    }
}

/// "The Free Love Movement By Wendy McElroy": a title that names its
/// author at its end, where no author was read before it.
fn title_by_author(c: &mut Citation) {
    let Some(title) = &c.title else { return };
    if !c.authors.is_empty() {
        return;
    }
    let Some((head, name)) = title
        .rsplit_once(" by ")
        .or_else(|| title.rsplit_once(" By "))
    else {
        return;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_name = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase));
    if is_name && !head.trim().is_empty() {
        c.authors = parse_authors(name);
        c.title = Some(head.trim().trim_end_matches(',').to_string());
    }
}

/// A hand-written ref's rendered text on one line, with the title its
/// wikitext marks put in quotation marks so that [`parse_entry`] reads it
/// as the title, as it reads a quoted one: the text of its external link
/// ("[url CNE – About Us], Canadian National Exhibition (2006)"), else
/// its first italic run ("Mayo: ''The Ordnance Department.'' 1968"),
/// whichever comes first. Left alone where the ref already quotes
/// something. Also returns the title as written where its inner quotes
/// had to be made single.
pub(super) fn mark_title(text: &Text<'_>) -> (String, Option<TitleMark>, Option<String>) {
    let rendered = text.as_str();
    let unmarked = || (one_line(rendered), None, None);
    let shown = |m: &Mark| &rendered[m.range.clone()];
    // A quotation from the source before it ("\"It is important …\"[[Saul
    // Newman]], ''[url The Politics of Postanarchism]''") is passed over:
    // the title is marked after it.
    let skip = leading_quotation(rendered).map_or(0, |r| r.end);
    let link = text
        .marks
        .iter()
        .filter(|m| m.range.start >= skip)
        .find(|m| matches!(m.kind, MarkKind::ExternalLink { .. }))
        // "[url dtic.mil]" names the site, not the work.
        .filter(|m| {
            let t = shown(m).trim();
            let site = t.contains('.') && !t.contains(char::is_whitespace);
            !t.is_empty() && !site
        })
        .map(|m| (m, TitleMark::Link));
    // An italic run stands as a title unless it is one word that a
    // capitalised word after it continues into a name ("Maclean, ''Sir''
    // John (1870)").
    let italic = text
        .marks
        .iter()
        .filter(|m| m.range.start >= skip)
        .filter(|m| m.kind == MarkKind::Italic && !shown(m).trim().is_empty())
        .find(|m| {
            let one_word = !shown(m).trim().contains(char::is_whitespace);
            let after = &rendered[m.range.end..];
            !(one_word
                && after.starts_with(' ')
                && after.trim_start().starts_with(char::is_uppercase))
        })
        .map(|m| (m, TitleMark::Italic));
    // Italics first: where both start at one place, an italic link is a
    // book's title ("''[url The Collection]''").
    // "[url Geoffrey Ostergaard. ''Resisting the Nation State. The
    // pacifist and anarchist tradition'']": a link's text holding its
    // writer's name and then the italic title to its end; the italics
    // mark the title.
    let italic_in_link = match (italic, link) {
        (Some((i, _)), Some((l, _))) => {
            let lead = trim_to_words(&rendered[l.range.start..i.range.start.max(l.range.start)]);
            let words = lead.split_whitespace().count();
            l.range.start < i.range.start
                && i.range.end + 2 >= l.range.end
                && i.range.end <= l.range.end
                && (1..=4).contains(&words)
                && lead.split_whitespace().all(|w| w.starts_with(capital))
        }
        _ => false,
    };
    let chosen = if italic_in_link {
        italic
    } else {
        [italic, link]
            .into_iter()
            .flatten()
            .min_by_key(|(m, _)| m.range.start)
    };
    let Some((m, mark)) = chosen else {
        return unmarked();
    };
    let title = shown(m);
    let outer = title.trim().trim_end_matches([',', '.']);
    // "[url \"J.3.2 What are \"synthesis\" federations?\" in An Anarchist
    // FAQ]": the title's own quotes, opening the link's text, around a
    // title that quotes inside them; what follows the last is the rest
    // of the entry.
    // The title's close is the quote that the entry goes on from: the
    // end, a stop or comma, or a word saying by whom or where.
    let close = outer.match_indices('"').map(|(c, _)| c).skip(1).find(|&c| {
        let rest = &outer[c + 1..];
        let word = rest.split_whitespace().next().unwrap_or("");
        rest.is_empty()
            || rest.starts_with([',', '.', ';', ':', ')'])
            || rest.starts_with(' ') && (word == "by" || citations::CONNECTORS.contains(&word))
    });
    let wrapped = mark == TitleMark::Link
        && outer.starts_with('"')
        && close.is_some_and(|c| {
            outer[1..c].matches('"').count() % 2 == 0 && outer[1..c].contains('"')
        });
    let (whole, outer) = match close.filter(|_| wrapped) {
        Some(c) => (&outer[1..c], &outer[..=c]),
        None => (outer, outer),
    };
    // Double quotes mark a title already; single ones may sit inside the
    // marked title ("[url Elizabeth Gilbert’s ‘Big Magic’]"), and the
    // double quotes put around it come first. Quotes inside a book's
    // italic title ("''… lotte del "biennio rosso" a Bologna''") are part
    // of it: they become single ones, to leave the title's quotes alone.
    const DOUBLE: [char; 3] = ['"', '“', '”'];
    // Quotes after the mark are a later field's ("[url ''Who is a
    // Libertarian?''], [[Foundation …]], \"Ideas on Liberty,\" May 1955").
    let quotes_outside = rendered[skip..m.range.start].contains(DOUBLE);
    let inside_only = (mark == TitleMark::Italic || wrapped)
        && !whole.starts_with(DOUBLE)
        && !whole.ends_with(DOUBLE);
    if quotes_outside || whole.contains(DOUBLE) && !inside_only {
        return unmarked();
    }
    // A page's title as the browser shows it, "Headline | Site": the site
    // is the work, named again around the link; the headline is the title.
    // A blog's page title, "Post « Blog": the post is the title, the blog
    // the work, named nowhere else. ("»" is as often "Blog » Post": left
    // whole.)
    let (core, blog) = match whole.split_once(" | ") {
        Some((headline, _)) if mark == TitleMark::Link => (headline.trim(), None),
        _ => match whole.split_once(" « ") {
            Some((post, blog)) if mark == TitleMark::Link && !trim_to_words(blog).is_empty() => {
                (post.trim(), Some(blog.trim()))
            }
            _ => (whole, None),
        },
    };
    if core.is_empty() || core.contains(['[', '{', '<', '|']) {
        return unmarked();
    }
    // "[url Andrew van der Vlies (2011) An Interview with …]": the link's
    // text is a whole entry, names and year first, not a title.
    let names_and_year = |t: &str| {
        let Some((names, _)) = t.split_once(" (") else {
            return false;
        };
        let year = PAREN_DATE
            .find(t)
            .is_some_and(|m| m.start() == names.len() + 1);
        year && (1..=5).contains(&names.split_whitespace().count())
            && names.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase) || citations::NAME_PARTICLES.contains(&w)
            })
    };
    if mark == TitleMark::Link && names_and_year(core) {
        return unmarked();
    }
    let i = m.range.start + (title.len() - title.trim_start().len());
    let (before, after) = (&rendered[..i], &rendered[i + outer.len()..]);
    let (words_before, words_after) = (
        trim_to_words(without_lead_connector(&rendered[skip..i])),
        trim_to_words(after),
    );
    // A title follows at most a few names ("Rottman: ''The Bazooka.''"),
    // not prose ("… notes the ''Book of Optics''"), and leaves something
    // to read as the rest of the entry.
    // What stands in parentheses there is a date or an edition ("Cannon,
    // John, ed. (2nd edn., 2009)."), whatever its words.
    let names = without_parentheses(words_before);
    // "Edwards, Stewart. Introduction to ''Selected Writings''": the part
    // of the book the writer wrote, between the names and the title.
    let names = without_book_part(&names);
    // ("George Washington University, School of Engineering and Applied
    // Science: ''SEAS History''": an institution and its part.)
    let institution = !names.trim().is_empty()
        && names
            .trim()
            .trim_end_matches([':', ',', '.'])
            .split(", ")
            .all(names_institution);
    let names_before = institution
        || names.split_whitespace().count() <= 8
            && names.split_whitespace().all(|w| {
                let w = w.trim_matches(|c: char| matches!(c, ',' | ':' | ';' | '.'));
                w.is_empty()
                    || w.starts_with(|c: char| capital(c) || c.is_ascii_digit() || c == '(')
                    || citations::NAME_PARTICLES.contains(&w)
            });
    // "… who were members of the CNT. Xavier Diez. ''El anarquismo
    // …''": a note in prose, then the source it draws on in its last
    // sentence. The entry is that sentence on; `raw` keeps the prose.
    let source_after_prose = || {
        let lead = &rendered[skip..i];
        let stop = lead
            .trim_end()
            .trim_end_matches(['.', ',', ':'])
            .rfind(". ")?;
        // A sentence's end: a word, not an initial or "rev." (what the
        // names of an imprint hold).
        let last = lead[..stop].rsplit(' ').next().unwrap_or("");
        let sentence_end = last.chars().count() >= 3
            && last.chars().all(char::is_alphabetic)
            && !citations::ABBREVIATIONS.contains(&last);
        let names = trim_to_words(&lead[stop + 2..]);
        let words: Vec<&str> = names.split_whitespace().collect();
        // Prose: mostly words in lowercase, where names and titles are
        // capitalised.
        let prose_words: Vec<&str> = lead[..stop].split_whitespace().collect();
        let lower = prose_words
            .iter()
            .filter(|w| w.starts_with(char::is_lowercase))
            .count();
        let prose = sentence_end && prose_words.len() >= 8 && 2 * lower > prose_words.len();
        let named = (1..=5).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(capital) || citations::NAME_PARTICLES.contains(w));
        (prose && named).then_some(skip + stop + 2)
    };
    let before = match source_after_prose().filter(|_| !names_before) {
        Some(from) => &rendered[from..i],
        None if !names_before => return unmarked(),
        None => before,
    };
    if words_after.is_empty() && words_before.is_empty() && blog.is_none() {
        return unmarked();
    }
    let after = match blog {
        Some(blog) => format!(", {blog}{after}"),
        None => after.to_string(),
    };
    if core.contains(DOUBLE) {
        let entry = one_line(&format!("{before}\"{}\"{after}", single_quoted(core)));
        return (entry, Some(mark), Some(one_line(core)));
    }
    (
        one_line(&format!("{before}\"{core}\"{after}")),
        Some(mark),
        None,
    )
}

/// A letter that can open a name: a capital, or a letter of a script
/// without case (Arabic, Hebrew, Chinese), where every word could.
fn capital(c: char) -> bool {
    c.is_uppercase() || c.is_alphabetic() && !c.is_lowercase()
}

/// `s` with its double quotes made single: straight ones in turn opening
/// and closing, curly ones by their side.
fn single_quoted(s: &str) -> String {
    let mut open = false;
    s.chars()
        .map(|c| match c {
            '"' => {
                open = !open;
                if open { '‘' } else { '’' }
            }
            '“' => '‘',
            '”' => '’',
            c => c,
        })
        .collect()
}

/// `s` with each parenthesised part left out ("Cannon, John, ed. (2nd
/// edn., 2009)." is "Cannon, John, ed. ."); an unclosed one runs to the end.
fn without_parentheses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// `s` without the punctuation and space at its ends (an opening
/// parenthesis stays: "(2006)").
pub(super) fn trim_to_words(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric() && c != '(')
}

/// Which wikitext mark showed a hand-written ref's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TitleMark {
    /// The text of its external link.
    Link,
    /// Its first italic run.
    Italic,
}
