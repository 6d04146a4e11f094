//! The regular-expression natives behind `Regex` (`stdlib/lib/regex.ex`).
//!
//! A regex is its source and its modifiers (`%Regex{source: s, opts: o}`); the compiled
//! form lives in a cache here, keyed by both, so terms never hold native objects. The
//! `regex` crate's bytes API matches as PCRE does: without `u`, on bytes with ASCII
//! classes; with `u`, on UTF-8 code points. Patterns it refuses because they need
//! look-around or backreferences go to `fancy-regex`, which reads a subject without `u`
//! as Latin-1 text (`FancyText`), one character per byte.
//!
//! PCRE's `$` without `m` also matches before a newline that ends the subject; the
//! `regex` crate's only at the very end. For such a subject the search goes to a
//! `fancy-regex` regex with `$` spelled `(?=\n?\z)` (`Compiled::dollar`).
//!
//! Differences from PCRE that remain (docs/internals/interpreter.md): compile error
//! messages are PCRE's for the common mistakes only. Possessive quantifiers go to
//! `fancy-regex` (`has_possessive`); `\h \H \v \V` are rewritten as PCRE's classes
//! (`pcre_spaces`); the `f` modifier is checked in `re_run`; `s` brings OTP's
//! `{newline, anycrlf}` as the engines' CRLF mode.
//!
//! A global match follows `re:run/3` with `global` (OTP 25's `loopexec`): after a search
//! from `x` finds an empty match at `p`, a non-empty match anchored at `x` is asked for
//! (PCRE's `notempty_atstart` and `anchored`); if there is one it is a match too and the
//! search goes on at `p` plus its length, else one character after `p`. The engines have no "not empty" option, so that
//! attempt runs a second regex through `fancy-regex` on the subject from `p` on:
//! `\A(?:pattern)(?!\A)`, anchored at `p` and refused where it ends there, which makes
//! the backtracking engine go on to the next alternative in PCRE's order, as PCRE's
//! `PCRE_NOTEMPTY_ATSTART` does. Past the subject's start the cut is made one character
//! earlier and the regex is `\A(?s:.)(?:pattern)(?<!\A(?s:.))`, so that `\b`, `\B` and
//! `^` see the character before, and `^`/`\A` are false as they should be. (`\G` would
//! keep the whole text, but `fancy-regex` does not evaluate it inside a look-ahead.)
//! Without `u` the subject's bytes are read as Latin-1 characters for it, so each byte
//! is one character, as in PCRE. A pattern with a look-behind, which may look further
//! back, gets no retry past the start: the search moves on one character.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::Term;

enum Engine {
    Bytes(regex::bytes::Regex),
    Fancy(fancy_regex::Regex),
}

/// A compiled regex.
struct Compiled {
    engine: Engine,
    /// The regex for the non-empty retry after an empty match (see the module doc), made
    /// the first time one is needed: `None` inside when `fancy-regex` cannot compile it
    /// (then the search just moves on one character).
    /// At the subject's start, and after its first character.
    not_empty: [OnceLock<Option<fancy_regex::Regex>>; 2],
    /// For a byte regex whose pattern has PCRE's `$` (end, or before a final newline),
    /// which the `regex` crate reads as the very end: the regex searched instead when the
    /// subject ends with a newline (`$` as `(?=\n?\z)`, through `fancy-regex`), made the
    /// first time one is needed.
    dollar: Option<OnceLock<Option<fancy_regex::Regex>>>,
    /// The pattern the `fancy-regex` regexes are made from (with PCRE's `$`), and the
    /// inline flags.
    pattern: String,
    flags: String,
    /// `u`: code points rather than bytes (for advancing past an empty match).
    unicode: bool,
    /// `f` (PCRE's `firstline`): a match must start at or before the first newline at
    /// or after the place the search starts from.
    firstline: bool,
    /// Names of the capture groups, by group index (0 is the whole match).
    names: Vec<Option<String>>,
}

type Cache = Mutex<HashMap<(Vec<u8>, Vec<u8>), Arc<Compiled>>>;

fn cache() -> &'static Cache {
    static C: OnceLock<Cache> = OnceLock::new();
    C.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The compiled `source` with modifiers `opts`, or PCRE's error and position.
