//! A reader over the bytes of a msgpack file that hands out borrowed strings as it goes: the
//! lemmatizer's tables (hundreds of thousands of strings in the French pipeline) are read
//! without building a value tree first.

use rmp::Marker;

/// Why a read failed (the caller names the file).
#[derive(Debug, thiserror::Error)]
pub(crate) enum CursorError {
    /// The bytes end or do not hold the value asked for.
    #[error("{0}")]
    Malformed(String),
}

/// A position in a msgpack buffer.
pub(crate) struct Cursor<'a> {
    rest: &'a [u8],
}

fn malformed(what: impl std::fmt::Display) -> CursorError {
    CursorError::Malformed(what.to_string())
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Cursor<'a> {
        Cursor { rest: bytes }
    }

    fn marker(&self) -> Option<Marker> {
        self.rest.first().map(|&b| Marker::from_u8(b))
    }

    /// Whether the next value is an array.
    pub(crate) fn at_array(&self) -> bool {
        matches!(
            self.marker(),
            Some(Marker::FixArray(_) | Marker::Array16 | Marker::Array32)
        )
    }

    /// The next value's map length, or `None` (the value skipped) when it is not a map.
    pub(crate) fn map_len(&mut self) -> Result<Option<u32>, CursorError> {
        match self.marker() {
            Some(Marker::FixMap(_) | Marker::Map16 | Marker::Map32) => {
                rmp::decode::read_map_len(&mut self.rest)
                    .map(Some)
                    .map_err(malformed)
            }
            _ => self.skip().map(|()| None),
        }
    }

    /// The next value's array length, or `None` (the value skipped) when it is not an array.
    pub(crate) fn array_len(&mut self) -> Result<Option<u32>, CursorError> {
        match self.marker() {
            Some(Marker::FixArray(_) | Marker::Array16 | Marker::Array32) => {
                rmp::decode::read_array_len(&mut self.rest)
                    .map(Some)
                    .map_err(malformed)
            }
            _ => self.skip().map(|()| None),
        }
    }

    /// The next value as an unsigned integer (an error for anything else).
    pub(crate) fn uint(&mut self) -> Result<u64, CursorError> {
        rmp::decode::read_int(&mut self.rest).map_err(malformed)
    }

    /// The next value as text (a msgpack str or bin in UTF-8), or `None` (the value skipped)
    /// when it is anything else.
    pub(crate) fn text(&mut self) -> Result<Option<&'a str>, CursorError> {
        let len = match self.marker() {
            Some(Marker::FixStr(_) | Marker::Str8 | Marker::Str16 | Marker::Str32) => {
                rmp::decode::read_str_len(&mut self.rest).map_err(malformed)?
            }
            Some(Marker::Bin8 | Marker::Bin16 | Marker::Bin32) => {
                rmp::decode::read_bin_len(&mut self.rest).map_err(malformed)?
            }
            _ => return self.skip().map(|()| None),
        } as usize;
        if self.rest.len() < len {
            return Err(malformed("string past the end of the data"));
        }
        let (bytes, rest) = self.rest.split_at(len);
        self.rest = rest;
        Ok(std::str::from_utf8(bytes).ok())
    }

    /// The texts of the next value when it is an array (its other elements left out); empty
    /// when it is not an array.
    pub(crate) fn texts(&mut self) -> Result<Vec<&'a str>, CursorError> {
        let n = self.array_len()?.unwrap_or(0);
        let mut out = Vec::with_capacity(n as usize);
        for _ in 0..n {
            if let Some(t) = self.text()? {
                out.push(t);
            }
        }
        Ok(out)
    }

    /// Steps over the next value, whatever it is.
    pub(crate) fn skip(&mut self) -> Result<(), CursorError> {
        rmpv::decode::read_value_ref(&mut self.rest)
            .map(drop)
            .map_err(malformed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rmpv::Value;

    fn encode(v: &Value) -> Vec<u8> {
        let mut buf = Vec::new();
        rmpv::encode::write_value(&mut buf, v).unwrap();
        buf
    }

    #[test]
    fn reads_texts_and_skips_the_rest() {
        let v = Value::Array(vec![
            Value::from("marcher"),
            Value::Integer(7.into()),
            Value::Binary(b"aller".to_vec()),
            Value::Map(vec![(Value::from("k"), Value::from("v"))]),
            Value::from("venir"),
        ]);
        let bytes = encode(&v);
        let mut c = Cursor::new(&bytes);
        assert_eq!(c.texts().unwrap(), vec!["marcher", "aller", "venir"]);
        assert!(c.rest.is_empty());
    }

    #[test]
    fn a_value_of_another_kind_is_stepped_over() {
        let bytes = [
            encode(&Value::from("pas une liste")),
            encode(&Value::Map(vec![(
                Value::Integer(3.into()),
                Value::from("x"),
            )])),
        ]
        .concat();
        let mut c = Cursor::new(&bytes);
        assert_eq!(c.array_len().unwrap(), None);
        assert_eq!(c.map_len().unwrap(), Some(1));
        assert_eq!(c.uint().unwrap(), 3);
        assert_eq!(c.text().unwrap(), Some("x"));
        assert!(c.rest.is_empty());
    }

    #[test]
    fn a_cut_string_is_an_error() {
        let mut bytes = encode(&Value::from("tronqué"));
        bytes.truncate(bytes.len() - 2);
        assert!(Cursor::new(&bytes).text().is_err());
    }
}
