#!/usr/bin/env python3
"""Render deploy/helm/verbatim without helm, for the checks of scripts/check-deploy on machines
where no package provides helm (Debian has none; PyPI's "helm" packages are unrelated).

Usage: helm-render.py CHART_DIR [--set key.path=value ...]   → the rendered manifests on stdout

It implements the part of Helm's template language the chart uses, and fails on anything else
(so the chart cannot drift out of what is checked): {{ }} and {{- -}} trimming, comments,
define/include, if/else/end (with `not`), with, pipelines, .Values/.Chart/.Release/.Files.Get,
and the functions default, quote, nindent, indent, toYaml, sha256sum, trunc, trimSuffix, printf.
When helm is installed, scripts/check-deploy runs `helm lint` and `helm template` as well.
"""
import hashlib, os, re, shlex, sys
import yaml

ACTION = re.compile(r"\{\{(-?)(.*?)(-?)\}\}", re.S)


class RenderError(Exception):
    pass


def lex(src):
    """Text and action tokens, with Helm's whitespace trimming applied."""
    out, pos = [], 0
    for m in ACTION.finditer(src):
        text = src[pos:m.start()]
        if m.group(1) == "-":
            text = text.rstrip()
        out.append(("text", text))
        out.append(("act", m.group(2).strip(), m.group(3) == "-"))
        pos = m.end()
    out.append(("text", src[pos:]))
    # `-}}` trims the whitespace that follows.
    for i, t in enumerate(out):
        if t[0] == "act" and t[2] and i + 1 < len(out):
            out[i + 1] = ("text", out[i + 1][1].lstrip())
    return out


def parse(tokens, i=0, stop=("end",)):
    """A list of nodes up to one of `stop` keywords; returns (nodes, index, keyword)."""
    nodes = []
    while i < len(tokens):
        t = tokens[i]
        i += 1
        if t[0] == "text":
            nodes.append(("text", t[1]))
            continue
        a = t[1]
        if a.startswith("/*"):
            continue
        word = a.split(None, 1)[0] if a else ""
        rest = a[len(word):].strip()
        if word in stop:
            return nodes, i, word
        if word in ("if", "with"):
            body, i, kw = parse(tokens, i, ("end", "else"))
            other = []
            if kw == "else":
                other, i, _ = parse(tokens, i, ("end",))
            nodes.append((word, rest, body, other))
        elif word == "define":
            body, i, _ = parse(tokens, i, ("end",))
            nodes.append(("define", shlex.split(rest)[0], body))
        elif word in ("end", "else", "range", "template", "block"):
            raise RenderError(f"unsupported or unbalanced action {{{{ {a} }}}}")
        else:
            nodes.append(("expr", a))
    return nodes, i, None


def truthy(v):
    return not (v is None or v is False or v == 0 or v == "" or v == [] or v == {})