fn compiled(source: &[u8], opts: &[u8]) -> Result<Arc<Compiled>, (String, usize)> {
    let key = (source.to_vec(), opts.to_vec());
    if let Some(c) = cache().lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Ok(c.clone());
    }
    let c = Arc::new(compile(source, opts)?);
    let mut cache = cache().lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() > 4096 {
        cache.clear();
    }
    cache.insert(key, c.clone());
    Ok(c)
}

fn compile(source: &[u8], opts: &[u8]) -> Result<Compiled, (String, usize)> {
    let Ok(pattern) = std::str::from_utf8(source) else {
        return Err(("the pattern is not valid UTF-8".into(), 0));
    };
    let mut unicode = false;
    let mut firstline = false;
    let mut flags = String::new();
    for &o in opts {
        match o {
            b'u' => unicode = true,
            b'f' => firstline = true,
            b'i' => flags.push('i'),
            b'm' => flags.push('m'),
            // Elixir's `s` also asks for `{:newline, :anycrlf}`: `\r`, `\n` and `\r\n` end
            // lines for `^` and `$` (the engines' CRLF mode, flag `R`).
            b's' => flags.push_str("sR"),
            b'x' => flags.push('x'),
            b'U' => flags.push('U'),
            _ => return Err((format!("unknown modifier {}", o as char), 0)),
        }
    }
    let spaces = pcre_spaces(pattern, unicode);
    let pattern = spaces.as_deref().unwrap_or(pattern);
    let latin1;
    let byte_pattern = if unicode {
        pattern
    } else {
        latin1 = latin1_words(pattern);
        latin1.as_str()
    };
    // The `regex` crate reads a possessive `a*+` as `(a*)+`: such a pattern goes to
    // `fancy-regex`, which knows them.
    let bytes = if has_possessive(pattern) {
        Err(None)
    } else {
        regex::bytes::RegexBuilder::new(byte_pattern)
            .unicode(unicode)
            .case_insensitive(flags.contains('i'))
            .multi_line(flags.contains('m'))
            .dot_matches_new_line(flags.contains('s'))
            .ignore_whitespace(flags.contains('x'))
            .swap_greed(flags.contains('U'))
            .crlf(flags.contains('R'))
            .build()
            .map_err(Some)
    };
    let engine = match bytes {
        Ok(re) => Engine::Bytes(re),
        Err(e) => {
            // Errors are reported against the pattern as written.
            let e = match regex::bytes::RegexBuilder::new(pattern)
                .unicode(unicode)
                .ignore_whitespace(flags.contains('x'))
                .build()
            {
                Err(original) => Some(original),
                Ok(_) => e,
            };
            let inline = if flags.is_empty() {
                String::new()
            } else {
                format!("(?{flags})")
            };
            // Without `u` the subject is read as Latin-1 text (`FancyText`), each byte a
            // character, as the byte pattern reads it.
            let fancy = pcre_dollar(byte_pattern, flags.contains('m'), flags.contains('R'));
            let fancy = fancy.as_deref().unwrap_or(byte_pattern);
            match (fancy_regex::Regex::new(&format!("{inline}{fancy}")), e) {
                (Ok(re), _) => Engine::Fancy(re),
                (Err(e), None) => return Err((e.to_string(), 0)),
                (Err(_), Some(e)) => return Err(pcre_error(pattern, &e)),
            }
        }
    };
    let names = match &engine {
        Engine::Bytes(re) => re.capture_names().map(|n| n.map(String::from)).collect(),
        Engine::Fancy(re) => re.capture_names().map(|n| n.map(String::from)).collect(),
    };
    // The retry reads a subject without `u` as Latin-1 text, the byte pattern's way.
    let pcre_dollar = pcre_dollar(byte_pattern, flags.contains('m'), flags.contains('R'));
    let dollar = match (&engine, &pcre_dollar) {
        (Engine::Bytes(_), Some(_)) => Some(OnceLock::new()),
        _ => None,
    };
    Ok(Compiled {
        engine,
        not_empty: [OnceLock::new(), OnceLock::new()],
        dollar,
        pattern: pcre_dollar.unwrap_or_else(|| byte_pattern.to_string()),
        flags,
        unicode,
        firstline,
        names,
    })
}

