//! Readers for the pipeline files: thinc msgpack models (`ner/model`), msgpack maps
//! (`ner/moves`, `vocab/lookups.bin`, `vocab/key2row`) and `.npy` float32 arrays (`vocab/vectors`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rmpv::Value;

use super::types::NerError;

/// A float32 array in C order.
#[derive(Debug, Clone)]
pub(crate) struct Array {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

/// One thinc node (`walk()` order) with its dims, params and decoded attrs.
#[derive(Debug)]
pub(crate) struct Node {
    pub name: String,
    pub dims: HashMap<String, i64>,
    pub params: HashMap<String, Array>,
    pub attrs: HashMap<String, Value>,
}

pub(crate) fn format_err(path: &Path, reason: impl Into<String>) -> NerError {
    NerError::Format {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, NerError> {
    std::fs::read(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })
}

pub(crate) fn decode_msgpack(path: &Path, bytes: &[u8]) -> Result<Value, NerError> {
    let mut rd = bytes;
    rmpv::decode::read_value(&mut rd).map_err(|e| format_err(path, format!("msgpack: {e}")))
}

/// A map key as text (msgpack str or bin).
fn key_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => s.as_str(),
        Value::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

/// Looks up a string (or byte-string) key in a msgpack map.
pub(crate) fn map_get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.as_map()?
        .iter()
        .find(|(k, _)| key_str(k) == Some(key))
        .map(|(_, v)| v)
}

fn decode_array(path: &Path, v: &Value) -> Result<Array, NerError> {
    let ty = map_get(v, "type").and_then(key_str).unwrap_or("");
    if ty != "<f4" {
        return Err(format_err(
            path,
            format!("array dtype {ty:?}, expected \"<f4\""),
        ));
    }
    let shape: Vec<usize> = map_get(v, "shape")
        .and_then(Value::as_array)
        .ok_or_else(|| format_err(path, "array without shape"))?
        .iter()
        .map(|d| d.as_u64().map(|d| d as usize))
        .collect::<Option<_>>()
        .ok_or_else(|| format_err(path, "array shape is not a list of ints"))?;
    let data = match map_get(v, "data") {
        Some(Value::Binary(b)) => b,
        _ => return Err(format_err(path, "array without binary data")),
    };
    let n: usize = shape.iter().product();
    if data.len() != n * 4 {
        return Err(format_err(
            path,
            format!("array {shape:?} has {} data bytes", data.len()),
        ));
    }
    let data = data
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Ok(Array { shape, data })
}

/// Reads a thinc model file: `{nodes, attrs, params, shims}`.
pub(crate) fn read_thinc_model(path: &Path) -> Result<Vec<Node>, NerError> {
    let bytes = read_bytes(path)?;
    let root = decode_msgpack(path, &bytes)?;
    drop(bytes);
    let list = |k: &str| -> Result<&Vec<Value>, NerError> {
        map_get(&root, k)
            .and_then(Value::as_array)
            .ok_or_else(|| format_err(path, format!("no {k:?} list")))
    };
    let nodes = list("nodes")?;
    let attrs = list("attrs")?;
    let params = list("params")?;
    if nodes.len() != attrs.len() || nodes.len() != params.len() {
        return Err(format_err(path, "nodes/attrs/params lengths differ"));
    }
    let mut out = Vec::with_capacity(nodes.len());
    for ((n, a), p) in nodes.iter().zip(attrs).zip(params) {
        let name = map_get(n, "name")
            .and_then(key_str)
            .ok_or_else(|| format_err(path, "node without name"))?
            .to_string();
        let mut dims = HashMap::new();
        if let Some(m) = map_get(n, "dims").and_then(Value::as_map) {
            for (k, v) in m {
                if let (Some(k), Some(v)) = (key_str(k), v.as_i64()) {
                    dims.insert(k.to_string(), v);
                }
            }
        }
        let mut node_params = HashMap::new();
        if let Some(m) = p.as_map() {
            for (k, v) in m {
                let k = key_str(k).ok_or_else(|| format_err(path, "bad param name"))?;
                let arr = decode_array(path, v)
                    .map_err(|e| format_err(path, format!("param {k} of {name}: {e}")))?;
                node_params.insert(k.to_string(), arr);
            }
        }
        let mut node_attrs = HashMap::new();
        if let Some(m) = a.as_map() {
            for (k, v) in m {
                let Some(k) = key_str(k) else { continue };
                let v = match v {
                    Value::Binary(b) => decode_msgpack(path, b)?,
                    other => other.clone(),
                };
                node_attrs.insert(k.to_string(), v);
            }
        }
        out.push(Node {
            name,
            dims,
            params: node_params,
            attrs: node_attrs,
        });
    }
    Ok(out)
}

/// Reads a little-endian float32, C-order `.npy` file.
pub(crate) fn read_npy_f32(path: &Path) -> Result<Array, NerError> {
    let bytes = read_bytes(path)?;
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return Err(format_err(path, "not a .npy file"));
    }
    let (hlen, hstart) = match bytes[6] {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
        2 | 3 if bytes.len() >= 12 => (
            u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize,
            12,
        ),
        v => return Err(format_err(path, format!("unsupported .npy version {v}"))),
    };
    let header = bytes
        .get(hstart..hstart + hlen)
        .and_then(|h| std::str::from_utf8(h).ok())
        .ok_or_else(|| format_err(path, "bad .npy header"))?;
    if !header.contains("'<f4'") {
        return Err(format_err(path, format!("dtype is not '<f4': {header}")));
    }
    if header.contains("'fortran_order': True") {
        return Err(format_err(path, "fortran order is not supported"));
    }
    let shape_src = header
        .split("'shape':")
        .nth(1)
        .and_then(|s| s.split('(').nth(1))
        .and_then(|s| s.split(')').next())
        .ok_or_else(|| format_err(path, format!("no shape in header: {header}")))?;
    let shape: Vec<usize> = shape_src
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<usize>())
        .collect::<Result<_, _>>()
        .map_err(|_| format_err(path, format!("bad shape {shape_src:?}")))?;
    let n: usize = shape.iter().product();
    let body = &bytes[hstart + hlen..];
    if body.len() != n * 4 {
        return Err(format_err(
            path,
            format!(
                "shape {shape:?} needs {} bytes, found {}",
                n * 4,
                body.len()
            ),
        ));
    }
    let data = body
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Ok(Array { shape, data })
}