class Renderer:
    def __init__(self, chart_dir, values):
        self.dir = chart_dir
        chart = yaml.safe_load(open(os.path.join(chart_dir, "Chart.yaml")))
        self.root = {
            "Values": values,
            "Chart": {k[0].upper() + k[1:]: v for k, v in chart.items()},
            "Release": {"Name": "verbatim", "Namespace": "verbatim", "Service": "Helm"},
        }
        self.defines = {}

    def value(self, tok, dot):
        if tok == ".":
            return dot
        if tok.startswith('"'):
            return shlex.split(tok)[0]
        if re.fullmatch(r"-?\d+", tok):
            return int(tok)
        if tok.startswith("."):
            cur = self.root if tok.split(".")[1] in self.root else dot
            for part in tok.split(".")[1:]:
                if not isinstance(cur, dict):
                    raise RenderError(f"{tok}: {part} of a non-map")
                cur = cur.get(part)
            return cur
        raise RenderError(f"unknown value {tok!r}")

    def call(self, words, dot, piped=None):
        args = list(words[1:])
        name = words[0]
        vals = [self.value(a, dot) for a in args if not a.startswith(".Files.")]
        if piped is not None:
            vals.append(piped[0])
        if name == ".Files.Get":
            path = shlex.split(args[0])[0]
            return open(os.path.join(self.dir, path)).read()
        fns = {
            "include": lambda n, ctx: self.render_nodes(self.defines[n], ctx),
            "default": lambda d, v=None: v if truthy(v) else d,
            "quote": lambda v: '"' + str(v).replace('"', '\\"') + '"',
            "nindent": lambda n, s: "\n" + "\n".join((" " * n + l) if l else l for l in str(s).split("\n")),
            "indent": lambda n, s: "\n".join((" " * n + l) if l else l for l in str(s).split("\n")),
            "toYaml": lambda v: yaml.safe_dump(v, sort_keys=True, default_flow_style=False).rstrip("\n"),
            "sha256sum": lambda s: hashlib.sha256(str(s).encode()).hexdigest(),
            "trunc": lambda n, s: str(s)[:n],
            "trimSuffix": lambda suf, s: s[: -len(suf)] if suf and s.endswith(suf) else s,
            "printf": lambda f, *a: re.sub(r"%[sdv]", "{}", f).format(*a),
            "not": lambda v: not truthy(v),
        }
        if name in fns:
            return fns[name](*vals)
        if len(words) == 1 and piped is None:
            return self.value(name, dot)
        raise RenderError(f"unsupported function {name!r}")

    def eval(self, expr, dot):
        cmds = [shlex.split(c, posix=False) for c in re.split(r"\|(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", expr)]
        result = self.call(cmds[0], dot)
        for c in cmds[1:]:
            result = self.call(c, dot, (result,))
        return result

    def render_nodes(self, nodes, dot):
        out = []
        for n in nodes:
            kind = n[0]
            if kind == "text":
                out.append(n[1])
            elif kind == "define":
                self.defines[n[1]] = n[2]
            elif kind == "expr":
                v = self.eval(n[1], dot)
                out.append("" if v is None else str(v).lower() if isinstance(v, bool) else str(v))
            elif kind == "if":
                out.append(self.render_nodes(n[2] if truthy(self.eval(n[1], dot)) else n[3], dot))
            elif kind == "with":
                v = self.eval(n[1], dot)
                out.append(self.render_nodes(n[2], v) if truthy(v) else self.render_nodes(n[3], dot))
        return "".join(out)

    def render(self, path):
        nodes, _, kw = parse(lex(open(path).read()), stop=())
        return self.render_nodes(nodes, self.root["Values"])


def set_value(values, assignment):
    key, raw = assignment.split("=", 1)
    cur = values
    parts = key.split(".")
    for p in parts[:-1]:
        cur = cur.setdefault(p, {})
    cur[parts[-1]] = yaml.safe_load(raw)


def main():
    chart, sets = sys.argv[1], []
    args = sys.argv[2:]
    while args:
        if args[0] == "--set" and len(args) > 1:
            sets.append(args[1])
            args = args[2:]
        else:
            raise SystemExit(f"usage: helm-render.py CHART [--set k=v ...] (got {args[0]!r})")
    values = yaml.safe_load(open(os.path.join(chart, "values.yaml")))
    for s in sets:
        set_value(values, s)
    r = Renderer(chart, values)
    tdir = os.path.join(chart, "templates")
    names = sorted(os.listdir(tdir))
    for name in [n for n in names if n.endswith(".tpl")]:
        r.render(os.path.join(tdir, name))
    for name in [n for n in names if n.endswith(".yaml")]:
        text = r.render(os.path.join(tdir, name))
        if text.strip():
            print(f"---\n# Source: verbatim/templates/{name}\n{text.strip()}")


if __name__ == "__main__":
    try:
        main()
    except RenderError as e:
        raise SystemExit(f"helm-render: {e}")
