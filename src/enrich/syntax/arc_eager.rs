//! spaCy 3.8's arc-eager transition system (`_parser_internals/arc_eager.pyx`, `_state.pxd`) at
//! inference time: the parse state, the validity of the five moves, their effects and the eight
//! state features of `TransitionBasedParser.v2`.
//!
//! Faithful details that change results:
//! - `Reduce` on a stack top without a head moves it back to the buffer ("unshift"); such a token
//!   cannot be shifted again until a `Left` arc changes the stack.
//! - Arcs are kept per head in insertion order; `L(h, 1)` / `R(h, 1)` are the most recently added.
//!   Removing an arc (a child re-attached by `Left`) removes it only when it is the last one of its
//!   head's list, as spaCy does (its tombstone for other positions writes to a copy), so a
//!   re-attached child can still be seen as its former head's child.

/// A transition type (spaCy's move ids 0..4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Reduce,
    Left,
    Right,
    Break,
}

impl Move {
    /// The move of a spaCy action id.
    pub(crate) fn from_id(id: u32) -> Option<Move> {
        Some(match id {
            0 => Move::Shift,
            1 => Move::Reduce,
            2 => Move::Left,
            3 => Move::Right,
            4 => Move::Break,
            _ => return None,
        })
    }
}

/// A dependency arc; `label` indexes the parser's label list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Arc {
    pub head: usize,
    pub child: usize,
    pub label: usize,
}

/// Which moves are valid in a state (labels do not matter: no `subtok` label is used).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Valid {
    pub shift: bool,
    pub reduce: bool,
    pub left: bool,
    pub right: bool,
    pub brk: bool,
}

impl Valid {
    pub(crate) fn get(&self, mv: Move) -> bool {
        match mv {
            Move::Shift => self.shift,
            Move::Reduce => self.reduce,
            Move::Left => self.left,
            Move::Right => self.right,
            Move::Break => self.brk,
        }
    }

    pub(crate) fn any(&self) -> bool {
        self.shift || self.reduce || self.left || self.right || self.brk
    }
}

/// The parse state of one doc.
#[derive(Debug)]
pub(crate) struct State {
    n: usize,
    heads: Vec<Option<usize>>,
    stack: Vec<usize>,
    rebuffer: Vec<usize>,
    b_i: usize,
    left_arcs: Vec<Vec<Arc>>,
    right_arcs: Vec<Vec<Arc>>,
    unshiftable: Vec<bool>,
    /// Sentence starts: the doc's first token and those set by `Break`.
    sent_starts: Vec<bool>,
}

impl State {
    pub(crate) fn new(n: usize) -> State {
        let mut sent_starts = vec![false; n];
        if let Some(first) = sent_starts.first_mut() {
            *first = true;
        }
        State {
            n,
            heads: vec![None; n],
            stack: Vec::new(),
            rebuffer: Vec::new(),
            b_i: 0,
            left_arcs: vec![Vec::new(); n],
            right_arcs: vec![Vec::new(); n],
            unshiftable: vec![false; n],
            sent_starts,
        }
    }

    /// `S(i)`: the i-th item from the top of the stack.
    pub(crate) fn s(&self, i: usize) -> Option<usize> {
        self.stack.len().checked_sub(i + 1).map(|k| self.stack[k])
    }

    /// `B(i)`: the i-th item of the buffer (re-buffered items first).
    pub(crate) fn b(&self, i: usize) -> Option<usize> {
        if i < self.rebuffer.len() {
            return Some(self.rebuffer[self.rebuffer.len() - 1 - i]);
        }
        let b = self.b_i + (i - self.rebuffer.len());
        (b < self.n).then_some(b)
    }

    fn buffer_length(&self) -> usize {
        (self.n - self.b_i) + self.rebuffer.len()
    }

    pub(crate) fn is_final(&self) -> bool {
        self.stack.is_empty() && self.buffer_length() == 0
    }

    fn is_sent_start(&self, word: Option<usize>) -> bool {
        word.is_some_and(|w| self.sent_starts[w])
    }

    fn nth_child(arcs: &[Vec<Arc>], head: Option<usize>, idx: usize) -> Option<usize> {
        let list = &arcs[head?];
        list.iter().rev().nth(idx - 1).map(|a| a.child)
    }

    /// The 8 context tokens: B0, B1, S0, S1, S2, L(B0,1), L(S0,1), R(S0,1).
    pub(crate) fn features(&self) -> [Option<usize>; 8] {
        let b0 = self.b(0);
        let s0 = self.s(0);
        [
            b0,
            self.b(1),
            s0,
            self.s(1),
            self.s(2),
            Self::nth_child(&self.left_arcs, b0, 1),
            Self::nth_child(&self.left_arcs, s0, 1),
            Self::nth_child(&self.right_arcs, s0, 1),
        ]
    }