/// The bytes PCRE's `\w` matches without the `u` modifier: its character tables are
/// Latin-1's (OTP builds them so), where `ª µ º À-Ö Ø-ö ø-ÿ` are letters too.
const LATIN1_WORD: &str = r"0-9A-Za-z_\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\xFF";

/// `\xHH` for each UTF-8 byte of `c`.
fn push_bytes(out: &mut String, c: char) {
    for b in c.to_string().bytes() {
        out.push_str(&format!("\\x{b:02X}"));
    }
}

/// `pattern` as PCRE reads it without `u`, for the byte engine: `\w` and `\W` (outside
/// classes; `\w` inside them too) spelled as byte classes of [`LATIN1_WORD`], and each
/// non-ASCII character as its UTF-8 bytes. (`\b`, `\W` inside a class and caseless
/// Latin-1 letters keep ASCII's rules.)
fn latin1_words(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    // Characters since the class opened (a `]` first in a class is a literal).
    let mut class_len = 0;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') if in_class => out.push_str(LATIN1_WORD),
                Some('w') => {
                    out.push('[');
                    out.push_str(LATIN1_WORD);
                    out.push(']');
                }
                Some('W') if !in_class => {
                    out.push_str("[^");
                    out.push_str(LATIN1_WORD);
                    out.push(']');
                }
                // An escaped non-ASCII character is that character.
                Some(e) if !e.is_ascii() => push_bytes(&mut out, e),
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                class_len = 0;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    chars.next();
                    out.push('^');
                }
                continue;
            }
            '[' if chars.peek() == Some(&':') => {
                // A POSIX class `[:alpha:]` inside a class: copied whole.
                out.push('[');
                for d in chars.by_ref() {
                    out.push(d);
                    if d == ']' {
                        break;
                    }
                }
            }
            ']' if in_class && class_len > 0 => {
                in_class = false;
                out.push(']');
            }
            // Without `u`, PCRE reads the pattern's bytes as characters: `é*` is
            // `\xC3\xA9*`, and `[é]` a class of two bytes.
            c if !c.is_ascii() => push_bytes(&mut out, c),
            c => out.push(c),
        }
        class_len += 1;
    }
    out
}

/// `pattern` with PCRE's `\h` (horizontal space), `\v` (vertical space) and their
/// negations `\H` and `\V` spelled as classes, which neither engine knows (`fancy-regex`
/// reads `\h` as a hex digit, the `regex` crate `\v` as a vertical tab). Without `u`
/// PCRE's sets stop at Latin-1. `None` when there is none of them.
fn pcre_spaces(pattern: &str, unicode: bool) -> Option<String> {
    const H: &str = r"\x09\x20\xA0";
    const H_U: &str = r"\x09\x20\xA0\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}";
    const V: &str = r"\x0A-\x0D\x85";
    const V_U: &str = r"\x0A-\x0D\x{85}\x{2028}\x{2029}";
    if !pattern.contains("\\h")
        && !pattern.contains("\\H")
        && !pattern.contains("\\v")
        && !pattern.contains("\\V")
    {
        return None;
    }
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut chars = pattern.chars().peekable();
    // Inside a class, and the characters since it opened (a `]` first is a literal).
    let (mut class, mut class_len) = (false, 0);
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e @ ('h' | 'H' | 'v' | 'V')) => {
                    let set = match (e.to_ascii_lowercase(), unicode) {
                        ('h', false) => H,
                        ('h', true) => H_U,
                        (_, false) => V,
                        (_, true) => V_U,
                    };
                    let negated = e.is_ascii_uppercase();
                    // Inside a class a set is a nested class (both engines have them).
                    if !class || negated {
                        out.push('[');
                    }
                    if negated {
                        out.push('^');
                    }
                    out.push_str(set);
                    if !class || negated {
                        out.push(']');
                    }
                }
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            '[' if !class => {
                class = true;
                class_len = 0;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    out.extend(chars.next());
                }
                continue;
            }
            ']' if class && class_len > 0 => {
                class = false;
                out.push(']');
            }
            c => out.push(c),
        }
        class_len += 1;
    }
    Some(out)
}

