//! From a final parse state to the doc's dependency tree, as spaCy 3.8 sets it: arcs to heads and
//! labels (`ArcEager.set_annotations`), tokens without a head become roots labelled `ROOT`,
//! pseudo-projective labels `dep||headdep` are undone (`nonproj.deprojectivize`), and sentence
//! starts are the left edges of the roots (`set_children_from_heads`).

use super::arc_eager::State;

/// spaCy's delimiter of decorated (pseudo-projective) labels.
const DELIMITER: &str = "||";

/// Heads (absolute indices; a root is its own head), labels and sentence starts of one doc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tree {
    pub heads: Vec<usize>,
    pub deps: Vec<String>,
    pub sent_starts: Vec<bool>,
}

/// Left and right edges of every token's subtree.
struct Edges {
    left: Vec<usize>,
    right: Vec<usize>,
}

/// Builds the tree of a final state. `labels` are the parser's labels; `is_space[i]` tells
/// whitespace tokens (skipped when searching a new head).
pub(crate) fn build(state: &State, labels: &[String], is_space: &[bool]) -> Tree {
    let n = is_space.len();
    let mut heads: Vec<usize> = (0..n).collect();
    let mut deps: Vec<String> = vec![String::new(); n];
    for arc in state.arcs() {
        heads[arc.child] = arc.head;
        deps[arc.child] = labels[arc.label].clone();
    }
    for (i, dep) in deps.iter_mut().enumerate() {
        if heads[i] == i {
            *dep = "ROOT".to_string();
        }
    }
    let edges = edges(&heads);
    deprojectivize(&mut heads, &mut deps, &edges, is_space);
    let edges = self::edges(&heads);
    let mut sent_starts = vec![false; n];
    for i in 0..n {
        if heads[i] == i {
            sent_starts[edges.left[i]] = true;
        }
    }
    Tree {
        heads,
        deps,
        sent_starts,
    }
}

/// Re-attaches each `label||headlabel` arc to the first descendant of its head (breadth-first,
/// left to right) labelled `headlabel`, as spaCy does. Children are read within the edges
/// computed before the loop, with the heads as they are being changed.
fn deprojectivize(heads: &mut [usize], deps: &mut [String], edges: &Edges, is_space: &[bool]) {
    for i in 0..heads.len() {
        let Some((label, head_label)) = deps[i].split_once(DELIMITER) else {
            continue;
        };
        let (label, head_label) = (label.to_string(), head_label.to_string());
        let new_head = find_new_head(i, &head_label, heads, deps, edges, is_space);
        heads[i] = new_head;
        deps[i] = label;
    }
}

fn children(q: usize, heads: &[usize], edges: &Edges) -> Vec<usize> {
    let mut out: Vec<usize> = (edges.left[q]..q).filter(|&c| heads[c] == q).collect();
    out.extend((q + 1..=edges.right[q]).filter(|&c| heads[c] == q));
    out
}

fn find_new_head(
    token: usize,
    head_label: &str,
    heads: &[usize],
    deps: &[String],
    edges: &Edges,
    is_space: &[bool],
) -> usize {
    let mut queue = vec![heads[token]];
    let mut seen = vec![false; heads.len()];
    while !queue.is_empty() {
        let mut next = Vec::new();
        for &q in &queue {
            for child in children(q, heads, edges) {
                if is_space[child] || child == token {
                    continue;
                }
                if deps[child] == head_label {
                    return child;
                }
                // A cycle would make spaCy loop forever; stop instead.
                if !std::mem::replace(&mut seen[child], true) {
                    next.push(child);
                }
            }
        }
        queue = next;
    }
    heads[token]
}

/// spaCy's `set_children_from_heads` edges: up to 11 passes until every head lies within its
/// sentence (non-projective trees need several).
fn edges(heads: &[usize]) -> Edges {
    let n = heads.len();
    let mut e = Edges {
        left: (0..n).collect(),
        right: (0..n).collect(),
    };
    let mut loop_count = 0;
    loop {
        if edges_pass(heads, &mut e) {
            break;
        }
        if loop_count > 10 {
            break;
        }
        loop_count += 1;
    }
    e
}

/// One pass of `_set_lr_kids_and_edges`; true when all heads are within their sentences.
fn edges_pass(heads: &[usize], e: &mut Edges) -> bool {
    let n = heads.len();
    for (i, &h) in heads.iter().enumerate() {
        e.left[h] = e.left[h].min(e.left[i]);
        e.right[h] = e.right[h].max(e.right[i]);
    }
    for (i, &h) in heads.iter().enumerate().rev() {
        e.right[h] = e.right[h].max(e.right[i]);
        e.left[h] = e.left[h].min(e.left[i]);
    }
    let mut starts = vec![false; n];
    for (i, &h) in heads.iter().enumerate() {
        if h == i {
            starts[e.left[i]] = true;
        }
    }
    let mut cur_start = 0;
    for (i, &start) in starts.iter().enumerate() {
        if (i > 0 && start) || i + 1 == n {
            let cur_end = i;
            for &h in &heads[cur_start..cur_end] {
                if h < cur_start || h > cur_end {
                    return false;
                }
            }
            cur_start = i;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_start_sentences_at_their_left_edge() {
        // 0 <- 1 (root), 2 -> 1 ; 3 root with child 4
        let heads = vec![1, 1, 1, 3, 3];
        let e = edges(&heads);
        assert_eq!(e.left, vec![0, 0, 2, 3, 4]);
        assert_eq!(e.right[1], 2);
        assert_eq!(e.right[3], 4);
    }

    #[test]
    fn decorated_label_moves_to_the_labelled_descendant() {
        // 0 root; 1 -> 0 "obj"; 2 -> 0 "nmod||obj" must move under 1.
        let mut heads = vec![0, 0, 0];
        let mut deps: Vec<String> = ["ROOT", "obj", "nmod||obj"].map(String::from).to_vec();
        let e = edges(&heads);
        deprojectivize(&mut heads, &mut deps, &e, &[false; 3]);
        assert_eq!(heads, vec![0, 0, 1]);
        assert_eq!(deps[2], "nmod");
    }
}