    pub(crate) fn valid(&self) -> Valid {
        let depth = self.stack.len();
        let blen = self.buffer_length();
        let b0 = self.b(0);
        let b0_start = self.is_sent_start(b0);
        let arc_ok = depth > 0 && blen > 0 && !b0_start;
        Valid {
            shift: depth == 0
                || (blen >= 2 && !b0_start && !b0.is_some_and(|b| self.unshiftable[b])),
            // `cannot_sent_start` is never set on a doc the parser sees first.
            reduce: depth > 0,
            left: arc_ok,
            right: arc_ok,
            brk: blen >= 2
                && self.b(1).is_some_and(|b1| Some(b1) == b0.map(|b| b + 1))
                && !self.is_sent_start(self.b(1)),
        }
    }

    pub(crate) fn apply(&mut self, mv: Move, label: usize) {
        match mv {
            Move::Shift => self.push(),
            Move::Reduce => {
                let s0 = self.stack.last().copied();
                if s0.is_some_and(|s| self.heads[s].is_some()) || self.stack.len() == 1 {
                    self.stack.pop();
                } else if let Some(s0) = self.stack.pop() {
                    self.unshiftable[s0] = true;
                    self.rebuffer.push(s0);
                }
            }
            Move::Left => {
                if let (Some(b0), Some(s0)) = (self.b(0), self.s(0)) {
                    self.add_arc(b0, s0, label);
                    self.unshiftable[b0] = false;
                    self.stack.pop();
                }
            }
            Move::Right => {
                if let (Some(b0), Some(s0)) = (self.b(0), self.s(0)) {
                    self.add_arc(s0, b0, label);
                    self.push();
                }
            }
            Move::Break => {
                if let Some(b1) = self.b(1) {
                    self.sent_starts[b1] = true;
                }
            }
        }
    }

    /// Ends the parse (spaCy's `force_final`, when no move is valid).
    pub(crate) fn force_final(&mut self) {
        self.stack.clear();
        self.rebuffer.clear();
        self.b_i = self.n;
    }

    fn push(&mut self) {
        let b0 = match self.rebuffer.pop() {
            Some(b) => b,
            None => {
                self.b_i += 1;
                self.b_i - 1
            }
        };
        self.stack.push(b0);
    }

    fn add_arc(&mut self, head: usize, child: usize, label: usize) {
        if let Some(old) = self.heads[child] {
            let list = if old > child {
                &mut self.left_arcs[old]
            } else {
                &mut self.right_arcs[old]
            };
            if list
                .last()
                .is_some_and(|a| a.head == old && a.child == child)
            {
                list.pop();
            }
        }
        let arc = Arc { head, child, label };
        if head > child {
            self.left_arcs[head].push(arc);
        } else {
            self.right_arcs[head].push(arc);
        }
        self.heads[child] = Some(head);
    }

    /// All arcs as `set_annotations` reads them: left arcs, then right arcs, by head.
    pub(crate) fn arcs(&self) -> impl Iterator<Item = &Arc> {
        self.left_arcs.iter().chain(&self.right_arcs).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_right_reduce_builds_a_chain() {
        let mut st = State::new(3);
        assert!(st.valid().shift && !st.valid().left);
        st.apply(Move::Shift, 0);
        assert_eq!(st.features()[..3], [Some(1), Some(2), Some(0)]);
        st.apply(Move::Right, 7);
        assert_eq!(st.s(0), Some(1));
        assert_eq!(st.features()[7], None);
        assert_eq!(State::nth_child(&st.right_arcs, Some(0), 1), Some(1));
        st.apply(Move::Reduce, 0);
        st.apply(Move::Right, 3);
        let arcs: Vec<_> = st.arcs().copied().collect();
        assert_eq!(arcs.len(), 2);
        assert_eq!((arcs[1].head, arcs[1].child, arcs[1].label), (0, 2, 3));
        assert!(!st.is_final());
        st.apply(Move::Reduce, 0);
        st.apply(Move::Reduce, 0);
        assert!(st.is_final());
    }

    #[test]
    fn reduce_without_head_unshifts_and_blocks_shift() {
        let mut st = State::new(3);
        st.apply(Move::Shift, 0);
        st.apply(Move::Shift, 0);
        // Token 1 has no head and is not alone on the stack: back to the buffer.
        st.apply(Move::Reduce, 0);
        assert_eq!(st.b(0), Some(1));
        assert_eq!(st.b(1), Some(2));
        assert!(!st.valid().shift);
        // A left arc makes it shiftable again.
        st.apply(Move::Left, 2);
        assert_eq!(st.heads[0], Some(1));
        assert!(st.valid().shift);
    }

    #[test]
    fn break_marks_the_second_buffer_word() {
        let mut st = State::new(4);
        st.apply(Move::Shift, 0);
        assert!(st.valid().brk);
        st.apply(Move::Break, 0);
        // B1 (token 2) now starts a sentence: arcs to it are invalid once it is B0.
        st.apply(Move::Right, 1);
        assert_eq!(st.b(0), Some(2));
        assert!(!st.valid().left && !st.valid().right);
    }
}
