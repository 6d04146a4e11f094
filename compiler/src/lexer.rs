//! The lexer: Elixir 1.14's tokenizer (`elixir_tokenizer.erl` and `elixir_interpolation.erl`)
//! rewritten in Rust.
//!
//! The context-free token rules (identifiers, aliases, numbers, operators, punctuation,
//! whitespace, newlines, comments) are a [`logos`] DFA ([`Raw`]). A driver loop runs it one
//! token at a time and adds what needs context, as Elixir's tokenizer does: strings,
//! charlists, heredocs, quoted atoms and keywords, sigils and `?a` characters are scanned by
//! hand; `#{...}` interpolation re-enters the driver recursively (with a depth limit);
//! identifiers are classified by what follows them (`foo(`, `foo[`, `foo do`, `foo -1`,
//! `foo:`); newlines are merged into `Eol` tokens and dropped before a binary operator
//! that starts a line.
//!
//! Where Elixir 1.14.0 and this lexer differ, on purpose:
//! - `&1` gives `CaptureInt` then `Int` (Elixir 1.15's tokens; 1.14 gives `capture_op`;
//!   the AST is the same).
//! - `\xHH` with `HH >= 0x80` in a string builds a byte that is not UTF-8; our string parts
//!   are `String`s, so that is an error here (in `~r` the escape is left to the regex).
//! - Lowercase sigils have their escapes processed here (Elixir does it in the `sigil_x`
//!   macro): `~r` with `Regex`'s escape map (only `\f \n \r \t \v \a` and escaped newline),
//!   every other lowercase sigil with the string one. Uppercase sigils are raw.
//! - Unmatched `)`/`]`/`}` and missing closing brackets are left to the parser (Elixir's
//!   tokenizer reports them); inside `#{...}` the first `}` without its `{` closes it.
//! - Warnings (deprecated escapes, unnecessary quotes, ...) are not produced.

use std::fmt;

use logos::Logos;
use num_bigint::BigInt;

use crate::token::{Op, Spanned, StrPart, Tok};

/// How deep `#{...}` may nest (a string in an interpolation in a string ...).
pub const MAX_INTERPOLATION_DEPTH: usize = 200;

/// A tokenizer error, with the byte span it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    /// What went wrong, worded like Elixir's tokenizer.
    pub message: String,
    /// Byte offset where the problem starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// True when the input ended inside a string, heredoc, sigil, quoted atom,
    /// interpolation or after a line continuation: more input could complete it.
    pub incomplete: bool,
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LexError {}

/// Tokenizes `src` as Elixir 1.14 does.
pub fn lex(src: &str) -> Result<Vec<Spanned>, LexError> {
    let mut lexer = Lexer { src, depth: 0 };
    lexer.run(0, false).map(|(tokens, _)| tokens)
}

/// The context-free tokens, recognized by a DFA.
#[derive(Logos, Clone, Copy, Debug, PartialEq)]
enum Raw {
    #[regex(r"[ \t]+")]
    HSpace,
    #[regex(r"\r?\n")]
    Newline,
    #[regex(r"\\\r?\n")]
    Continuation,
    #[regex(r"#[^\n]*")]
    Comment,
    #[regex(r"[a-z_][a-zA-Z0-9_]*[?!]?")]
    Ident,
    #[regex(r"[A-Z][a-zA-Z0-9_]*[?!]?")]
    Alias,
    /// The first digits of a number; the rest (`_`, fraction, exponent, `0x` ...) is
    /// scanned by hand, as logos does not backtrack out of a longer failed match.
    #[regex(r"[0-9]+")]
    Digits,

    #[token("@")]
    At,
    #[token("&")]
    Amp,
    #[token("!", |_| Op::Bang)]
    #[token("^", |_| Op::Pin)]
    #[token("~~~", |_| Op::BNot)]
    Unary(Op),
    // `^^^` and `<|>` are recognized by hand after `^` and `<`: their 2-character prefixes
    // are not tokens, and logos does not backtrack.
    #[token("+", |_| Op::Plus)]
    #[token("-", |_| Op::Minus)]
    Dual(Op),
    #[token("*", |_| Op::Mul)]
    #[token("/", |_| Op::Div)]
    Mult(Op),
    #[token("**")]
    Pow,
    #[token("++", |_| Op::Concat)]
    #[token("--", |_| Op::Subtract)]
    #[token("+++", |_| Op::TriplePlus)]
    #[token("---", |_| Op::TripleMinus)]
    #[token("<>", |_| Op::StrConcat)]
    Concat(Op),
    #[token("..")]
    Range,
    #[token("...")]
    Ellipsis,
    #[token("//")]
    Ternary,
    #[token("&&", |_| Op::AndAnd)]
    #[token("&&&", |_| Op::BAnd)]
    And(Op),
    #[token("||", |_| Op::OrOr)]
    #[token("|||", |_| Op::BOr)]
    Or(Op),
    #[token("<-", |_| Op::LeftArrow)]
    #[token("\\\\", |_| Op::Default)]
    InMatch(Op),
    #[token("|")]
    Pipe,
    #[token("->")]
    Stab,
    #[token("=>")]
    Assoc,
    #[token("==", |_| Op::Eq)]
    #[token("!=", |_| Op::NotEq)]
    #[token("=~", |_| Op::Match_)]
    #[token("===", |_| Op::StrictEq)]
    #[token("!==", |_| Op::StrictNotEq)]
    Comp(Op),
    #[token("<", |_| Op::Lt)]
    #[token(">", |_| Op::Gt)]
    #[token("<=", |_| Op::Le)]
    #[token(">=", |_| Op::Ge)]
    Rel(Op),
    #[token("|>", |_| Op::PipeInto)]
    #[token("<<<", |_| Op::Shl)]
    #[token(">>>", |_| Op::Shr)]
    #[token("<<~", |_| Op::LtLtTilde)]
    #[token("~>>", |_| Op::TildeGtGt)]
    #[token("<~", |_| Op::LtTilde)]
    #[token("~>", |_| Op::TildeGt)]
    #[token("<~>", |_| Op::LtTildeGt)]
    Arrow(Op),
    #[token("=")]
    Match,
    #[token(".")]
    Dot,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LCurly,
    #[token("}")]
    RCurly,
    #[token("<<")]
    LBit,
    #[token(">>")]
    RBit,
    #[token("%")]
    Percent,
}

/// How an operator token is added (Elixir's `handle_op` / `handle_unary_op`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum OpStyle {
    /// A binary operator: drops an `Eol` right before it.
    Binary,
    /// A unary (or dual) operator: keeps the `Eol`.
    Unary,
}

/// Which escapes a string-like body gets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Escapes {
    /// Strings, charlists, atoms, heredocs, lowercase sigils but `~r`.
    Default,
    /// `~r`: `Regex.unescape_map/1`.
    Regex,
    /// Uppercase sigils: raw.
    None,
}

/// What closes a string-like body.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Closer {
    /// A single ASCII character.
    Char(u8),
    /// `"""` or `'''`, at the start of a line (after spaces).
    Triple(u8),
}

impl Closer {
    fn text(self) -> String {
        match self {
            Closer::Char(c) => char::from(c).to_string(),
            Closer::Triple(c) => char::from(c).to_string().repeat(3),
        }
    }
}

/// Whether a byte is a digit of some base.
type IsDigit = fn(&u8) -> bool;

/// What [`Lexer::plain`] did.
enum Flow {
    /// Go on at this offset.
    Next(usize),
    /// The `}` at this offset closes the interpolation.
    Close(usize),
}

