//! Elixir's `Inspect.Algebra` (1.14): documents and the renderer, for the subset the
//! `Inspect` implementations use (text, concatenation, integer nesting, strict and flex
//! breaks, groups).
//!
//! Documents live in an arena ([`Docs`]) and are built bottom-up, so a document is a DAG
//! of small nodes and no operation recurses on the Rust stack.
//!
//! Fitting follows `Inspect.Algebra.fits?/4` exactly, but in O(1) per node: every node
//! records, when it is laid out flat, its width, whether it leaves the "a break was seen"
//! flag set, and the furthest column offset at which that flag is set inside it (see
//! [`Meta`]). `fits?` fails at the first point where the column is past the width while
//! the flag is set; the flag only goes from false to true inside a group and is restored
//! when the group ends, and the column only grows, so those three numbers decide whether a
//! whole subtree would fail without walking it.

/// A document: an index into a [`Docs`] arena.
pub type DocId = u32;

/// How a break renders when its group does not fit.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BreakKind {
    /// `break/1`: a newline whenever its group is broken.
    Strict,
    /// `flex_break/1`: re-evaluated at every occurrence.
    Flex,
}

#[derive(Clone, Copy)]
enum Node {
    Nil,
    /// Bytes `start..start + len` of the text buffer. Width is the byte size, as for
    /// binaries in Elixir's algebra.
    Text {
        start: usize,
        len: usize,
    },
    Cons(DocId, DocId),
    Nest(DocId, usize),
    /// A break whose flat form is a space (`" "`) or nothing (`""`).
    Break {
        space: bool,
        kind: BreakKind,
    },
    Group(DocId),
}

/// What `fits?` needs to know about a node laid out flat.
#[derive(Clone, Copy)]
struct Meta {
    /// Columns the node takes when flat.
    width: usize,
    /// Entering with the flag clear: the largest offset (from the node's start) at which
    /// the flag is set, or `None` if it never is.
    armed: Option<usize>,
    /// Entering with the flag clear, it is set on leaving.
    leaves_flag: bool,
    /// `Inspect.Algebra.simple?/1`: only text and concatenations of text.
    simple: bool,
}

/// An arena of documents.
pub struct Docs {
    nodes: Vec<Node>,
    meta: Vec<Meta>,
    text: String,
}

/// Layout mode of an entry on the renderer's stack.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flat,
    Break,
}

impl Docs {
    /// An empty arena.
    pub fn new() -> Docs {
        let mut d = Docs {
            nodes: Vec::new(),
            meta: Vec::new(),
            text: String::new(),
        };
        // Node 0 is always `:doc_nil`.
        d.push(
            Node::Nil,
            Meta {
                width: 0,
                armed: None,
                leaves_flag: false,
                simple: true,
            },
        );
        d
    }

    fn push(&mut self, node: Node, meta: Meta) -> DocId {
        let id = self.nodes.len() as DocId;
        self.nodes.push(node);
        self.meta.push(meta);
        id
    }

    fn meta(&self, d: DocId) -> Meta {
        self.meta[d as usize]
    }

    fn node(&self, d: DocId) -> Node {
        self.nodes[d as usize]
    }

    /// `:doc_nil`.
    pub fn nil(&self) -> DocId {
        0
    }

    /// A text document (`"..."` in Elixir's algebra).
    pub fn text(&mut self, s: &str) -> DocId {
        let start = self.text.len();
        self.text.push_str(s);
        self.push(
            Node::Text {
                start,
                len: s.len(),
            },
            Meta {
                width: s.len(),
                armed: None,
                leaves_flag: false,
                simple: true,
            },
        )
    }

    /// `concat/2`.
    pub fn concat(&mut self, x: DocId, y: DocId) -> DocId {
        let (a, b) = (self.meta(x), self.meta(y));
        let width = a.width.saturating_add(b.width);
        let armed_y = if a.leaves_flag {
            Some(width)
        } else {
            b.armed.map(|o| a.width.saturating_add(o))
        };
        let armed = match (a.armed, armed_y) {
            (Some(p), Some(q)) => Some(p.max(q)),
            (p, q) => p.or(q),
        };
        self.push(
            Node::Cons(x, y),
            Meta {
                width,
                armed,
                leaves_flag: a.leaves_flag || b.leaves_flag,
                simple: a.simple && b.simple,
            },
        )
    }

    /// `concat/1` of several documents.
    pub fn concat_all(&mut self, docs: &[DocId]) -> DocId {
        let mut acc = match docs.last() {
            Some(&d) => d,
            None => return self.nil(),
        };
        for &d in docs.iter().rev().skip(1) {
            acc = self.concat(d, acc);
        }
        acc
    }

    /// `nest(doc, level)` (always nesting).
    pub fn nest(&mut self, x: DocId, level: usize) -> DocId {
        if level == 0 {
            return x;
        }
        let m = self.meta(x);
        self.push(Node::Nest(x, level), Meta { simple: false, ..m })
    }

    fn brk(&mut self, space: bool, kind: BreakKind) -> DocId {
        let width = usize::from(space);
        self.push(
            Node::Break { space, kind },
            Meta {
                width,
                armed: Some(width),
                leaves_flag: true,
                simple: false,
            },
        )
    }

