#!/usr/bin/env python3
"""The spaCy baseline of scripts/bench: a Kafka consumer (confluent-kafka) that runs spaCy's NER
(`nlp.pipe`, every other component disabled, one process, one thread) over the same text fields
as verbatim (title, then the first non-empty of body/text/content) and produces
{"id", "lang", "article", "entities"} to an output topic, with the input key.

Usage: bench-spacy-consumer.py BROKERS INPUT_TOPIC OUTPUT_TOPIC GROUP MODELS_DIR [FETCH_WAIT_MS]
Runs until SIGTERM."""
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import json
import signal
import sys

import spacy
from confluent_kafka import Consumer, Producer

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm"}
BODY = ("body", "text", "content")


def main():
    brokers, in_topic, out_topic, group, models = sys.argv[1:6]
    fetch_wait = sys.argv[6] if len(sys.argv) > 6 else "500"
    nlps = {}
    for lang, d in MODELS.items():
        nlp = spacy.load(os.path.join(models, d))
        nlp.select_pipes(disable=[p for p in nlp.pipe_names if p != "ner"])
        nlps[lang] = nlp
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    consumer = Consumer({
        "bootstrap.servers": brokers,
        "group.id": group,
        "auto.offset.reset": "earliest",
        "session.timeout.ms": 6000,
        "enable.auto.commit": True,
        "fetch.wait.max.ms": int(fetch_wait),
    })
    producer = Producer({"bootstrap.servers": brokers, "linger.ms": 5, "enable.idempotence": True})
    consumer.subscribe([in_topic])
    while not stop:
        msgs = consumer.consume(num_messages=32, timeout=0.05)
        batch = []  # (key, article, lang, [(field, text)])
        for m in msgs:
            if m.error():
                continue
            try:
                art = json.loads(m.value())
            except ValueError:
                continue
            lang = (art.get("lang") or "").lower()
            fields = []
            if art.get("title"):
                fields.append(("title", art["title"]))
            body = next((f for f in BODY if art.get(f)), None)
            if body:
                fields.append((body, art[body]))
            batch.append((m.key(), art, lang, fields))
        for lang, nlp in nlps.items():
            items = [(i, f, t) for i, b in enumerate(batch) if b[2] == lang for f, t in b[3]]
            for (i, field, _), doc in zip(items, nlp.pipe(t for _, _, t in items)):
                batch[i][1].setdefault("_ents", []).extend(
                    {"field": field, "start": e.start_char, "end": e.end_char,
                     "text": e.text, "label": e.label_} for e in doc.ents)
        for key, art, lang, _ in batch:
            ents = art.pop("_ents", [])
            out = {"id": art.get("id"), "lang": lang, "article": art, "entities": ents}
            while True:
                try:
                    producer.produce(out_topic, json.dumps(out, ensure_ascii=False).encode(), key=key)
                    break
                except BufferError:
                    producer.poll(0.05)
        producer.poll(0)
    producer.flush(10)
    consumer.close()


if __name__ == "__main__":
    main()
