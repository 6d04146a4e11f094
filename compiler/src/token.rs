//! Tokens, as Elixir's tokenizer (`elixir_tokenizer.erl`) makes them.
//!
//! The grammar (`grammar.lalrpop`) follows Elixir's yecc grammar, which leans on the
//! tokenizer for context: an identifier right before `(` is a `ParenIdentifier`, right
//! before `[` a `BracketIdentifier`, before ` do` a `DoIdentifier`, before a unary `+`/`-`
//! with space before and none after (`foo -1`) an `OpIdentifier`; `foo:` followed by space
//! is a `KwIdentifier`. Newlines are `Eol` tokens, merged with a preceding `,`, `;` or
//! `Eol` and dropped before a binary operator that starts a line.
//!
//! Every token comes with its byte span in the source: `(start, Tok, end)`.

use num_bigint::BigInt;

/// A token with its byte offsets, as lalrpop takes them.
pub type Spanned = (usize, Tok, usize);

/// A piece of a string, charlist, quoted atom or sigil body.
#[derive(Clone, Debug, PartialEq)]
pub enum StrPart {
    /// Literal text, escapes already processed (or raw, for uppercase sigils).
    Lit(String),
    /// `#{...}`: the tokens inside, with their spans, and the span of the whole `#{...}`.
    Interp {
        /// The tokens between `#{` and `}`.
        tokens: Vec<Spanned>,
        /// Where `#{` starts.
        start: usize,
        /// Where `}` ends.
        end: usize,
    },
}

/// An operator, by its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// `@`
    At,
    /// `&`
    Capture,
    /// `!`
    Bang,
    /// `^`
    Pin,
    /// `not`
    Not,
    /// `~~~`
    BNot,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `**`
    Pow,
    /// `++`
    Concat,
    /// `--`
    Subtract,
    /// `+++`
    TriplePlus,
    /// `---`
    TripleMinus,
    /// `<>`
    StrConcat,
    /// `..`
    Range,
    /// `...`
    Ellipsis,
    /// `//`
    Step,
    /// `^^^`
    BXor,
    /// `&&`
    AndAnd,
    /// `&&&`
    BAnd,
    /// `and`
    And,
    /// `||`
    OrOr,
    /// `|||`
    BOr,
    /// `or`
    Or,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `<-`
    LeftArrow,
    /// `\\`
    Default,
    /// `::`
    Type,
    /// `when`
    When,
    /// `|`
    Pipe,
    /// `->`
    Stab,
    /// `=>`
    Assoc,
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `=~`
    Match_,
    /// `===`
    StrictEq,
    /// `!==`
    StrictNotEq,
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `<=`
    Le,
    /// `>=`
    Ge,
    /// `|>`
    PipeInto,
    /// `<<<`
    Shl,
    /// `>>>`
    Shr,
    /// `<<~`
    LtLtTilde,
    /// `~>>`
    TildeGtGt,
    /// `<~`
    LtTilde,
    /// `~>`
    TildeGt,
    /// `<~>`
    LtTildeGt,
    /// `<|>`
    LtPipeGt,
    /// `=`
    Match,
}

impl Op {
    /// The operator's source text.
    pub fn as_str(self) -> &'static str {
        use Op::*;
        match self {
            At => "@",
            Capture => "&",
            Bang => "!",
            Pin => "^",
            Not => "not",
            BNot => "~~~",
            Plus => "+",
            Minus => "-",
            Mul => "*",
            Div => "/",
            Pow => "**",
            Concat => "++",
            Subtract => "--",
            TriplePlus => "+++",
            TripleMinus => "---",
            StrConcat => "<>",
            Range => "..",
            Ellipsis => "...",
            Step => "//",
            BXor => "^^^",
            AndAnd => "&&",
            BAnd => "&&&",
            And => "and",
            OrOr => "||",
            BOr => "|||",
            Or => "or",
            In => "in",
            NotIn => "not in",
            LeftArrow => "<-",
            Default => "\\\\",
            Type => "::",
            When => "when",
            Pipe => "|",
            Stab => "->",
            Assoc => "=>",
            Eq => "==",
            NotEq => "!=",
            Match_ => "=~",
            StrictEq => "===",
            StrictNotEq => "!==",
            Lt => "<",
            Gt => ">",
            Le => "<=",
            Ge => ">=",
            PipeInto => "|>",
            Shl => "<<<",
            Shr => ">>>",
            LtLtTilde => "<<~",
            TildeGtGt => "~>>",
            LtTilde => "<~",
            TildeGt => "~>",
            LtTildeGt => "<~>",
            LtPipeGt => "<|>",
            Match => "=",
        }
    }
}