/// The body of a string-like literal, before escapes are processed.
struct Extracted {
    /// `Lit` parts hold raw text.
    parts: Vec<StrPart>,
    /// Byte offset right after the closing delimiter.
    end: usize,
    /// For heredocs: the indentation of the closing delimiter.
    indent: usize,
}

const MISSING_INTERPOLATION: &str = "missing interpolation terminator: \"}\"";

/// Operators that may follow `.` (as function names) and `:` (as atoms), 3 characters.
const OPS3: [&str; 14] = [
    "~~~", "===", "!==", "&&&", "|||", "<<<", ">>>", "~>>", "<<~", "<~>", "<|>", "^^^", "+++",
    "---",
];
/// Two-character operators that may follow `.`.
const DOT_OPS2: [&str; 17] = [
    "==", "=~", "!=", "<=", ">=", "&&", "||", "|>", "~>", "<~", "<-", "\\\\", "++", "--", "<>",
    "**", "::",
];
/// Two-character operators that may follow `:`.
const ATOM_OPS2: [&str; 18] = [
    "==", "=~", "!=", "<=", ">=", "&&", "||", "|>", "~>", "<~", "<-", "\\\\", "++", "--", "<>",
    "**", "->", "..",
];
/// One-character operators that may follow `.`.
const DOT_OPS1: &[u8] = b"@!^&+-*/<>=|";
/// One-character operators that may follow `:`.
const ATOM_OPS1: &[u8] = b"@!^&+-*/<>=|.";

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_hspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t')
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The name Elixir gives a control character in error messages.
fn char_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\0' => "null byte",
        '\u{7}' => "alert",
        '\u{8}' => "backspace",
        '\u{7f}' => "delete",
        '\u{1b}' => "escape",
        '\u{c}' => "form feed",
        '\n' => "newline",
        '\r' => "carriage return",
        ' ' => "space",
        '\t' => "tab",
        '\u{b}' => "vertical tab",
        _ => return None,
    })
}

/// Elixir's `unescape_map/1` for `?\x` characters and strings.
fn unescape_char(c: char) -> char {
    match c {
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        'd' => '\u{7f}',
        'e' => '\u{1b}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        's' => ' ',
        't' => '\t',
        'v' => '\u{b}',
        other => other,
    }
}

/// `Regex.unescape_map/1`.
fn unescape_regex_char(c: char) -> Option<char> {
    Some(match c {
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\u{b}',
        'a' => '\u{7}',
        _ => return None,
    })
}

/// The number of hex digits at the start of `s`, at most `max`.
fn hex_run(s: &str, max: usize) -> usize {
    s.bytes()
        .take(max)
        .take_while(u8::is_ascii_hexdigit)
        .count()
}

/// `\u{H..}` / `\x{H..}`: 1 to 6 hex digits between braces; returns (digits, length).
fn braced_hex(s: &str) -> Option<(&str, usize)> {
    let inner = s.strip_prefix('{')?;
    let n = hex_run(inner, 7);
    if (1..=6).contains(&n) && inner.as_bytes().get(n) == Some(&b'}') {
        Some((inner.get(..n)?, n + 2))
    } else {
        None
    }
}

fn push_code_point(out: &mut String, digits: &str) -> Result<(), String> {
    let invalid = || format!("invalid or reserved Unicode code point \\u{{{digits}}}");
    let value = u32::from_str_radix(digits, 16).map_err(|_| invalid())?;
    out.push(char::from_u32(value).ok_or_else(invalid)?);
    Ok(())
}

/// The front end keeps a literal's text as a Rust `String`; a byte escape above 0x7F
/// (`"\xFF"`), which is not a character, is kept as a character of the last 128 code
/// points of plane 16 (private use) and becomes its byte again in [`literal_bytes`].
/// Source text holding those code points literally is read as those bytes too.
const BYTE_CHARS: u32 = 0x10_FF00;

