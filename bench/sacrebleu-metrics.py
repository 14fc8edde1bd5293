"""sacrebleu 2.6.0 for bench/metrics.ts (same machine, same moment). Two modes:

  python3 bench/sacrebleu-metrics.py
      times corpus chrF, chrF++ and BLEU and the sentence-BLEU loop in process on the bench's timing sets and
      prints one JSON object: per set and task the wall and CPU (process time) seconds of 5 runs after one
      warm-up run, and the scores;
  python3 bench/sacrebleu-metrics.py --ter-corpus FILE.tsv
      computes sacrebleu's corpus TER (TER() defaults) of hyp<TAB>ref lines once and prints
      {"score", "num_edits", "ref_length"}: run as a fresh process, it is sacrebleu's whole-process TER.

Where sacrebleu comes from: an installed sacrebleu 2.6.0 (pip install sacrebleu==2.6.0), or its source tree,
found at $SACREBLEU_SRC or else /tmp/sacrebleu-2.6.0 (the directory that holds the `sacrebleu` package):
    git clone https://github.com/mjpost/sacrebleu && git -C sacrebleu archive v2.6.0 | tar -x -C /tmp/sacrebleu-2.6.0
    echo "__version__ = version = '2.6.0'" > /tmp/sacrebleu-2.6.0/sacrebleu/version.py   # setuptools_scm writes it
It needs regex, numpy and colorama; portalocker, tabulate and lxml (downloads, tables, WMT XML: never used by
the metrics) are stubbed when missing. Exit 3 with one line on stderr when sacrebleu 2.6.0 cannot be imported."""
import json
import os
import sys
import time
import types

SRC = os.environ.get('SACREBLEU_SRC') or '/tmp/sacrebleu-2.6.0'
if os.path.isdir(os.path.join(SRC, 'sacrebleu')):
    sys.path.insert(0, SRC)
for name in ['portalocker', 'tabulate', 'lxml', 'lxml.etree']:
    try:
        __import__(name)
    except ImportError:
        stub = types.ModuleType(name)
        stub.tabulate = lambda *a, **k: ''  # `from tabulate import tabulate`
        sys.modules[name] = stub
        if name == 'lxml.etree':
            sys.modules['lxml'].etree = stub
try:
    import sacrebleu
    from sacrebleu.metrics import BLEU, CHRF, TER
except ImportError as e:
    print(f'sacrebleu 2.6.0 is not importable ({e}); set SACREBLEU_SRC to its source tree (see bench/sacrebleu-metrics.py)', file=sys.stderr)
    sys.exit(3)
if sacrebleu.__version__ != '2.6.0':
    print(f'sacrebleu {sacrebleu.__version__} found, 2.6.0 needed', file=sys.stderr)
    sys.exit(3)

HERE = os.path.dirname(os.path.abspath(__file__))


def read(path):
    rows = [l.rstrip('\n').split('\t') for l in open(path, encoding='utf-8') if l.strip()]
    return [r[0] for r in rows], [r[1] for r in rows]


if len(sys.argv) == 3 and sys.argv[1] == '--ter-corpus':
    hyps, refs = read(sys.argv[2])
    s = TER().corpus_score(hyps, [refs])
    print(json.dumps({'score': s.score, 'num_edits': s.num_edits, 'ref_length': s.ref_length}))
    sys.exit(0)

out = {'version': sacrebleu.__version__, 'python': sys.version.split()[0], 'source': os.path.dirname(os.path.dirname(os.path.abspath(sacrebleu.__file__))), 'sets': {}}
for name in ['perf_25w.tsv', 'perf_150w.tsv']:
    hyps, refs = read(os.path.join(HERE, 'data', name))
    sent = BLEU(effective_order=True)
    tasks = {
        'chrf': lambda: CHRF().corpus_score(hyps, [refs]).score,
        'chrfpp': lambda: CHRF(word_order=2).corpus_score(hyps, [refs]).score,
        'bleu': lambda: BLEU().corpus_score(hyps, [refs]).score,
        'bleuSentence': lambda: [sent.sentence_score(h, [r]).score for h, r in zip(hyps, refs)][-1],
    }
    res = {}
    for task, fn in tasks.items():
        fn()
        wall, cpu = [], []
        for _ in range(5):
            t, c = time.perf_counter(), time.process_time()
            score = fn()
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        res[task] = {'wall': wall, 'cpu': cpu, 'score': score}
    out['sets'][name] = res
print(json.dumps(out))