/// Reads a msgpack map of named tables (`lookups.bin`) one table at a time, so that only one
/// table's value tree is in memory at once; `f` gets each table's name and value.
pub(crate) fn for_each_table(
    path: &Path,
    mut f: impl FnMut(&str, Value) -> Result<(), NerError>,
) -> Result<(), NerError> {
    let bytes = read_bytes(path)?;
    let mut rd: &[u8] = &bytes;
    let n = rmp::decode::read_map_len(&mut rd)
        .map_err(|e| format_err(path, format!("tables are not a map ({e})")))?;
    for i in 0..n {
        let (name, rest) = rmp::decode::read_str_from_slice(rd)
            .map_err(|e| format_err(path, format!("name of table {i} is not a string ({e:?})")))?;
        rd = rest;
        let value = rmpv::decode::read_value(&mut rd)
            .map_err(|e| format_err(path, format!("table {name:?}: {e}")))?;
        f(name, value)?;
    }
    Ok(())
}

/// Reads the `lexeme_norm` table of `vocab/lookups.bin` (missing table → empty).
pub(crate) fn read_lexeme_norm(path: &Path) -> Result<HashMap<u64, String>, NerError> {
    let bytes = read_bytes(path)?;
    let v = decode_msgpack(path, &bytes)?;
    let mut out = HashMap::new();
    let Some(table) = map_get(&v, "lexeme_norm") else {
        return Ok(out);
    };
    // Tolerate a nested msgpack-encoded table.
    let decoded;
    let table = match table {
        Value::Binary(b) => {
            decoded = decode_msgpack(path, b)?;
            map_get(&decoded, "dict").unwrap_or(&decoded)
        }
        t => t,
    };
    let m = table
        .as_map()
        .ok_or_else(|| format_err(path, "lexeme_norm is not a map"))?;
    for (k, n) in m {
        if let (Some(k), Some(n)) = (k.as_u64(), key_str(n)) {
            out.insert(k, n.to_string());
        }
    }
    Ok(out)
}

/// Path helper: `dir/rel`.
pub(crate) fn join(dir: &Path, rel: &str) -> PathBuf {
    dir.join(rel)
}

/// Reads a transition system's `moves` file (msgpack `{"moves": JSON {action_id: {label: freq}}}`)
/// into spaCy's class order: action ids ascending; inside each, labels by (freq, label)
/// descending. A negative frequency (labels added after training) is not supported.
pub(crate) fn read_moves_table(path: &Path) -> Result<Vec<(u32, Vec<String>)>, NerError> {
    let bytes = read_bytes(path)?;
    let v = decode_msgpack(path, &bytes)?;
    let json = map_get(&v, "moves")
        .and_then(|m| match m {
            Value::String(s) => s.as_str().map(str::to_string),
            Value::Binary(b) => String::from_utf8(b.clone()).ok(),
            _ => None,
        })
        .ok_or_else(|| format_err(path, "no \"moves\" string"))?;
    let moves: HashMap<String, HashMap<String, i64>> =
        serde_json::from_str(&json).map_err(|e| format_err(path, format!("moves JSON: {e}")))?;
    let mut out = Vec::new();
    for (k, labs) in &moves {
        let id = k
            .parse::<u32>()
            .map_err(|_| format_err(path, format!("action id {k:?} is not an integer")))?;
        if let Some((l, f)) = labs.iter().find(|(_, &f)| f < 0) {
            return Err(format_err(
                path,
                format!("label {l:?} of action {id} has negative frequency {f}"),
            ));
        }
        let mut sorted: Vec<(&String, i64)> = labs.iter().map(|(l, &f)| (l, f)).collect();
        sorted.sort_by(|a, b| (b.1, b.0).cmp(&(a.1, a.0)));
        out.push((id, sorted.into_iter().map(|(l, _)| l.clone()).collect()));
    }
    out.sort_by_key(|x| x.0);
    Ok(out)
}