fn byte_char(b: u8) -> char {
    if b < 0x80 {
        return char::from(b);
    }
    char::from_u32(BYTE_CHARS + u32::from(b)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The byte a character of a literal stands for, if it stands for one (see [`byte_char`]).
pub fn literal_byte(c: char) -> Option<u8> {
    let c = c as u32;
    (BYTE_CHARS + 0x80..=BYTE_CHARS + 0xFF)
        .contains(&c)
        .then(|| (c - BYTE_CHARS) as u8)
}

/// A literal's bytes: UTF-8, except the byte escapes above 0x7F (see [`byte_char`]).
pub fn literal_bytes(s: &str) -> Vec<u8> {
    if !s.chars().any(|c| literal_byte(c).is_some()) {
        return s.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match literal_byte(c) {
            Some(b) => out.push(b),
            None => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    out
}

/// Processes the escapes of a raw string body (Elixir's `unescape_chars/2`).
fn unescape(raw: &str, escapes: Escapes) -> Result<String, String> {
    if escapes == Escapes::None || !raw.contains('\\') {
        return Ok(raw.to_string());
    }
    let regex = escapes == Escapes::Regex;
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('\\') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i + 1..).unwrap_or_default();
        let mut chars = after.chars();
        let Some(c) = chars.next() else {
            out.push('\\');
            rest = "";
            break;
        };
        let tail = chars.as_str();
        rest = match c {
            'x' if !regex => {
                const MSG: &str = "invalid hex escape character, expected \\xHH where H is a \
                                   hexadecimal digit. Syntax error after: \\x";
                let n = hex_run(tail, 2);
                if n == 2 {
                    let digits = tail.get(..2).unwrap_or_default();
                    let byte = u8::from_str_radix(digits, 16).map_err(|_| MSG.to_string())?;
                    out.push(byte_char(byte));
                    tail.get(2..).unwrap_or_default()
                } else if n == 1 {
                    push_code_point(&mut out, tail.get(..1).unwrap_or_default())?;
                    tail.get(1..).unwrap_or_default()
                } else if let Some((digits, len)) = braced_hex(tail) {
                    push_code_point(&mut out, digits)?;
                    tail.get(len..).unwrap_or_default()
                } else {
                    return Err(MSG.to_string());
                }
            }
            'u' if !regex => {
                let msg = |m: String| format!("{m}. Syntax error after: \\u");
                if hex_run(tail, 4) == 4 {
                    push_code_point(&mut out, tail.get(..4).unwrap_or_default()).map_err(msg)?;
                    tail.get(4..).unwrap_or_default()
                } else if let Some((digits, len)) = braced_hex(tail) {
                    push_code_point(&mut out, digits).map_err(msg)?;
                    tail.get(len..).unwrap_or_default()
                } else {
                    return Err(
                        "invalid Unicode escape character, expected \\uHHHH or \\u{H*} \
                                where H is a hexadecimal digit. Syntax error after: \\u"
                            .to_string(),
                    );
                }
            }
            '\n' => tail,
            '\r' if tail.starts_with('\n') => tail.get(1..).unwrap_or_default(),
            c if regex => {
                match unescape_regex_char(c) {
                    Some(e) => out.push(e),
                    None => {
                        out.push('\\');
                        out.push(c);
                    }
                }
                tail
            }
            c => {
                out.push(unescape_char(c));
                tail
            }
        };
    }
    out.push_str(rest);
    Ok(out)
}

/// Elixir's `extract_heredoc_indent`: removes up to `indent` spaces or tabs after every
/// newline of the literal parts, then the newline put in front of the body.
fn strip_heredoc(parts: Vec<StrPart>, indent: usize) -> Vec<StrPart> {
    let mut out = Vec::with_capacity(parts.len());
    for (index, part) in parts.into_iter().enumerate() {
        match part {
            StrPart::Lit(text) => {
                let mut stripped = String::with_capacity(text.len());
                let mut lines = text.split('\n');
                if let Some(first) = lines.next() {
                    stripped.push_str(first);
                }
                for line in lines {
                    stripped.push('\n');
                    let bytes = line.as_bytes();
                    let mut skip = 0;
                    while skip < indent && bytes.get(skip).copied().is_some_and(is_hspace) {
                        skip += 1;
                    }
                    stripped.push_str(line.get(skip..).unwrap_or_default());
                }
                if index == 0 {
                    if let Some(rest) = stripped.strip_prefix('\n') {
                        stripped = rest.to_string();
                    }
                }
                out.push(StrPart::Lit(stripped));
            }
            interp => out.push(interp),
        }
    }
    out
}

struct Lexer<'s> {
    src: &'s str,
    /// Current `#{` nesting.
    depth: usize,
}

impl<'s> Lexer<'s> {
    fn byte(&self, pos: usize) -> Option<u8> {
        self.src.as_bytes().get(pos).copied()
    }

    fn rest(&self, pos: usize) -> &'s str {
        self.src.get(pos..).unwrap_or_default()
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        self.rest(pos).chars().next()
    }

    /// 1-based line of a byte offset.
    fn line(&self, pos: usize) -> usize {
        let before = self.src.as_bytes().get(..pos).unwrap_or_default();
        before.iter().filter(|&&b| b == b'\n').count() + 1
    }

    /// 1-based column (in characters) of a byte offset.
    fn column(&self, pos: usize) -> usize {
        let before = self.src.as_bytes().get(..pos).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        self.src
            .get(line_start..pos)
            .map_or(0, |s| s.chars().count())
            + 1
    }

    fn err(&self, message: impl Into<String>, start: usize, end: usize) -> LexError {
        LexError {
            message: message.into(),
            start,
            end,
            incomplete: false,
        }
    }

    /// Elixir's "unexpected token" error for the character at `pos`.
    fn unexpected(&self, pos: usize) -> LexError {
        let Some(c) = self.char_at(pos) else {
            return self.err("unexpected end of input", pos, pos);
        };
        let what = match char_name(c) {
            Some(name) => name.to_string(),
            None => format!("\"{c}\""),
        };
        let message = format!(
            "unexpected token: {what} (column {}, code point U+{:04X})",
            self.column(pos),
            u32::from(c)
        );
        self.err(message, pos, pos + c.len_utf8())
    }

    /// Skips spaces and tabs from `pos`.
    fn skip_hspace(&self, mut pos: usize) -> usize {
        while self.byte(pos).is_some_and(is_hspace) {
            pos += 1;
        }
        pos
    }

    /// Extends an identifier ending at `end` over non-ASCII letters and digits (and `@` in
    /// atoms), then a final `?` or `!`.
    fn ident_end(&self, start: usize, mut end: usize, allow_at: bool) -> usize {
        let name = self.src.get(start..end).unwrap_or_default();
        if name.ends_with(['?', '!']) {
            return end;
        }
        while let Some(c) = self.char_at(end) {
            if c.is_alphanumeric() || c == '_' || (allow_at && c == '@') {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        if matches!(self.byte(end), Some(b'?' | b'!')) {
            end += 1;
        }
        end
    }

    /// Tokenizes from `start` to the end of input or, inside an interpolation, to the `}`
    /// that closes it (returning that `}`'s offset).
    fn run(&mut self, start: usize, interp: bool) -> Result<(Vec<Spanned>, usize), LexError> {
        let mut toks: Vec<Spanned> = Vec::new();
        let mut pos = start;
        let mut curly = 0usize;
        loop {
            let rest = self.rest(pos);
            let Some(&first) = rest.as_bytes().first() else {
                if interp {
                    return Err(LexError {
                        message: MISSING_INTERPOLATION.to_string(),
                        start: pos,
                        end: pos,
                        incomplete: true,
                    });
                }
                return Ok((toks, pos));
            };
            if let Some((name, len)) = special_kw(rest) {
                toks.push((pos, Tok::KwIdentifier(name.to_string()), pos + len));
                pos += len;
                continue;
            }
            match first {
                b'"' | b'\'' => {
                    pos = self.quoted(&mut toks, pos)?;
                    continue;
                }
                b'~' if rest.as_bytes().get(1).is_some_and(u8::is_ascii_alphabetic) => {
                    pos = self.sigil(&mut toks, pos)?;
                    continue;
                }
                b'?' => {
                    pos = self.char_literal(&mut toks, pos)?;
                    continue;
                }
                b':' => {
                    pos = self.colon(&mut toks, pos)?;
                    continue;
                }
                _ => {}
            }
            match self.plain(&mut toks, pos, &mut curly, interp)? {
                Flow::Next(next) => pos = next,
                Flow::Close(brace) => return Ok((toks, brace)),
            }
        }
    }

    /// One context-free token at `pos` (kept out of [`Self::run`] so that the frames of
    /// the interpolation recursion stay small).
    #[inline(never)]
    fn plain(
        &mut self,
        toks: &mut Vec<Spanned>,
        pos: usize,
        curly: &mut usize,
        interp: bool,
    ) -> Result<Flow, LexError> {
        let rest = self.rest(pos);
        let mut raw = Raw::lexer(rest);
        let result = raw.next();
        let span = raw.span();
        let (start, end) = (pos + span.start, pos + span.end);
        let Some(Ok(kind)) = result else {
            if rest == "\\" {
                return Err(LexError {
                    message: "invalid escape \\ at end of file".to_string(),
                    start: pos,
                    end: pos + 1,
                    incomplete: true,
                });
            }
            return self.non_ascii_ident(toks, pos).map(Flow::Next);
        };
        let next = match kind {
            Raw::HSpace => self.after_space(toks, end),
            Raw::Newline => {
                push_eol(toks, start, end);
                end
            }
            Raw::Continuation => {
                if end >= self.src.len() {
                    return Err(LexError {
                        message: "invalid escape \\ at end of file".to_string(),
                        start,
                        end,
                        incomplete: true,
                    });
                }
                end
            }
            Raw::Comment => self.comment(toks, start)?,
            Raw::Ident | Raw::Alias => {
                let end = self.ident_end(start, end, false);
                self.identifier(toks, start, end, kind == Raw::Alias)?
            }
            Raw::Digits => self.number(toks, start)?,
            Raw::At => self.op(toks, start, end, Tok::AtOp, "@", OpStyle::Unary),
            Raw::Amp => self.capture(toks, start, end),
            Raw::Unary(Op::Pin) if rest.starts_with("^^^") => {
                self.op(toks, start, start + 3, Tok::XorOp, "^^^", OpStyle::Binary)
            }
            Raw::Unary(op) => self.op(
                toks,
                start,
                end,
                Tok::UnaryOp(op),
                op.as_str(),
                OpStyle::Unary,
            ),
            Raw::Dual(op) => self.op(
                toks,
                start,
                end,
                Tok::DualOp(op),
                op.as_str(),
                OpStyle::Unary,
            ),
            Raw::Mult(op) => self.op(
                toks,
                start,
                end,
                Tok::MultOp(op),
                op.as_str(),
                OpStyle::Binary,
            ),
            Raw::Pow => self.op(toks, start, end, Tok::PowerOp, "**", OpStyle::Binary),
            Raw::Concat(op) => self.op(
                toks,
                start,
                end,
                Tok::ConcatOp(op),
                op.as_str(),
                OpStyle::Binary,
            ),
            Raw::Range if rest.starts_with("..//") => {
                let end = start + 4;
                if self.byte(self.skip_hspace(end)) == Some(b'/') {
                    toks.push((start, Tok::Identifier("..//".to_string()), end));
                    end
                } else {
                    return Err(self.unexpected(start));
                }
            }
            Raw::Range => self.op(toks, start, end, Tok::RangeOp, "..", OpStyle::Binary),
            Raw::Ellipsis => {
                // Elixir 1.14 tokenizes `...` as an identifier.
                let tok = call_identifier("...", self.rest(end));
                toks.push((start, tok, end));
                end
            }
            Raw::Ternary => {
                add_with_eol(toks, (start, Tok::TernaryOp, end));
                end
            }
            Raw::And(op) => self.op(
                toks,
                start,
                end,
                Tok::AndOp(op),
                op.as_str(),
                OpStyle::Binary,
            ),
            Raw::Or(op) => self.op(
                toks,
                start,
                end,
                Tok::OrOp(op),
                op.as_str(),
                OpStyle::Binary,
            ),
            Raw::InMatch(op) => self.op(
                toks,
                start,
                end,
                Tok::InMatchOp(op),
                op.as_str(),
                OpStyle::Binary,
            ),
            Raw::Pipe => self.op(toks, start, end, Tok::PipeOp, "|", OpStyle::Binary),
            Raw::Stab => self.op(toks, start, end, Tok::StabOp, "->", OpStyle::Binary),
            Raw::Assoc => {
                add_with_eol(toks, (start, Tok::AssocOp, end));
                end
            }
            Raw::Comp(op) => self.op(
                toks,
                start,
                end,
                Tok::CompOp(op),
                op.as_str(),
                OpStyle::Binary,
            ),
            Raw::Rel(Op::Lt) if rest.starts_with("<|>") => {
                let (tok, text) = (Tok::ArrowOp(Op::LtPipeGt), "<|>");
                self.op(toks, start, start + 3, tok, text, OpStyle::Binary)
            }
            Raw::Rel(op) => self.op(
                toks,
                start,
                end,
                Tok::RelOp(op),
                op.as_str(),
                OpStyle::Binary,
            ),
            Raw::Arrow(op) => self.op(
                toks,
                start,
                end,
                Tok::ArrowOp(op),
                op.as_str(),
                OpStyle::Binary,
            ),
            Raw::Match => self.op(toks, start, end, Tok::MatchOp, "=", OpStyle::Binary),
            Raw::Dot => self.dot(toks, start)?,
            Raw::Comma => {
                toks.push((start, Tok::Comma, end));
                end
            }
            Raw::Semi => {
                if matches!(toks.last(), Some((_, Tok::Semi, _))) {
                    return Err(self.unexpected(start));
                }
                toks.push((start, Tok::Semi, end));
                end
            }
            Raw::LParen => {
                if let Some((_, Tok::Alias(name), _)) = toks.last() {
                    return Err(self.err(
                        format!(
                            "unexpected ( after alias {name}. Function names and \
                             identifiers in Elixir start with lowercase characters or \
                             underscore. For example:\n\n    hello_world()\n    \
                             _starting_with_underscore()\n    numb3rs_are_allowed()\n    \
                             may_finish_with_question_mark?()\n    \
                             may_finish_with_exclamation_mark!()\n\nUnexpected token: ("
                        ),
                        start,
                        end,
                    ));
                }
                toks.push((start, Tok::LParen, end));
                end
            }
            Raw::RParen => {
                toks.push((start, Tok::RParen, end));
                end
            }
            Raw::LBracket => {
                toks.push((start, Tok::LBracket, end));
                end
            }
            Raw::RBracket => {
                toks.push((start, Tok::RBracket, end));
                end
            }
            Raw::LCurly => {
                *curly += 1;
                toks.push((start, Tok::LCurly, end));
                end
            }
            Raw::RCurly => {
                if interp && *curly == 0 {
                    return Ok(Flow::Close(start));
                }
                *curly = curly.saturating_sub(1);
                toks.push((start, Tok::RCurly, end));
                end
            }
            Raw::LBit => {
                toks.push((start, Tok::LBit, end));
                end
            }
            Raw::RBit => {
                toks.push((start, Tok::RBit, end));
                end
            }
            Raw::Percent => match self.byte(end) {
                Some(b'{') => {
                    *curly += 1;
                    toks.push((start, Tok::MapOp, end));
                    toks.push((end, Tok::LCurly, end + 1));
                    end + 1
                }
                Some(c @ (b'(' | b'[')) => {
                    return Err(self.err(
                        format!("expected %{{ to define a map, got: %{}", char::from(c)),
                        start,
                        end + 1,
                    ));
                }
                _ => {
                    toks.push((start, Tok::Percent, end));
                    end
                }
            },
        };
        Ok(Flow::Next(next))
    }

    /// After spaces: `foo -1` makes `foo` an `OpIdentifier` (Elixir's
    /// `handle_space_sensitive_tokens`).
    fn after_space(&self, toks: &mut Vec<Spanned>, pos: usize) -> usize {
        let (Some(sign @ (b'+' | b'-')), Some(next)) = (self.byte(pos), self.byte(pos + 1)) else {
            return pos;
        };
        if is_space(next) || b"([<{%+-/>:".contains(&next) {
            return pos;
        }
        let Some((_, last, _)) = toks.last_mut() else {
            return pos;
        };
        let Tok::Identifier(name) = last else {
            return pos;
        };
        *last = Tok::OpIdentifier(std::mem::take(name));
        let op = if sign == b'+' { Op::Plus } else { Op::Minus };
        toks.push((pos, Tok::DualOp(op), pos + 1));
        pos + 1
    }

    /// `# ...` up to the end of the line.
    fn comment(&self, toks: &mut [Spanned], start: usize) -> Result<usize, LexError> {
        let rest = self.rest(start);
        let len = rest.find('\n').unwrap_or(rest.len());
        let mut end = start + len;
        if len > 0 && self.byte(end - 1) == Some(b'\r') && self.byte(end) == Some(b'\n') {
            end -= 1;
        }
        let text = self.src.get(start..end).unwrap_or_default();
        if let Some(c) = text.chars().find(|&c| is_bidi(c)) {
            return Err(self.err(
                format!(
                    "invalid bidirectional formatting character in comment: \\u{:04X}",
                    u32::from(c)
                ),
                start,
                end,
            ));
        }
        if let Some((_, Tok::Eol(n), _)) = toks.last_mut() {
            *n = 0;
        }
        Ok(end)
    }

    /// An operator, with Elixir's `handle_op` rules: followed by `: ` it is a keyword
    /// (`+: 1`), followed by `/` it is a function name (`&+/2`).
    fn op(
        &self,
        toks: &mut Vec<Spanned>,
        start: usize,
        end: usize,
        tok: Tok,
        text: &str,
        style: OpStyle,
    ) -> usize {
        if self.byte(end) == Some(b':') && self.byte(end + 1).is_some_and(is_space) {
            toks.push((start, Tok::KwIdentifier(text.to_string()), end + 1));
            return end + 1;
        }
        if self.byte(self.skip_hspace(end)) == Some(b'/') {
            toks.push((start, Tok::Identifier(text.to_string()), end));
            return end;
        }
        match style {
            OpStyle::Binary => add_with_eol(toks, (start, tok, end)),
            OpStyle::Unary => toks.push((start, tok, end)),
        }
        end
    }

    /// `&`: a capture, `&1` (`CaptureInt` then the integer), or `&/2` (a function name).
    fn capture(&self, toks: &mut Vec<Spanned>, start: usize, end: usize) -> usize {
        let after = self.skip_hspace(end);
        let tok = match self.byte(after) {
            Some(b'0'..=b'9') if after == end => Tok::CaptureInt,
            Some(b'/') if self.byte(self.skip_hspace(after + 1)) != Some(b'/') => {
                Tok::Identifier("&".to_string())
            }
            _ => Tok::CaptureOp,
        };
        toks.push((start, tok, end));
        end
    }

    /// Skips digits (as told by `ok`) and `_` followed by such a digit.
    fn digits(&self, mut pos: usize, ok: IsDigit) -> usize {
        loop {
            match self.byte(pos) {
                Some(b) if ok(&b) => pos += 1,
                Some(b'_') if self.byte(pos + 1).as_ref().is_some_and(ok) => pos += 2,
                _ => return pos,
            }
        }
    }

    /// A number starting at `start` (Elixir's `tokenize_number` and `tokenize_hex` ...):
    /// `0x1F`, `0o17`, `0b101`, `1_000`, `1.0e-3`.
    fn number(&self, toks: &mut Vec<Spanned>, start: usize) -> Result<usize, LexError> {
        fn is_octal(b: &u8) -> bool {
            matches!(b, b'0'..=b'7')
        }
        fn is_binary(b: &u8) -> bool {
            matches!(b, b'0' | b'1')
        }
        if self.byte(start) == Some(b'0') {
            let radix: Option<(u32, IsDigit)> = match self.byte(start + 1) {
                Some(b'x') => Some((16, u8::is_ascii_hexdigit)),
                Some(b'o') => Some((8, is_octal)),
                Some(b'b') => Some((2, is_binary)),
                _ => None,
            };
            if let Some((radix, ok)) = radix {
                if self.byte(start + 2).as_ref().is_some_and(ok) {
                    let end = self.digits(start + 2, ok);
                    let digits: String = self
                        .src
                        .get(start + 2..end)
                        .unwrap_or_default()
                        .chars()
                        .filter(|&c| c != '_')
                        .collect();
                    let value = BigInt::parse_bytes(digits.as_bytes(), radix)
                        .ok_or_else(|| self.err("invalid integer", start, end))?;
                    toks.push((start, Tok::Int(value), end));
                    return Ok(end);
                }
            }
        }
        let is_digit = u8::is_ascii_digit;
        let mut end = self.digits(start, is_digit);
        let mut float = false;
        if self.byte(end) == Some(b'.') && self.byte(end + 1).as_ref().is_some_and(is_digit) {
            float = true;
            end = self.digits(end + 1, is_digit);
            if matches!(self.byte(end), Some(b'e' | b'E')) {
                if self.byte(end + 1).as_ref().is_some_and(is_digit) {
                    end = self.digits(end + 1, is_digit);
                } else if matches!(self.byte(end + 1), Some(b'+' | b'-'))
                    && self.byte(end + 2).as_ref().is_some_and(is_digit)
                {
                    end = self.digits(end + 2, is_digit);
                }
            }
        }
        self.decimal(toks, start, end, float)
    }

    /// A decimal integer or a float; a letter right after it is an error.
    fn decimal(
        &self,
        toks: &mut Vec<Spanned>,
        start: usize,
        end: usize,
        float: bool,
    ) -> Result<usize, LexError> {
        let text = self.src.get(start..end).unwrap_or_default();
        if let Some(c) = self
            .byte(end)
            .filter(|c| c.is_ascii_alphabetic() || *c == b'_')
        {
            let c = char::from(c);
            return Err(self.err(
                format!(
                    "invalid character \"{c}\" after number {text}. If you intended to write a \
                     number, make sure to separate the number from the character (using comma, \
                     space, etc). If you meant to write a function name or a variable, note that \
                     identifiers in Elixir cannot start with numbers. Unexpected token: {c}"
                ),
                start,
                end + 1,
            ));
        }
        let digits: String = text.chars().filter(|&c| c != '_').collect();
        let tok = if float {
            match digits.parse::<f64>() {
                Ok(value) if value.is_finite() => Tok::Flt(value),
                _ => return Err(self.err(format!("invalid float number {text}"), start, end)),
            }
        } else {
            let value = BigInt::parse_bytes(digits.as_bytes(), 10)
                .ok_or_else(|| self.err(format!("invalid integer {text}"), start, end))?;
            Tok::Int(value)
        };
        toks.push((start, tok, end));
        Ok(end)
    }

    /// An identifier that starts with a non-ASCII letter (the DFA only knows ASCII).
    fn non_ascii_ident(&self, toks: &mut Vec<Spanned>, pos: usize) -> Result<usize, LexError> {
        match self.char_at(pos) {
            Some(c) if !c.is_ascii() && c.is_alphabetic() => {
                let end = self.ident_end(pos, pos + c.len_utf8(), false);
                self.identifier(toks, pos, end, c.is_uppercase())
            }
            _ => Err(self.unexpected(pos)),
        }
    }

    /// An identifier, alias or keyword at `start..end` (Elixir's identifier clause of
    /// `tokenize/5` and `tokenize_keyword/8`).
    fn identifier(
        &self,
        toks: &mut Vec<Spanned>,
        start: usize,
        end: usize,
        alias: bool,
    ) -> Result<usize, LexError> {
        let name = self.src.get(start..end).unwrap_or_default();
        let rest = self.rest(end);
        let after_dot = matches!(toks.last(), Some((_, Tok::Dot, _)));
        let maybe_keyword = !after_dot && (!rest.starts_with(':') || rest.starts_with("::"));
        if !alias && maybe_keyword {
            if let Some(next) = self.keyword(toks, start, end, name)? {
                return Ok(next);
            }
        }
        if rest.starts_with(':') {
            match self.byte(end + 1) {
                Some(c) if is_space(c) => {
                    check_atom_length(name).map_err(|m| self.err(m, start, end))?;
                    toks.push((start, Tok::KwIdentifier(name.to_string()), end + 1));
                    return Ok(end + 1);
                }
                Some(c) if c != b':' => {
                    return Err(self.err(
                        format!("keyword argument must be followed by space after: {name}:"),
                        start,
                        end + 1,
                    ));
                }
                _ => {}
            }
        }
        if rest.starts_with('@') {
            let whole = self.ident_end(start, end, true);
            let text = self.src.get(start..whole).unwrap_or(name);
            let what = if alias { "alias" } else { "identifier" };
            return Err(self.err(
                format!("invalid character \"@\" (code point U+0040) in {what}: {text}"),
                start,
                whole,
            ));
        }
        if name == "__aliases__" || name == "__block__" {
            return Err(self.err(format!("reserved token: {name}"), start, end));
        }
        check_atom_length(name).map_err(|m| self.err(m, start, end))?;
        if alias {
            if let Some(c) = name
                .chars()
                .find(|&c| !c.is_ascii_alphanumeric() && c != '_')
            {
                return Err(self.err(
                    format!(
                        "invalid character \"{c}\" (code point U+{:04X}) in alias (only ASCII \
                         characters, without punctuation, are allowed): {name}",
                        u32::from(c)
                    ),
                    start,
                    end,
                ));
            }
            toks.push((start, Tok::Alias(name.to_string()), end));
        } else {
            toks.push((start, call_identifier(name, rest), end));
        }
        Ok(end)
    }

    /// Keywords; `None` when `name` is not one.
    fn keyword(
        &self,
        toks: &mut Vec<Spanned>,
        start: usize,
        end: usize,
        name: &str,
    ) -> Result<Option<usize>, LexError> {
        let tok = match name {
            "fn" => Tok::Fn,
            "end" => Tok::End,
            "true" => Tok::True,
            "false" => Tok::False,
            "nil" => Tok::Nil,
            "else" | "after" | "catch" | "rescue" => Tok::BlockIdentifier(name.to_string()),
            "do" => {
                let mut converted = false;
                if let Some((_, last, _)) = toks.last_mut() {
                    if let Tok::Identifier(id) = last {
                        *last = Tok::DoIdentifier(std::mem::take(id));
                        converted = true;
                    }
                }
                match toks.last() {
                    _ if converted => toks.push((start, Tok::Do, end)),
                    Some((_, Tok::Fn, _)) => {
                        return Err(self.err(
                            "unexpected reserved word: do. Anonymous functions are written \
                             as:\n\n    fn pattern -> expression end\n\nPlease remove the \
                             \"do\" keyword",
                            start,
                            end,
                        ));
                    }
                    Some((_, Tok::Comma | Tok::Semi, _)) => {
                        return Err(self.err(
                            "unexpected reserved word: do. In case you wanted to write a \
                             \"do\" expression, you must either use do-blocks or separate the \
                             keyword argument with comma. For example, you should either \
                             write:\n\n    if some_condition? do\n      :this\n    else\n      \
                             :that\n    end\n\nor the equivalent construct:\n\n    \
                             if(some_condition?, do: :this, else: :that)\n\nwhere \
                             \"some_condition?\" is the first argument and the second \
                             argument is a keyword list.\n\nYou may see this error if you \
                             forget a trailing comma before the \"do\" in a \"do\" block",
                            start,
                            end,
                        ));
                    }
                    _ => add_with_eol(toks, (start, Tok::Do, end)),
                }
                return Ok(Some(end));
            }
            "not" | "and" | "or" | "when" | "in" => {
                if self.byte(self.skip_hspace(end)) == Some(b'/') {
                    toks.push((start, Tok::Identifier(name.to_string()), end));
                    return Ok(Some(end));
                }
                match name {
                    "not" => toks.push((start, Tok::UnaryOp(Op::Not), end)),
                    "and" => add_with_eol(toks, (start, Tok::AndOp(Op::And), end)),
                    "or" => add_with_eol(toks, (start, Tok::OrOp(Op::Or), end)),
                    "when" => add_with_eol(toks, (start, Tok::WhenOp, end)),
                    _ => {
                        if let Some((not_start, Tok::UnaryOp(Op::Not), _)) = toks.last() {
                            let not_start = *not_start;
                            toks.pop();
                            add_with_eol(toks, (not_start, Tok::InOp(Op::NotIn), end));
                        } else {
                            add_with_eol(toks, (start, Tok::InOp(Op::In), end));
                        }
                    }
                }
                return Ok(Some(end));
            }
            _ => return Ok(None),
        };
        toks.push((start, tok, end));
        Ok(Some(end))
    }

    /// `.`: skips spaces, newlines and comments after it, then a function name that is an
    /// operator (`Kernel.+`), `.(` (`DotCallOp`), a quoted name (`mod."fun"`) or a plain dot.
    fn dot(&mut self, toks: &mut Vec<Spanned>, start: usize) -> Result<usize, LexError> {
        let dot_end = start + 1;
        let mut pos = dot_end;
        loop {
            pos = self.skip_hspace(pos);
            match self.byte(pos) {
                Some(b'#') => {
                    let mut ignored = Vec::new();
                    pos = self.comment(&mut ignored, pos)?;
                }
                Some(b'\n') => pos += 1,
                Some(b'\r') if self.byte(pos + 1) == Some(b'\n') => pos += 2,
                _ => break,
            }
        }
        let rest = self.rest(pos);
        if let Some(len) = dot_op_len(rest) {
            let name = rest.get(..len).unwrap_or_default();
            add_with_eol(toks, (start, Tok::Dot, dot_end));
            let tok = call_identifier(name, self.rest(pos + len));
            toks.push((pos, tok, pos + len));
            return Ok(pos + len);
        }
        match self.byte(pos) {
            Some(b'(') => {
                add_with_eol(toks, (start, Tok::DotCallOp, dot_end));
                Ok(pos)
            }
            Some(q @ (b'"' | b'\'')) => {
                // Without interpolation: it is an error here, and the `.` is not on the
                // path of the interpolation recursion.
                let ex = self.extract(pos + 1, Closer::Char(q), false, "function name", pos)?;
                let name = match ex.parts.as_slice() {
                    [] => String::new(),
                    [StrPart::Lit(raw)] if !has_interpolation(raw) => {
                        unescape(raw, Escapes::Default).map_err(|m| self.err(m, pos, ex.end))?
                    }
                    _ => {
                        return Err(self.err(
                            format!(
                                "interpolation is not allowed when calling function/macro. \
                                 Found interpolation in a call starting with: {}",
                                char::from(q)
                            ),
                            pos,
                            ex.end,
                        ));
                    }
                };
                check_atom_length(&name).map_err(|m| self.err(m, pos, ex.end))?;
                add_with_eol(toks, (start, Tok::Dot, dot_end));
                let tok = call_identifier(&name, self.rest(ex.end));
                toks.push((pos, tok, ex.end));
                Ok(ex.end)
            }
            _ => {
                add_with_eol(toks, (start, Tok::Dot, dot_end));
                Ok(pos)
            }
        }
    }

    /// Everything that starts with `:`: operator atoms, `::`, quoted atoms, plain atoms.
    fn colon(&mut self, toks: &mut Vec<Spanned>, start: usize) -> Result<usize, LexError> {
        let rest = self.rest(start);
        let after = rest.get(1..).unwrap_or_default();
        let atom = |toks: &mut Vec<Spanned>, name: &str, len: usize| {
            toks.push((start, Tok::Atom(name.to_string()), start + len));
            start + len
        };
        for special in ["<<>>", "%{}", "%", "{}", "...", "..//"] {
            if after.starts_with(special) {
                return Ok(atom(toks, special, special.len() + 1));
            }
        }
        if let Some(op) = OPS3.iter().find(|op| after.starts_with(**op)) {
            return Ok(atom(toks, op, 4));
        }
        if after.starts_with("::") {
            return Ok(atom(toks, "::", 3));
        }
        if let Some(op) = ATOM_OPS2.iter().find(|op| after.starts_with(**op)) {
            return Ok(atom(toks, op, 3));
        }
        if let Some(&c) = after.as_bytes().first().filter(|c| ATOM_OPS1.contains(c)) {
            return Ok(atom(toks, &char::from(c).to_string(), 2));
        }
        if after.starts_with(':') {
            let end = start + 2;
            return Ok(self.op(toks, start, end, Tok::TypeOp, "::", OpStyle::Binary));
        }
        if let Some(q @ (b'"' | b'\'')) = after.as_bytes().first().copied() {
            let ex = self.extract(start + 2, Closer::Char(q), true, "atom", start)?;
            let parts =
                finish(ex.parts, Escapes::Default).map_err(|m| self.err(m, start, ex.end))?;
            let tok = match parts.as_slice() {
                [StrPart::Lit(name)] => {
                    check_quoted_atom_length(name).map_err(|m| self.err(m, start, ex.end))?;
                    Tok::Atom(name.clone())
                }
                _ => Tok::AtomInterpolated(parts),
            };
            toks.push((start, tok, ex.end));
            return Ok(ex.end);
        }
        let ident_start = start + 1;
        let mut raw = Raw::lexer(after);
        let ident = match raw.next() {
            Some(Ok(Raw::Ident | Raw::Alias)) => Some(ident_start + raw.span().end),
            _ => match self.char_at(ident_start) {
                Some(c) if !c.is_ascii() && c.is_alphabetic() => Some(ident_start + c.len_utf8()),
                _ => None,
            },
        };
        let Some(end) = ident else {
            return Err(self.unexpected(start));
        };
        let end = self.ident_end(ident_start, end, true);
        let name = self.src.get(ident_start..end).unwrap_or_default();
        check_atom_length(name).map_err(|m| self.err(m, start, end))?;
        toks.push((start, Tok::Atom(name.to_string()), end));
        Ok(end)
    }

    /// `?a`, `?\n`.
    fn char_literal(&self, toks: &mut Vec<Spanned>, start: usize) -> Result<usize, LexError> {
        let mut chars = self.rest(start + 1).chars();
        let (value, len) = match (chars.next(), chars.next()) {
            (Some('\\'), Some(c)) => (unescape_char(c), 1 + c.len_utf8()),
            (Some(c), _) => (c, c.len_utf8()),
            (None, _) => return Err(self.unexpected(start)),
        };
        let end = start + 1 + len;
        toks.push((start, Tok::Char(u32::from(value)), end));
        Ok(end)
    }

    /// `"..."`, `'...'`, `"""` and `'''` heredocs, `"quoted": ` keywords.
    fn quoted(&mut self, toks: &mut Vec<Spanned>, start: usize) -> Result<usize, LexError> {
        let Some(q) = self.byte(start) else {
            return Err(self.unexpected(start));
        };
        let triple = if q == b'"' { "\"\"\"" } else { "'''" };
        if self.rest(start).starts_with(triple) {
            let (parts, end) = self.heredoc(start, start + 3, q, Escapes::Default)?;
            let tok = if q == b'"' {
                Tok::BinHeredoc(parts)
            } else {
                Tok::ListHeredoc(parts)
            };
            toks.push((start, tok, end));
            return Ok(end);
        }
        let ex = self.extract(start + 1, Closer::Char(q), true, "string", start)?;
        let parts = finish(ex.parts, Escapes::Default).map_err(|m| self.err(m, start, ex.end))?;
        let end = ex.end;
        if self.byte(end) == Some(b':') && self.byte(end + 1).is_some_and(is_space) {
            if let [StrPart::Lit(name)] = parts.as_slice() {
                check_quoted_atom_length(name).map_err(|m| self.err(m, start, end))?;
            }
            toks.push((start, Tok::KwIdentifierQuoted(parts), end + 1));
            return Ok(end + 1);
        }
        let tok = if q == b'"' {
            Tok::BinString(parts)
        } else {
            Tok::ListString(parts)
        };
        toks.push((start, tok, end));
        Ok(end)
    }

    /// A heredoc whose `"""` (or `'''`) starts at `start` and ends at `after_open`.
    fn heredoc(
        &mut self,
        start: usize,
        after_open: usize,
        q: u8,
        escapes: Escapes,
    ) -> Result<(Vec<StrPart>, usize), LexError> {
        let mut pos = self.skip_hspace(after_open);
        match self.byte(pos) {
            Some(b'\n') => pos += 1,
            Some(b'\r') if self.byte(pos + 1) == Some(b'\n') => pos += 2,
            _ => {
                let delimiter = char::from(q).to_string().repeat(3);
                return Err(self.err(
                    format!(
                        "heredoc allows only zero or more whitespace characters followed by a \
                         new line after {delimiter}"
                    ),
                    start,
                    after_open,
                ));
            }
        }
        let ex = self.extract(
            pos,
            Closer::Triple(q),
            escapes != Escapes::None,
            "heredoc",
            start,
        )?;
        let parts = strip_heredoc(ex.parts, ex.indent);
        let parts = finish(parts, escapes).map_err(|m| self.err(m, start, ex.end))?;
        Ok((parts, ex.end))
    }

    /// `~x(...)mods`: one letter, a delimiter, the body, modifier letters and digits.
    fn sigil(&mut self, toks: &mut Vec<Spanned>, start: usize) -> Result<usize, LexError> {
        let Some(letter) = self.byte(start + 1) else {
            return Err(self.unexpected(start));
        };
        let escapes = match letter {
            b'r' => Escapes::Regex,
            b'a'..=b'z' => Escapes::Default,
            _ => Escapes::None,
        };
        let interpol = letter.is_ascii_lowercase();
        let open = start + 2;
        let rest = self.rest(open);
        let (parts, end, delimiter) = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
            let q = self.byte(open).unwrap_or(b'"');
            let (parts, end) = self.heredoc(start, open + 3, q, escapes)?;
            (parts, end, rest.get(..3).unwrap_or_default().to_string())
        } else {
            let closer = match self.byte(open) {
                Some(b'(') => b')',
                Some(b'[') => b']',
                Some(b'{') => b'}',
                Some(b'<') => b'>',
                Some(c @ (b'/' | b'|' | b'"' | b'\'')) => c,
                Some(_) => {
                    let c = self.char_at(open).unwrap_or('?');
                    return Err(self.err(
                        format!(
                            "invalid sigil delimiter: \"{c}\" (column {}, code point U+{:04X}). \
                             The available delimiters are: //, ||, \"\", '', (), [], {{}}, <>",
                            self.column(open),
                            u32::from(c)
                        ),
                        start,
                        open + c.len_utf8(),
                    ));
                }
                None => return Err(self.unexpected(start)),
            };
            let opener = char::from(self.byte(open).unwrap_or(closer));
            let what = format!("sigil ~{}{opener}", char::from(letter));
            let ex = self.extract(open + 1, Closer::Char(closer), interpol, &what, start)?;
            let parts = finish(ex.parts, escapes).map_err(|m| self.err(m, start, ex.end))?;
            (parts, ex.end, opener.to_string())
        };
        let modifiers_len = self
            .rest(end)
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        let modifiers = self
            .src
            .get(end..end + modifiers_len)
            .unwrap_or_default()
            .to_string();
        let end = end + modifiers_len;
        let tok = Tok::Sigil(Box::new(crate::token::SigilTok {
            name: char::from(letter).to_string(),
            parts,
            modifiers,
            delimiter,
        }));
        toks.push((start, tok, end));
        Ok(end)
    }

    /// Elixir's `elixir_interpolation:extract/6`: the raw body of a string-like literal from
    /// `pos` to its closing delimiter, with `#{...}` tokenized when `interpol`. Only an
    /// escaped closing delimiter loses its backslash here; other escapes are processed
    /// later ([`unescape`]). `what` and `open` are for the error messages.
    fn extract(
        &mut self,
        mut pos: usize,
        closer: Closer,
        interpol: bool,
        what: &str,
        open: usize,
    ) -> Result<Extracted, LexError> {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut parts = Vec::new();
        let mut buf = String::new();
        let (first_special, triple) = match closer {
            Closer::Char(c) => (c, None),
            Closer::Triple(c) => {
                buf.push('\n');
                let t = if c == b'"' { "\"\"\"" } else { "'''" };
                if let Some((end, indent)) = self.heredoc_close(pos, t) {
                    return Ok(Extracted {
                        parts: vec![StrPart::Lit(buf)],
                        end,
                        indent,
                    });
                }
                (c, Some(t))
            }
        };
        loop {
            let run_start = pos;
            while let Some(&b) = bytes.get(pos) {
                if b == b'\\' || b == b'\n' || b == first_special || (interpol && b == b'#') {
                    break;
                }
                pos += 1;
            }
            let run = src.get(run_start..pos).unwrap_or_default();
            if !run.is_ascii() {
                if let Some(i) = run.find(is_bidi) {
                    return Err(self.bidi_in_string(run_start + i));
                }
            }
            buf.push_str(run);
            let Some(&b) = bytes.get(pos) else {
                return Err(LexError {
                    message: format!(
                        "missing terminator: {} (for {what} starting at line {})",
                        closer.text(),
                        self.line(open)
                    ),
                    start: open,
                    end: src.len(),
                    incomplete: true,
                });
            };
            let newline = match b {
                b'\\' => match bytes.get(pos + 1).copied() {
                    Some(b'\n') => {
                        buf.push_str("\\\n");
                        pos += 2;
                        true
                    }
                    Some(b'\r') if bytes.get(pos + 2) == Some(&b'\n') => {
                        buf.push_str("\\\r\n");
                        pos += 3;
                        true
                    }
                    Some(c) if closer == Closer::Char(c) => {
                        buf.push(char::from(c));
                        pos += 2;
                        false
                    }
                    Some(_) if triple.is_some_and(|t| self.rest(pos + 1).starts_with(t)) => {
                        buf.push_str(triple.unwrap_or_default());
                        pos += 4;
                        false
                    }
                    Some(b'#') if interpol && bytes.get(pos + 2) == Some(&b'{') => {
                        buf.push_str("\\#{");
                        pos += 3;
                        false
                    }
                    Some(_) => {
                        buf.push('\\');
                        pos += 1;
                        if let Some(c) = self.char_at(pos) {
                            if is_bidi(c) {
                                return Err(self.bidi_in_string(pos));
                            }
                            buf.push(c);
                            pos += c.len_utf8();
                        }
                        false
                    }
                    None => {
                        buf.push('\\');
                        pos += 1;
                        false
                    }
                },
                b'\n' => {
                    buf.push('\n');
                    pos += 1;
                    true
                }
                b'#' if interpol && bytes.get(pos + 1) == Some(&b'{') => {
                    if !buf.is_empty() {
                        parts.push(StrPart::Lit(std::mem::take(&mut buf)));
                    }
                    let close = self.interpolation(pos, what, open)?;
                    let (tokens, brace) = close;
                    parts.push(StrPart::Interp {
                        tokens,
                        start: pos,
                        end: brace + 1,
                    });
                    pos = brace + 1;
                    false
                }
                _ if triple.is_none() && closer == Closer::Char(b) => {
                    if !buf.is_empty() || parts.is_empty() {
                        parts.push(StrPart::Lit(buf));
                    }
                    return Ok(Extracted {
                        parts,
                        end: pos + 1,
                        indent: 0,
                    });
                }
                _ => {
                    buf.push(char::from(b));
                    pos += 1;
                    false
                }
            };
            if newline {
                if let Some(t) = triple {
                    if let Some((end, indent)) = self.heredoc_close(pos, t) {
                        parts.push(StrPart::Lit(buf));
                        return Ok(Extracted { parts, end, indent });
                    }
                }
            }
        }
    }

    /// At the start of a heredoc line: if only spaces come before the closing delimiter,
    /// its end and the indentation.
    fn heredoc_close(&self, pos: usize, triple: &str) -> Option<(usize, usize)> {
        let after = self.skip_hspace(pos);
        self.rest(after)
            .starts_with(triple)
            .then_some((after + 3, after - pos))
    }

    /// `#{...}` at `pos`: the tokens inside and the offset of the closing `}`.
    fn interpolation(
        &mut self,
        pos: usize,
        what: &str,
        open: usize,
    ) -> Result<(Vec<Spanned>, usize), LexError> {
        if self.depth >= MAX_INTERPOLATION_DEPTH {
            return Err(self.err(
                format!(
                    "interpolation nested too deeply (more than {MAX_INTERPOLATION_DEPTH} levels)"
                ),
                pos,
                pos + 2,
            ));
        }
        self.depth += 1;
        let result = self.run(pos + 2, true);
        self.depth -= 1;
        result.map_err(|mut e| {
            if e.message == MISSING_INTERPOLATION {
                e.message = format!("{e} (for {what} starting at line {})", self.line(open));
                e.start = pos;
            }
            e
        })
    }

    fn bidi_in_string(&self, pos: usize) -> LexError {
        let c = self.char_at(pos).unwrap_or('\u{202A}');
        let code = format!("\\u{:04X}", u32::from(c));
        self.err(
            format!(
                "invalid bidirectional formatting character in string: {code}. If you want to \
                 use such character, use it in its escaped {code} form instead"
            ),
            pos,
            pos + c.len_utf8(),
        )
    }
}

/// `.:`, `...:`, `<<>>:`, `%{}:`, `%:`, `&:`, `{}:`, `..//:` followed by a space are
/// keywords.
fn special_kw(rest: &str) -> Option<(&'static str, usize)> {
    if !matches!(
        rest.as_bytes().first(),
        Some(b'.' | b'<' | b'%' | b'&' | b'{')
    ) {
        return None;
    }
    for name in ["...", "..//", ".", "<<>>", "%{}", "%", "&", "{}"] {
        if let Some(after) = rest.strip_prefix(name).and_then(|r| r.strip_prefix(':')) {
            if after.as_bytes().first().copied().is_some_and(is_space) {
                return Some((name, name.len() + 1));
            }
        }
    }
    None
}

/// Whether a raw body (read without interpolation) has an unescaped `#{`.
fn has_interpolation(raw: &str) -> bool {
    let mut escaped = false;
    let mut bytes = raw.bytes().peekable();
    while let Some(b) = bytes.next() {
        if escaped {
            escaped = false;
        } else if b == b'\\' {
            escaped = true;
        } else if b == b'#' && bytes.peek() == Some(&b'{') {
            return true;
        }
    }
    false
}

/// The length of an operator used as a function name after `.`.
fn dot_op_len(rest: &str) -> Option<usize> {
    if OPS3.iter().any(|op| rest.starts_with(op)) {
        Some(3)
    } else if DOT_OPS2.iter().any(|op| rest.starts_with(op)) {
        Some(2)
    } else if rest
        .as_bytes()
        .first()
        .is_some_and(|c| DOT_OPS1.contains(c))
    {
        Some(1)
    } else {
        None
    }
}

/// Elixir's `check_call_identifier`: `foo(` and `foo[` are special.
fn call_identifier(name: &str, rest: &str) -> Tok {
    match rest.as_bytes().first() {
        Some(b'(') => Tok::ParenIdentifier(name.to_string()),
        Some(b'[') => Tok::BracketIdentifier(name.to_string()),
        _ => Tok::Identifier(name.to_string()),
    }
}

/// Elixir's `eol/3`: a newline after `,`, `;` or another newline is merged into it.
fn push_eol(toks: &mut Vec<Spanned>, start: usize, end: usize) {
    match toks.last_mut() {
        Some((_, Tok::Comma | Tok::Semi, _)) => {}
        Some((_, Tok::Eol(n), _)) => *n = n.saturating_add(1),
        _ => toks.push((start, Tok::Eol(1), end)),
    }
}

/// Elixir's `add_token_with_eol/2`: a binary operator at the start of a line continues the
/// expression of the previous line.
fn add_with_eol(toks: &mut Vec<Spanned>, tok: Spanned) {
    if !matches!(tok.1, Tok::UnaryOp(_)) && matches!(toks.last(), Some((_, Tok::Eol(_), _))) {
        toks.pop();
    }
    toks.push(tok);
}

fn check_atom_length(name: &str) -> Result<(), String> {
    if name.chars().count() > 255 {
        return Err(format!(
            "atom length must be less than system limit: {name}"
        ));
    }
    Ok(())
}

fn check_quoted_atom_length(name: &str) -> Result<(), String> {
    if name.len() > 255 {
        return Err(format!(
            "atom length must be less than system limit: {name}"
        ));
    }
    Ok(())
}

/// Processes the escapes of the literal parts, drops empty ones; an empty body is one
/// empty literal.
fn finish(parts: Vec<StrPart>, escapes: Escapes) -> Result<Vec<StrPart>, String> {
    let mut out = Vec::with_capacity(parts.len());
    for part in parts {
        match part {
            StrPart::Lit(raw) => {
                let text = unescape(&raw, escapes)?;
                if !text.is_empty() {
                    out.push(StrPart::Lit(text));
                }
            }
            interp => out.push(interp),
        }
    }
    if out.is_empty() {
        out.push(StrPart::Lit(String::new()));
    }
    Ok(out)
}