    /// `glue(x, sep, y)`: a strict break between two documents; `space` picks `" "` or `""`.
    pub fn glue(&mut self, x: DocId, space: bool, y: DocId) -> DocId {
        let b = self.brk(space, BreakKind::Strict);
        let rest = self.concat(b, y);
        self.concat(x, rest)
    }

    /// `flex_glue(x, " ", y)`.
    pub fn flex_glue(&mut self, x: DocId, y: DocId) -> DocId {
        let b = self.brk(true, BreakKind::Flex);
        let rest = self.concat(b, y);
        self.concat(x, rest)
    }

    /// `group(doc)`.
    pub fn group(&mut self, x: DocId) -> DocId {
        let m = self.meta(x);
        self.push(
            Node::Group(x),
            Meta {
                leaves_flag: false,
                simple: false,
                ..m
            },
        )
    }

    /// `simple?/1`.
    pub fn is_simple(&self, d: DocId) -> bool {
        self.meta(d).simple
    }

    /// `Inspect.Algebra.format(doc, width) |> IO.iodata_to_binary()`; `usize::MAX` is
    /// `:infinity`.
    pub fn format(&self, root: DocId, width: usize) -> String {
        let infinite = width == usize::MAX;
        let mut out = String::new();
        let mut k = 0usize;
        let mut stack: Vec<(usize, Mode, DocId)> = vec![(0, Mode::Flat, root)];
        while let Some((i, m, d)) = stack.pop() {
            match self.node(d) {
                Node::Nil => {}
                Node::Text { start, len } => {
                    out.push_str(self.text.get(start..start + len).unwrap_or(""));
                    k = k.saturating_add(len);
                }
                Node::Cons(x, y) => {
                    stack.push((i, m, y));
                    stack.push((i, m, x));
                }
                Node::Nest(x, j) => stack.push((i.saturating_add(j), m, x)),
                Node::Break {
                    space,
                    kind: BreakKind::Flex,
                } => {
                    let k2 = k + usize::from(space);
                    if infinite || m == Mode::Flat || self.flex_fits(width, k2, &stack) {
                        if space {
                            out.push(' ');
                        }
                        k = k2;
                    } else {
                        newline(&mut out, i);
                        k = i;
                    }
                }
                Node::Break {
                    space,
                    kind: BreakKind::Strict,
                } => {
                    if m == Mode::Break {
                        newline(&mut out, i);
                        k = i;
                    } else {
                        if space {
                            out.push(' ');
                        }
                        k += usize::from(space);
                    }
                }
                Node::Group(x) => {
                    // fits?(w, k, false, [{i, :flat, x}])
                    let fits = infinite
                        || match self.meta(x).armed {
                            None => true,
                            Some(o) => k.saturating_add(o) <= width,
                        };
                    stack.push((i, if fits { Mode::Flat } else { Mode::Break }, x));
                }
            }
        }
        out
    }

    /// `fits?(w, k, true, rest)` for a flex break: the flag is set from the start and
    /// stays set, so the rest fits until the next break of a broken group unless the
    /// column passes the width first.
    fn flex_fits(&self, width: usize, mut k: usize, rest: &[(usize, Mode, DocId)]) -> bool {
        let mut local: Vec<(Mode, DocId)> = Vec::new();
        let mut outer = rest.len();
        loop {
            if k > width {
                return false;
            }
            let (m, d) = match local.pop() {
                Some(e) => e,
                None => {
                    if outer == 0 {
                        return true;
                    }
                    outer -= 1;
                    let (_, m, d) = rest[outer];
                    (m, d)
                }
            };
            if m == Mode::Flat {
                k = k.saturating_add(self.meta(d).width);
                continue;
            }
            match self.node(d) {
                Node::Break { .. } => return true,
                Node::Nil => {}
                Node::Text { len, .. } => k = k.saturating_add(len),
                Node::Cons(x, y) => {
                    local.push((m, y));
                    local.push((m, x));
                }
                Node::Nest(x, _) => local.push((m, x)),
                // A broken group is measured flat, with the flag (already set) restored
                // after it.
                Node::Group(x) => local.push((Mode::Flat, x)),
            }
        }
    }
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', indent));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_breaks_when_the_group_does_not_fit() {
        let mut d = Docs::new();
        let a = d.text(&"a".repeat(20));
        let b = d.text("b");
        let g = d.glue(a, true, b);
        let g = d.group(g);
        assert_eq!(d.format(g, 80), format!("{} b", "a".repeat(20)));
        assert_eq!(d.format(g, 10), format!("{}\nb", "a".repeat(20)));
    }

    #[test]
    fn nested_groups_break_outside_first() {
        // The Inspect.Algebra.group/2 doc example.
        let mut d = Docs::new();
        let hello = d.text("Hello,");
        let a = d.text("A");
        let inner = d.glue(hello, true, a);
        let inner = d.group(inner);
        let b = d.text("B");
        let outer = d.glue(inner, true, b);
        let outer = d.group(outer);
        assert_eq!(d.format(outer, 80), "Hello, A B");
        assert_eq!(d.format(outer, 6), "Hello,\nA\nB");
    }
}
