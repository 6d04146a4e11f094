//! Diagnostics: an error with a span, a title, an optional hint, rendered with a source
//! snippet as `file:line:column` (codespan-reporting).
//!
//! A parse error at the end of the input is *incomplete*: the REPL reads another line
//! instead of reporting it.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::NoColor, Config};
use lalrpop_util::ParseError;

use crate::lexer::LexError;
use crate::parser::Error;
use crate::token::Tok;

/// An error in a source file.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// One line: what is wrong.
    pub message: String,
    /// First byte of the offending text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// What to do about it, when we can say.
    pub hint: Option<String>,
    /// The input ended too soon: more input could make it valid.
    pub incomplete: bool,
}

impl Diagnostic {
    /// From a lexer error.
    pub fn from_lex_error(e: &LexError) -> Diagnostic {
        Diagnostic {
            message: e.message.clone(),
            start: e.start,
            end: e.end,
            hint: None,
            incomplete: e.incomplete,
        }
    }

    /// From a parser error; `len` is the length of the source (where end of input is).
    pub fn from_parse_error(e: Error, len: usize) -> Diagnostic {
        match e {
            ParseError::UnrecognizedEof { location, expected } => Diagnostic {
                message: "syntax error: expression is incomplete".into(),
                start: location.min(len),
                end: len,
                hint: hint_for(&expected),
                incomplete: true,
            },
            ParseError::UnrecognizedToken {
                token: (l, tok, r),
                expected,
            } => Diagnostic {
                message: format!("syntax error before: {}", describe(&tok)),
                start: l,
                end: r,
                hint: hint_for(&expected),
                incomplete: false,
            },
            ParseError::ExtraToken { token: (l, tok, r) } => Diagnostic {
                message: format!("syntax error before: {}", describe(&tok)),
                start: l,
                end: r,
                hint: None,
                incomplete: false,
            },
            ParseError::InvalidToken { location } => Diagnostic {
                message: "invalid token".into(),
                start: location,
                end: location + 1,
                hint: None,
                incomplete: false,
            },
            ParseError::User { error } => Diagnostic {
                message: error.message,
                start: error.start,
                end: error.end,
                hint: None,
                incomplete: false,
            },
        }
    }

    /// `file:line:column` of the start.
    pub fn location(&self, file: &str, src: &str) -> String {
        let (line, col) = line_col(src, self.start);
        format!("{file}:{line}:{col}")
    }

    /// The report as Elixir prints it: `** (SyntaxError) file:line:column: message`.
    pub fn elixir_style(&self, file: &str, src: &str) -> String {
        format!(
            "** (SyntaxError) {}: {}",
            self.location(file, src),
            self.message
        )
    }

    /// The full report: location, message, the source line with the span marked, the hint.
    pub fn render(&self, file: &str, src: &str) -> String {
        let files = SimpleFile::new(file, src);
        let start = self.start.min(src.len());
        let end = self.end.clamp(start, src.len());
        let mut report = Report::error()
            .with_message(&self.message)
            .with_labels(vec![Label::primary((), start..end)]);
        if let Some(h) = &self.hint {
            report = report.with_notes(vec![format!("hint: {h}")]);
        }
        let mut out = NoColor::new(Vec::new());
        let config = Config::default();
        if term::emit(&mut out, &config, &files, &report).is_err() {
            return self.elixir_style(file, src);
        }
        String::from_utf8_lossy(&out.into_inner()).into_owned()
    }
}

/// 1-based line and column (in characters) of byte `offset`.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, col)
}

fn hint_for(expected: &[String]) -> Option<String> {
    let wants = |t: &str| expected.iter().any(|e| e.trim_matches('"') == t);
    if wants("end") && expected.len() <= 3 {
        Some("a do-block or fn is missing its `end`".into())
    } else if wants(")") && expected.len() <= 2 {
        Some("a `(` is not closed".into())
    } else if wants("]") && expected.len() <= 2 {
        Some("a `[` is not closed".into())
    } else if wants("}") && expected.len() <= 2 {
        Some("a `{` is not closed".into())
    } else {
        None
    }
}

/// A token as Elixir's messages quote it.
fn describe(t: &Tok) -> String {
    use crate::token::Tok::*;
    match t {
        Identifier(s) | ParenIdentifier(s) | BracketIdentifier(s) | DoIdentifier(s)
        | OpIdentifier(s) | BlockIdentifier(s) | Alias(s) => format!("'{s}'"),
        KwIdentifier(s) => format!("'{s}:'"),
        Atom(s) => format!("':{s}'"),
        Int(i) => format!("\"{i}\""),
        Flt(f) => format!("\"{f}\""),
        Char(c) => format!("\"{c}\""),
        BinString(_) | BinHeredoc(_) => "string".into(),
        ListString(_) | ListHeredoc(_) => "charlist".into(),
        Sigil(s) => format!("sigil ~{}", s.name),
        KwIdentifierQuoted(_) | AtomInterpolated(_) => "quoted atom".into(),
        True => "'true'".into(),
        False => "'false'".into(),
        Nil => "'nil'".into(),
        Do => "'do'".into(),
        End => "'end'".into(),
        Fn => "'fn'".into(),
        AtOp => "'@'".into(),
        CaptureOp | CaptureInt => "'&'".into(),
        UnaryOp(op) | DualOp(op) | MultOp(op) | ConcatOp(op) | AndOp(op) | OrOp(op) | InOp(op)
        | InMatchOp(op) | CompOp(op) | RelOp(op) | ArrowOp(op) => format!("'{}'", op.as_str()),
        PowerOp => "'**'".into(),
        RangeOp | RangeNullary => "'..'".into(),
        EllipsisOp => "'...'".into(),
        TernaryOp => "'//'".into(),
        XorOp => "'^^^'".into(),
        TypeOp => "'::'".into(),
        WhenOp => "'when'".into(),
        PipeOp => "'|'".into(),
        StabOp => "'->'".into(),
        AssocOp => "'=>'".into(),
        MatchOp => "'='".into(),
        DotCallOp | Dot => "'.'".into(),
        Eol(_) => "end of line".into(),
        Semi => "';'".into(),
        Comma => "','".into(),
        LParen => "'('".into(),
        RParen => "')'".into(),
        LBracket => "'['".into(),
        RBracket => "']'".into(),
        LCurly => "'{'".into(),
        RCurly => "'}'".into(),
        LBit => "'<<'".into(),
        RBit => "'>>'".into(),
        MapOp => "'%{}'".into(),
        Percent => "'%'".into(),
    }
}
