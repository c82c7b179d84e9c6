//! A numbered road named after the state or the country that numbers it ("Tovelia Highway 16",
//! "Marlby Route 9"; after a road preposition, the number alone: "along Tovelia 285"): the
//! model often takes the place and leaves the road's noun and number out, or reads the number
//! as a count.

use super::{Range, Span};
use crate::enrich::profile::lower;
use crate::enrich::types::EntityType;

/// Most digits of a road's number.
const MAX_DIGITS: usize = 3;

impl Span<'_> {
    /// `r` run on over a numbered road's noun (`numbered_road|` in `words.txt`) and number
    /// after a place, or over the number alone after a place a road preposition (`road_prep|`)
    /// stands before; `r` otherwise.
    pub(super) fn numbered_route(&self, r: Range) -> Range {
        let (t, res) = (self.text, self.res);
        if self.ty != EntityType::Location || res.numbered_roads.is_empty() {
            return r;
        }
        let Some(rest) = t[r.end..].strip_prefix(' ') else {
            return r;
        };
        let (noun, rest) = rest.split_once(' ').unwrap_or((rest, ""));
        let named =
            noun.starts_with(char::is_uppercase) && res.numbered_roads.contains(&lower(noun));
        let (skip, rest) = if named {
            (noun.len() + 1, rest)
        } else {
            (0, &t[r.end + 1..])
        };
        let before = t[..r.start].trim_end();
        let prep = before[before.rfind(' ').map_or(0, |i| i + 1)..].to_lowercase();
        if !named && !res.road_preps.contains(&prep) {
            return r;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let letter = rest[digits..]
            .chars()
            .next()
            .filter(char::is_ascii_uppercase)
            .map_or(0, |_| 1);
        let n = digits + letter;
        // A number, not a count nor a score: nothing glued after it, no magnitude word.
        let after = &rest[n..];
        let glued = after.starts_with(|c: char| c.is_alphanumeric() || "-%/".contains(c))
            || after.starts_with(['.', ','])
                && after[1..].starts_with(|c: char| c.is_ascii_digit());
        let next = after
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if !(1..=MAX_DIGITS).contains(&digits)
            || glued
            || res.magnitudes.contains(&lower(next))
            || !(self.free_of_names)(r.end + 1)
        {
            return r;
        }
        Range {
            start: r.start,
            end: r.end + 1 + skip + n,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::enrich::entities::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Location as L;

    #[test]
    fn a_road_numbered_after_a_state_is_one_place_but_not_a_count_after_it() {
        let t = "Campgrounds along Tovelia Highway 16 are quiet this summer.";
        let es = run(Lang::En, t, &[("Tovelia", "GPE")]);
        assert_eq!(names(&es), [("Tovelia Highway 16".to_string(), L)]);
        let t = "The farm lies west of Marlby along Tovelia 60, near the river.";
        let es = run(Lang::En, t, &[("Marlby", "GPE"), ("Tovelia", "GPE")]);
        let want = [("Marlby", L), ("Tovelia 60", L)];
        assert_eq!(names(&es), want.map(|(n, ty)| (n.to_string(), ty)));
        // A count after a place, or a number after no road preposition, is no road.
        for t in [
            "In Tovelia 78 people died.",
            "Along Tovelia 60% of the wells ran dry.",
            "Growers along Tovelia 12 million acres waited.",
        ] {
            let es = run(Lang::En, t, &[("Tovelia", "GPE")]);
            assert_eq!(names(&es), [("Tovelia".to_string(), L)], "{t}");
        }
    }
}
