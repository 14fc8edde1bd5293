"""Times sacrebleu 2.6.0's corpus chrF, chrF++ and BLEU and its sentence-BLEU loop in process on the bench's
timing sets, for bench/metrics.ts (same machine, same moment). Prints one JSON object: per set and task the
wall and CPU (process time) seconds of 3 runs after one warm-up run, and the scores.

Needs sacrebleu 2.6.0 importable (pip install sacrebleu==2.6.0, or its source on PYTHONPATH)."""
import json
import os
import sys
import time

import sacrebleu
from sacrebleu.metrics import BLEU, CHRF

assert sacrebleu.__version__ == '2.6.0', sacrebleu.__version__
HERE = os.path.dirname(os.path.abspath(__file__))
out = {'version': sacrebleu.__version__, 'python': sys.version.split()[0], 'sets': {}}
for name in ['perf_25w.tsv', 'perf_150w.tsv']:
    rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(HERE, 'data', name), encoding='utf-8') if l.strip()]
    hyps, refs = [r[0] for r in rows], [r[1] for r in rows]
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
        for _ in range(3):
            t, c = time.perf_counter(), time.process_time()
            score = fn()
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        res[task] = {'wall': wall, 'cpu': cpu, 'score': score}
    out['sets'][name] = res
print(json.dumps(out))
