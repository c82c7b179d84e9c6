//! Readers for the pipeline files: thinc msgpack models (`ner/model`), msgpack maps
//! (`ner/moves`, `vocab/lookups.bin`, `vocab/key2row`) and `.npy` float32 arrays (`vocab/vectors`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rmpv::{Value, ValueRef};

use super::types::NerError;

/// A float32 array in C order.
#[derive(Debug, Clone)]
pub(crate) struct Array {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

/// A parameter of a thinc node: its shape and where its little-endian float32 values lie in
/// the model file's bytes (decoded only when a component asks for it, straight from the file).
#[derive(Debug, Clone)]
pub(crate) struct Param {
    pub shape: Vec<usize>,
    pub bytes: std::ops::Range<usize>,
}

/// One thinc node (`walk()` order) with its dims, params and decoded attrs.
#[derive(Debug)]
pub(crate) struct Node {
    pub name: String,
    pub dims: HashMap<String, i64>,
    pub params: HashMap<String, Param>,
    pub attrs: HashMap<String, Value>,
}

/// A thinc model file: its bytes and its nodes (whose params point into the bytes).
#[derive(Debug)]
pub(crate) struct ThincModel {
    pub bytes: Vec<u8>,
    pub nodes: Vec<Node>,
}

/// Little-endian float32 values of `bytes` (whose length is a multiple of 4).
pub(crate) fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
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

/// A borrowed map key as text (msgpack str or bin).
fn key_str_ref<'v>(v: &'v ValueRef<'_>) -> Option<&'v str> {
    match v {
        ValueRef::String(s) => s.as_str(),
        ValueRef::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

/// Looks up a string (or byte-string) key in a borrowed msgpack map.
fn map_get_ref<'a, 'v>(v: &'a ValueRef<'v>, key: &str) -> Option<&'a ValueRef<'v>> {
    match v {
        ValueRef::Map(m) => m
            .iter()
            .find(|(k, _)| key_str_ref(k) == Some(key))
            .map(|(_, v)| v),
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

/// Where a thinc param's data lies in `file` (`base` is the address of its first byte).
fn param_ref(path: &Path, v: &ValueRef<'_>, base: usize) -> Result<Param, NerError> {
    let ty = map_get_ref(v, "type").and_then(key_str_ref).unwrap_or("");
    if ty != "<f4" {
        return Err(format_err(
            path,
            format!("array dtype {ty:?}, expected \"<f4\""),
        ));
    }
    let shape: Vec<usize> = match map_get_ref(v, "shape") {
        Some(ValueRef::Array(dims)) => dims
            .iter()
            .map(|d| d.as_u64().map(|d| d as usize))
            .collect::<Option<_>>()
            .ok_or_else(|| format_err(path, "array shape is not a list of ints"))?,
        _ => return Err(format_err(path, "array without shape")),
    };
    let data = match map_get_ref(v, "data") {
        Some(ValueRef::Binary(b)) => *b,
        _ => return Err(format_err(path, "array without binary data")),
    };
    let n: usize = shape.iter().product();
    if data.len() != n * 4 {
        return Err(format_err(
            path,
            format!("array {shape:?} has {} data bytes", data.len()),
        ));
    }
    let start = data.as_ptr() as usize - base;
    Ok(Param {
        shape,
        bytes: start..start + data.len(),
    })
}

/// Reads a thinc model file: `{nodes, attrs, params, shims}`. The msgpack tree is read borrowing
/// the file's bytes: the params stay in them until a component decodes the ones it uses.
pub(crate) fn read_thinc_model(path: &Path) -> Result<ThincModel, NerError> {
    let bytes = read_bytes(path)?;
    let nodes = thinc_nodes(path, &bytes)?;
    Ok(ThincModel { bytes, nodes })
}

fn thinc_nodes(path: &Path, bytes: &[u8]) -> Result<Vec<Node>, NerError> {
    let base = bytes.as_ptr() as usize;
    let mut rd = bytes;
    let root = rmpv::decode::read_value_ref(&mut rd)
        .map_err(|e| format_err(path, format!("msgpack: {e}")))?;
    let list = |k: &str| -> Result<&Vec<ValueRef<'_>>, NerError> {
        match map_get_ref(&root, k) {
            Some(ValueRef::Array(a)) => Ok(a),
            _ => Err(format_err(path, format!("no {k:?} list"))),
        }
    };
    let nodes = list("nodes")?;
    let attrs = list("attrs")?;
    let params = list("params")?;
    if nodes.len() != attrs.len() || nodes.len() != params.len() {
        return Err(format_err(path, "nodes/attrs/params lengths differ"));
    }
    let mut out = Vec::with_capacity(nodes.len());
    for ((n, a), p) in nodes.iter().zip(attrs).zip(params) {
        let name = map_get_ref(n, "name")
            .and_then(key_str_ref)
            .ok_or_else(|| format_err(path, "node without name"))?
            .to_string();
        let mut dims = HashMap::new();
        if let Some(ValueRef::Map(m)) = map_get_ref(n, "dims") {
            for (k, v) in m {
                if let (Some(k), ValueRef::Integer(v)) = (key_str_ref(k), v) {
                    if let Some(v) = v.as_i64() {
                        dims.insert(k.to_string(), v);
                    }
                }
            }
        }
        let mut node_params = HashMap::new();
        if let ValueRef::Map(m) = p {
            for (k, v) in m {
                let k = key_str_ref(k).ok_or_else(|| format_err(path, "bad param name"))?;
                let param = param_ref(path, v, base)
                    .map_err(|e| format_err(path, format!("param {k} of {name}: {e}")))?;
                node_params.insert(k.to_string(), param);
            }
        }
        let mut node_attrs = HashMap::new();
        if let ValueRef::Map(m) = a {
            for (k, v) in m {
                let Some(k) = key_str_ref(k) else { continue };
                let v = match v {
                    ValueRef::Binary(b) => decode_msgpack(path, b)?,
                    other => other.to_owned(),
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
    use std::io::Read;
    let io = |source| NerError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let file_len = file.metadata().map_err(io)?.len();
    // The body is read a block at a time straight into the floats: the file's bytes are never
    // all in memory beside them (the French vectors are 24 MB).
    let mut rd = std::io::BufReader::with_capacity(1 << 16, file);
    let mut magic = [0u8; 8];
    rd.read_exact(&mut magic)
        .map_err(|_| format_err(path, "not a .npy file"))?;
    if &magic[..6] != b"\x93NUMPY" {
        return Err(format_err(path, "not a .npy file"));
    }
    let hlen = match magic[6] {
        1 => {
            let mut b = [0u8; 2];
            rd.read_exact(&mut b).map_err(io)?;
            u16::from_le_bytes(b) as usize
        }
        2 | 3 => {
            let mut b = [0u8; 4];
            rd.read_exact(&mut b).map_err(io)?;
            u32::from_le_bytes(b) as usize
        }
        v => return Err(format_err(path, format!("unsupported .npy version {v}"))),
    };
    let hstart = if magic[6] == 1 { 10 } else { 12 };
    let mut header = vec![0u8; hlen];
    rd.read_exact(&mut header)
        .map_err(|_| format_err(path, "bad .npy header"))?;
    let header = std::str::from_utf8(&header).map_err(|_| format_err(path, "bad .npy header"))?;
    let shape = npy_shape(path, header)?;
    let n: usize = shape.iter().product();
    let body_len = file_len.saturating_sub((hstart + hlen) as u64);
    if body_len != n as u64 * 4 {
        return Err(format_err(
            path,
            format!("shape {shape:?} needs {} bytes, found {body_len}", n * 4),
        ));
    }
    let mut data = Vec::with_capacity(n);
    let mut block = vec![0u8; 1 << 16];
    while data.len() < n {
        let want = ((n - data.len()) * 4).min(block.len());
        rd.read_exact(&mut block[..want]).map_err(io)?;
        data.extend(
            block[..want]
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])),
        );
    }
    Ok(Array { shape, data })
}

/// The shape of a `.npy` header, checked for little-endian float32 in C order.
fn npy_shape(path: &Path, header: &str) -> Result<Vec<usize>, NerError> {
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
    shape_src
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<usize>())
        .collect::<Result<_, _>>()
        .map_err(|_| format_err(path, format!("bad shape {shape_src:?}")))
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
