#!/usr/bin/env python3
"""Dump spaCy 3.8 NER spans of a gold/input JSONL file (title, then text/body/content) as a
test fixture: one line per span {id, field, start, end (code points), bstart, bend (bytes), label, text}.
usage: /work/spacy-venv/bin/python scripts/dump-ner-spans.py GOLD.jsonl [GOLD.json ...] > tests/fixtures/dev-ner-spans.jsonl"""
import json, sys, spacy

MODELS = {"fr": "models/fr_core_news_md", "en": "models/en_core_web_sm"}
nlps = {}
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    docs = [json.loads(text)] if path.endswith(".json") else [json.loads(l) for l in text.splitlines() if l.strip()]
    for d in docs:
        lang = d.get("lang")
        if lang not in nlps:
            nlps[lang] = spacy.load(MODELS[lang])
        for field in ("title", "text", "body", "content"):
            t = d.get(field)
            if not t:
                continue
            for e in nlps[lang](t).ents:
                b0 = len(t[: e.start_char].encode()); b1 = len(t[: e.end_char].encode())
                print(json.dumps({"id": str(d["id"]), "field": field, "start": e.start_char, "end": e.end_char,
                                  "bstart": b0, "bend": b1, "label": e.label_, "text": e.text}, ensure_ascii=False))
