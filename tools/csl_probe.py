#!/usr/bin/env python3
"""Writes a known-item probe of output matching from CSL (github.com/ydli-ai/CSL, Apache-2.0): data
the ranking was never tuned on, with other queries than NSSFC's titles (docs/matching.md, "Beyond NSSFC").

    python3 tools/csl_probe.py ../shared/data/csl /tmp/csl
    ./helix import --data /tmp/csl/data /tmp/csl/corpus.jsonl
    ./helix match --data /tmp/csl/data --batch /tmp/csl/q.keywords.jsonl --target output --k 100 --run /tmp/csl/run.txt
    ./helix eval --qrels /tmp/csl/qrels.txt --run /tmp/csl/run.txt          # the same with q.abstract.jsonl

The corpus holds the titles of CSL's 2,000 dev and test papers and, as distractors, the 8,000 titles of
its category-classification training split (all of them real papers' titles, no abstracts). Each dev or
test paper gives two queries, both answered by its own title alone: its authors' keywords joined by 、
(a short demand that names techniques) and its abstract (a long demand that describes a problem in other
words than the title's). The run is deterministic: the same input gives the same files.
"""
import json
import sys
from pathlib import Path


def rows(folder, name):
    with open(folder / name, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def main(source, target):
    source, target = Path(source), Path(target)
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "corpus.jsonl", "w", encoding="utf-8") as corpus, \
            open(target / "q.abstract.jsonl", "w", encoding="utf-8") as abstracts, \
            open(target / "q.keywords.jsonl", "w", encoding="utf-8") as keywords, \
            open(target / "qrels.txt", "w", encoding="utf-8") as qrels:
        def write(f, record):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")

        for split in ("dev", "test"):
            # ts_*: task, abstract, title; kg_*: task, abstract (then the title), keywords joined by _ — rows aligned
            for i, (ts, kg) in enumerate(zip(rows(source, f"ts_{split}.tsv"), rows(source, f"kg_{split}.tsv"))):
                if not kg[1].startswith(ts[1][:50]):
                    sys.exit(f"ts_{split}.tsv and kg_{split}.tsv are not aligned at line {i + 1}")
                paper = f"csl-{split}-{i:04d}"
                write(corpus, {"kind": "output", "id": paper, "type": "paper", "title": ts[2]})
                write(abstracts, {"id": "q" + paper, "text": ts[1]})
                write(keywords, {"id": "q" + paper, "text": "、".join(k for k in kg[2].split("_") if k)})
                qrels.write(f"q{paper} 0 {paper} 1\n")
        for i, row in enumerate(rows(source, "cls_ctg_train.tsv")):
            write(corpus, {"kind": "output", "id": f"csl-train-{i:04d}", "type": "paper", "title": row[1]})


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: csl_probe.py CSL_FOLDER OUT_FOLDER")
    main(sys.argv[1], sys.argv[2])