/// Whether `pattern` has a possessive quantifier (`*+`, `++`, `?+`, `{n,m}+`) outside
/// classes.
fn has_possessive(pattern: &str) -> bool {
    let b = pattern.as_bytes();
    let (mut i, mut class) = (0, false);
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' if !class => {
                class = true;
                // A `]` first in a class (after an optional `^`) is a literal.
                if b.get(i + 1) == Some(&b'^') {
                    i += 1;
                }
                if b.get(i + 1) == Some(&b']') {
                    i += 1;
                }
            }
            b']' if class => class = false,
            b'*' | b'+' | b'?'
                if !class && i > 0 && b[i - 1] != b'(' && b.get(i + 1) == Some(&b'+') =>
            {
                return true;
            }
            b'}' if !class && b.get(i + 1) == Some(&b'+') => {
                // A `{n}`, `{n,}` or `{n,m}` repetition, not a literal brace.
                let open = b[..i].iter().rposition(|&c| c == b'{');
                if let Some(o) = open {
                    let inner = &pattern[o + 1..i];
                    let mut parts = inner.splitn(2, ',');
                    let lo = parts.next().unwrap_or("");
                    let hi = parts.next();
                    let digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
                    if !lo.is_empty() && digits(lo) && hi.is_none_or(digits) {
                        return true;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// PCRE's message and offset for the common syntax errors.
fn pcre_error(pattern: &str, e: &regex::Error) -> (String, usize) {
    use regex_syntax::ast::ErrorKind as K;
    let Err(err) = regex_syntax::ast::parse::Parser::new().parse(pattern) else {
        return (
            e.to_string()
                .lines()
                .last()
                .unwrap_or("invalid regex")
                .trim()
                .to_string(),
            0,
        );
    };
    let at = err.span().start.offset;
    match err.kind() {
        K::GroupUnclosed => ("missing )".into(), pattern.len()),
        K::GroupUnopened => ("unmatched parentheses".into(), at),
        K::ClassUnclosed => (
            "missing terminating ] for character class".into(),
            pattern.len(),
        ),
        K::RepetitionMissing => ("nothing to repeat".into(), at),
        K::EscapeUnexpectedEof => ("\\ at end of pattern".into(), pattern.len()),
        other => (other.to_string(), at),
    }
}

impl Compiled {
    /// The groups of the first match at or after byte `at`: `(start, end)` each, `None`
    /// for a group that did not take part.
    fn captures(
        &self,
        subject: &[u8],
        at: usize,
        text: &mut Option<Option<FancyText>>,
    ) -> Option<Vec<Option<(usize, usize)>>> {
        let re = match &self.engine {
            Engine::Fancy(re) => re,
            Engine::Bytes(re) => match &self.dollar {
                Some(dollar)
                    if subject.ends_with(b"\n")
                        || (self.flags.contains('R') && subject.ends_with(b"\r")) =>
                {
                    dollar
                        .get_or_init(|| {
                            let source = format!("{}{}", self.inline(), self.pattern);
                            fancy_regex::Regex::new(&source).ok()
                        })
                        .as_ref()?
                }
                _ => return Some(groups(&re.captures_at(subject, at)?)),
            },
        };
        let text = self.text(subject, text)?;
        let c = re
            .captures_from_pos(text.text.as_str(), text.to_text(at)?)
            .ok()??;
        Some(text.groups(0, &c))
    }

    /// The groups of the first non-empty match that starts exactly at byte `at`, in
    /// PCRE's order of alternatives (the retry after an empty match). `text` keeps the
    /// subject as the retry regex reads it, made at the first retry of a run.
    fn captures_not_empty(
        &self,
        subject: &[u8],
        at: usize,
        text: &mut Option<Option<FancyText>>,
    ) -> Option<Vec<Option<(usize, usize)>>> {
        let text = self.text(subject, text)?;
        let base = text.to_text(at)?;
        // From the subject's start, or from the character before `at`, which the pattern
        // may look at (`\b`, `^` with `m`) and the retry regex steps over.
        let (from, re) = if base == 0 {
            (0, self.not_empty[0].get_or_init(|| self.retry_regex(false)))
        } else {
            let prev = text.text[..base].chars().next_back()?.len_utf8();
            let re = self.not_empty[1].get_or_init(|| self.retry_regex(true));
            (base - prev, re)
        };
        let c = re.as_ref()?.captures(&text.text[from..]).ok()??;
        let mut groups = text.groups(from, &c);
        if let Some(Some((start, _))) = groups.first_mut() {
            *start = at;
        }
        Some(groups)
    }

    /// The flags as an inline group.
    fn inline(&self) -> String {
        if self.flags.is_empty() {
            String::new()
        } else {
            format!("(?{})", self.flags)
        }
    }

    /// The subject as the `fancy-regex` regexes read it, made once per run in `text`.
    fn text<'a>(
        &self,
        subject: &[u8],
        text: &'a mut Option<Option<FancyText>>,
    ) -> Option<&'a FancyText> {
        text.get_or_insert_with(|| FancyText::new(subject, !self.unicode))
            .as_ref()
    }

    /// The regex of the non-empty retry (see the module doc): `\A(?:pattern)(?!\A)`, or
    /// with `after_char`, `\A(?s:.)(?:pattern)(?<!\A(?s:.))` for a subject cut one
    /// character before the retry's place. `None` when `fancy-regex` refuses it, or when
    /// the pattern has a look-behind, which may look further back than one character.
    fn retry_regex(&self, after_char: bool) -> Option<fancy_regex::Regex> {
        if after_char && (self.pattern.contains("(?<=") || self.pattern.contains("(?<!")) {
            return None;
        }
        let inline = self.inline();
        // With `x` a comment at the end of the pattern runs to a newline.
        let end = if self.flags.contains('x') { "\n" } else { "" };
        let source = if after_char {
            format!("{inline}\\A(?s:.)(?:{}{end})(?<!\\A(?s:.))", self.pattern)
        } else {
            format!("{inline}\\A(?:{}{end})(?!\\A)", self.pattern)
        };
        fancy_regex::Regex::new(&source).ok()
    }

    /// Where to search after an empty match at `at`: the next character.
    fn after_empty(&self, subject: &[u8], at: usize) -> usize {
        let mut next = at + 1;
        if self.unicode {
            while next < subject.len() && (subject[next] & 0xC0) == 0x80 {
                next += 1;
            }
        }
        next
    }
}

/// `pattern` with PCRE's `$` (outside classes, not escaped) spelled `(?=\n?\z)`: without
/// `m`, PCRE's `$` also matches before a newline that ends the subject. `None` when there
/// is none, or in multi-line mode (also when the pattern may turn it on inline), where
/// `$` means the same in both.
fn pcre_dollar(pattern: &str, multi_line: bool, crlf: bool) -> Option<String> {
    let end = if crlf {
        r"(?=(?:\r\n|\r|\n)?\z)"
    } else {
        r"(?=\n?\z)"
    };
    if multi_line {
        return None;
    }
    let mut out = String::with_capacity(pattern.len() + 16);
    let (mut class, mut escaped, mut found) = (false, false, false);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if class {
            class = c != ']';
        } else if c == '[' {
            class = true;
            // A `]` first in a class (after an optional `^`) is a literal.
            out.push(c);
            if chars.peek() == Some(&'^') {
                out.extend(chars.next());
            }
            if chars.peek() == Some(&']') {
                out.extend(chars.next());
            }
            continue;
        } else if c == '(' && chars.peek() == Some(&'?') {
            // Inline flags that may turn on `m`: leave `$` alone.
            let flags = chars.clone().skip(1);
            let on: String = flags.take_while(|f| f.is_ascii_alphabetic()).collect();
            if on.contains('m') {
                return None;
            }
        } else if c == '$' {
            out.push_str(end);
            found = true;
            continue;
        }
        out.push(c);
    }
    found.then_some(out)
}