/// A sigil: `~name<delimiter>parts<closing>modifiers`.
#[derive(Clone, Debug, PartialEq)]
pub struct SigilTok {
    /// The sigil letter(s), e.g. `"w"` or `"S"`.
    pub name: String,
    /// The body.
    pub parts: Vec<StrPart>,
    /// Trailing modifier letters.
    pub modifiers: String,
    /// The opening delimiter as written (`(`, `[`, `"""`, ...).
    pub delimiter: String,
}

/// A token. The names follow the terminals of Elixir's grammar.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// `foo` (also `foo?`, `foo!`, `_foo`).
    Identifier(String),
    /// `foo` right before `(`.
    ParenIdentifier(String),
    /// `foo` right before `[`.
    BracketIdentifier(String),
    /// `foo` before a `do` keyword.
    DoIdentifier(String),
    /// `foo` in `foo -1`: space before a unary `+`/`-`, none after it.
    OpIdentifier(String),
    /// `foo:` followed by a space or newline.
    KwIdentifier(String),
    /// `"foo": `; with interpolation it is Elixir's `kw_identifier_unsafe`.
    KwIdentifierQuoted(Vec<StrPart>),
    /// `else`, `after`, `catch`, `rescue` (inside do-blocks).
    BlockIdentifier(String),
    /// `Foo` (one segment; `Foo.Bar` is alias, dot, alias).
    Alias(String),
    /// `:foo`, `:+`, `:Foo`, `:"quoted"` without interpolation.
    Atom(String),
    /// `:"quoted #{interpolated}"` (Elixir's `atom_unsafe`).
    AtomInterpolated(Vec<StrPart>),
    /// An integer literal (decimal, hex, octal, binary; underscores removed).
    Int(BigInt),
    /// A float literal.
    Flt(f64),
    /// `?a`: the code point.
    Char(u32),
    /// `"..."`.
    BinString(Vec<StrPart>),
    /// `'...'`.
    ListString(Vec<StrPart>),
    /// `"""` heredoc (indentation already removed).
    BinHeredoc(Vec<StrPart>),
    /// `'''` heredoc (indentation already removed).
    ListHeredoc(Vec<StrPart>),
    /// `~x(...)mods` (boxed: it is the largest token, and tokens are moved a lot).
    Sigil(Box<SigilTok>),
    /// `true`
    True,
    /// `false`
    False,
    /// `nil`
    Nil,
    /// `do`
    Do,
    /// `end`
    End,
    /// `fn`
    Fn,
    /// `@`
    AtOp,
    /// `&`
    CaptureOp,
    /// `&` right before an integer (`&1`).
    CaptureInt,
    /// `!`, `^`, `not`, `~~~`
    UnaryOp(Op),
    /// `+`, `-` (unary or binary)
    DualOp(Op),
    /// `*`, `/`
    MultOp(Op),
    /// `**`
    PowerOp,
    /// `++`, `--`, `+++`, `---`, `<>`
    ConcatOp(Op),
    /// `..`
    RangeOp,
    /// `...`
    EllipsisOp,
    /// `..` standing alone, with no operand on either side (`x = ..`, `[..]`): made by
    /// `parser::normalize` from a `RangeOp`, never by the lexer.
    RangeNullary,
    /// `//`
    TernaryOp,
    /// `^^^`
    XorOp,
    /// `&&`, `&&&`, `and`
    AndOp(Op),
    /// `||`, `|||`, `or`
    OrOp(Op),
    /// `in`, `not in`
    InOp(Op),
    /// `<-`, `\\`
    InMatchOp(Op),
    /// `::`
    TypeOp,
    /// `when`
    WhenOp,
    /// `|`
    PipeOp,
    /// `->`
    StabOp,
    /// `=>`
    AssocOp,
    /// `==`, `!=`, `=~`, `===`, `!==`
    CompOp(Op),
    /// `<`, `>`, `<=`, `>=`
    RelOp(Op),
    /// `|>`, `<<<`, `>>>`, `<<~`, `~>>`, `<~`, `~>`, `<~>`, `<|>`
    ArrowOp(Op),
    /// `=`
    MatchOp,
    /// `.` right before `(` (`f.(x)`).
    DotCallOp,
    /// `.`
    Dot,
    /// One or more newlines (the count).
    Eol(u32),
    /// `;`
    Semi,
    /// `,`
    Comma,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `{`
    LCurly,
    /// `}`
    RCurly,
    /// `<<`
    LBit,
    /// `>>`
    RBit,
    /// `%` right before `{` (the `{` follows as its own token), Elixir's `'%{}'`.
    MapOp,
    /// `%` (of a struct, `%Foo{}`)
    Percent,
}