/// The subject as the `fancy-regex` regexes read it: UTF-8 as it is, or (without `u`) each byte as
/// the Latin-1 character of that number, with the offsets mapped both ways.
struct FancyText {
    text: String,
    /// For Latin-1 text: the byte offset of each text offset (`None` for UTF-8 text, where
    /// the offsets are the same).
    to_byte: Option<Vec<usize>>,
}

impl FancyText {
    fn new(subject: &[u8], latin1: bool) -> Option<FancyText> {
        if !latin1 {
            let text = std::str::from_utf8(subject).ok()?.to_string();
            return Some(FancyText {
                text,
                to_byte: None,
            });
        }
        let text: String = subject.iter().map(|&b| b as char).collect();
        let mut to_byte = Vec::with_capacity(text.len() + 1);
        for (i, &b) in subject.iter().enumerate() {
            to_byte.push(i);
            if b >= 0x80 {
                to_byte.push(i);
            }
        }
        to_byte.push(subject.len());
        Some(FancyText {
            text,
            to_byte: Some(to_byte),
        })
    }

    /// The text offset of byte `at` (`None` inside a UTF-8 character).
    fn to_text(&self, at: usize) -> Option<usize> {
        match &self.to_byte {
            None => self.text.is_char_boundary(at).then_some(at),
            // The first text offset that maps to byte `at`.
            Some(map) => Some(map.partition_point(|&b| b < at)),
        }
    }

    fn to_byte(&self, i: usize) -> usize {
        match &self.to_byte {
            None => i,
            Some(map) => map[i],
        }
    }

    /// The groups of a match in the text cut at text offset `from`, as byte spans of the
    /// subject.
    fn groups(
        &self,
        from: usize,
        c: &fancy_regex::Captures<'_, str>,
    ) -> Vec<Option<(usize, usize)>> {
        let span =
            |m: fancy_regex::Match| (self.to_byte(from + m.start()), self.to_byte(from + m.end()));
        c.iter().map(|m| m.map(span)).collect()
    }
}

/// The groups of a byte regex's match as byte spans.
fn groups(c: &regex::bytes::Captures) -> Vec<Option<(usize, usize)>> {
    c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()
}

fn bytes_of(t: Term) -> Option<&'static [u8]> {
    crate::binary::bits(t).and_then(|b| b.as_bytes())
}

fn charlist(p: &mut Process, s: &str) -> Term {
    let items: Vec<Term> = s.chars().filter_map(|c| Term::small(c as i64)).collect();
    p.heap.list(&items)
}

/// `:beamlet.re_compile(source, opts)`: `:ok`, or `{:error, {message, position}}` as
/// `:re.compile` reports it.
pub fn re_compile(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [source, opts] = args else {
        return Err(Raise::badarg());
    };
    let (Some(source), Some(opts)) = (bytes_of(*source), bytes_of(*opts)) else {
        return Err(Raise::badarg());
    };
    match compiled(source, opts) {
        Ok(_) => Ok(Term::atom(crate::atom::OK)),
        Err((msg, at)) => {
            let msg = charlist(p, &msg);
            let at = Term::small(at as i64).unwrap_or(Term::NIL);
            let reason = p.heap.tuple(&[msg, at]);
            Ok(p.heap.tuple(&[Term::atom(crate::atom::ERROR), reason]))
        }
    }
}

/// `:beamlet.re_run(source, opts, subject, offset, global)`: the matches from byte
/// `offset` (all of them when `global`, else at most one), each a list of
/// `{start, length}` per group (`{-1, 0}` for a group that did not take part). PCRE's
/// rule for global matching (see the module doc).
pub fn re_run(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [source, opts, subject, offset, global] = args else {
        return Err(Raise::badarg());
    };
    let (Some(source), Some(opts), Some(subject)) =
        (bytes_of(*source), bytes_of(*opts), bytes_of(*subject))
    else {
        return Err(Raise::badarg());
    };
    let Some(offset) = offset.as_small().and_then(|o| usize::try_from(o).ok()) else {
        return Err(Raise::badarg());
    };
    let global = global.is(Term::TRUE);
    let re = compiled(source, opts).map_err(|_| Raise::badarg())?;
    let mut matches: Vec<Vec<Option<(usize, usize)>>> = Vec::new();
    // OTP 25's `re:run/3` loop (`loopexec` in re.erl): search from `at`; after an empty
    // match at `a`, retry a non-empty match anchored at `at` (the search's start), and go
    // on from `a` plus that match's length, or one character after `a`.
    let mut at = offset;
    let mut fancy_text = None;
    while at <= subject.len() {
        let Some(groups) = re.captures(subject, at, &mut fancy_text) else {
            break;
        };
        let (start, end) = groups.first().copied().flatten().unwrap_or((at, at));
        if re.firstline {
            // PCRE's `firstline`: the leftmost match is the only candidate, and it must
            // start at or before the first newline from `at`.
            let newline = subject[at..].iter().position(|&b| b == b'\n');
            if newline.is_some_and(|n| start > at + n) {
                break;
            }
        }
        matches.push(groups);
        if !global {
            break;
        }
        if end > start {
            at = end;
            continue;
        }
        match re.captures_not_empty(subject, at, &mut fancy_text) {
            Some(groups) => {
                let len = groups.first().copied().flatten().map_or(0, |(s, e)| e - s);
                matches.push(groups);
                at = start + len;
            }
            None => at = re.after_empty(subject, start),
        }
    }
    let mut out = Vec::with_capacity(matches.len());
    for groups in matches {
        let items: Vec<Term> = groups
            .iter()
            .map(|g| {
                let (s, l) = match g {
                    Some((s, e)) => (*s as i64, (e - s) as i64),
                    None => (-1, 0),
                };
                let s = Term::small(s).unwrap_or(Term::NIL);
                let l = Term::small(l).unwrap_or(Term::NIL);
                p.heap.tuple(&[s, l])
            })
            .collect();
        out.push(p.heap.list(&items));
    }
    Ok(p.heap.list(&out))
}

/// `:beamlet.re_names(source, opts)`: `[{name, group_index}]` of the named groups, in
/// the order of the names (as `Regex.names/1` lists them).
pub fn re_names(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [source, opts] = args else {
        return Err(Raise::badarg());
    };
    let (Some(source), Some(opts)) = (bytes_of(*source), bytes_of(*opts)) else {
        return Err(Raise::badarg());
    };
    let re = compiled(source, opts).map_err(|_| Raise::badarg())?;
    let mut named: Vec<(&str, usize)> = re
        .names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.as_deref().map(|n| (n, i)))
        .collect();
    named.sort();
    let mut items = Vec::with_capacity(named.len());
    for (name, i) in named {
        let n = p.heap.binary(name.as_bytes());
        let i = Term::small(i as i64).unwrap_or(Term::NIL);
        items.push(p.heap.tuple(&[n, i]));
    }
    Ok(p.heap.list(&items))
}

#[cfg(test)]
mod tests {
    use super::{has_possessive, pcre_spaces};

    #[test]
    fn possessive_quantifiers_are_found_outside_classes_only() {
        for p in ["a*+", "a++b", "x?+", r"\d{2}+", "(ab){1,3}+", r"\w{2,}+"] {
            assert!(has_possessive(p), "{p}");
        }
        for p in [
            "a+", "[*+]", "[a+]+", r"a\*+", r"a\++", "(?+1)", "x{a}+", "{,2}+", "[]+]",
        ] {
            assert!(!has_possessive(p), "{p}");
        }
    }

    #[test]
    fn horizontal_and_vertical_space_become_classes() {
        assert_eq!(pcre_spaces("a+", false), None);
        assert_eq!(
            pcre_spaces(r"\h", false).as_deref(),
            Some(r"[\x09\x20\xA0]")
        );
        assert_eq!(
            pcre_spaces(r"[\h-]", false).as_deref(),
            Some(r"[\x09\x20\xA0-]")
        );
        assert_eq!(
            pcre_spaces(r"[\H]", false).as_deref(),
            Some(r"[[^\x09\x20\xA0]]")
        );
        assert_eq!(pcre_spaces(r"\\h", false).as_deref(), Some(r"\\h"));
        assert_eq!(
            pcre_spaces(r"\V", true).as_deref(),
            Some(r"[^\x0A-\x0D\x{85}\x{2028}\x{2029}]")
        );
    }
}
