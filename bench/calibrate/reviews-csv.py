#!/usr/bin/env python3
"""Writes a review spreadsheet for `cohort calibrate` (bench/run-calibrate.sh), made as issue 15 describes a season:
2,500 items in 12 topics of unequal size and strength, 100 reviewers with loads from 10 to 120 reading mostly in
their own topic (85%) and otherwise anywhere, 3 reviews an item (7,500 in all), leniency N(0, 0.8) and scale
U(0.6, 1.4) per reviewer, on the demo's 1-5 rubric rescaled to 0-10.

usage: reviews-csv.py PATH [SEED]
"""
import csv
import random
import sys

ITEMS, REVIEWERS, READS, TOPICS, OWN_TOPIC = 2500, 100, 3, 12, 0.85


def main(path, seed):
    rng = random.Random(seed)
    # Topic sizes from 1 to 12 parts, so the largest is twelve times the smallest.
    topic_of = [t for t in range(TOPICS) for _ in range(round(ITEMS * (t + 1) / (TOPICS * (TOPICS + 1) / 2)))]
    topic_of = (topic_of + [TOPICS - 1] * ITEMS)[:ITEMS]
    rng.shuffle(topic_of)
    strength = [rng.gauss(0, 0.5) for _ in range(TOPICS)]
    quality = [strength[topic_of[i]] + rng.gauss(0, 1) for i in range(ITEMS)]

    loads = [rng.randint(10, 120) for _ in range(REVIEWERS)]
    loads = [max(1, round(load * ITEMS * READS / sum(loads))) for load in loads]
    main_topic = [r % TOPICS for r in range(REVIEWERS)]
    leniency = [rng.gauss(0, 0.8) for _ in range(REVIEWERS)]
    scale = [rng.uniform(0.6, 1.4) for _ in range(REVIEWERS)]

    rows = []
    for item in rng.sample(range(ITEMS), ITEMS):
        chosen = set()
        for _ in range(READS):
            free = [r for r in range(REVIEWERS) if r not in chosen and loads[r] > 0] or \
                   [r for r in range(REVIEWERS) if r not in chosen]
            own = [r for r in free if main_topic[r] == topic_of[item]]
            pool = own if own and rng.random() < OWN_TOPIC else free
            reviewer = rng.choices(pool, weights=[max(loads[r], 1) for r in pool])[0]
            chosen.add(reviewer)
            loads[reviewer] -= 1
            # The 1-5 rubric: the reviewer's own reading of the item, rounded and clamped, then rescaled to 0-10.
            rubric = min(5, max(1, round(3 + scale[reviewer] * quality[item] + leniency[reviewer] + rng.gauss(0, 0.6))))
            rows.append((f"reviewer-{reviewer + 1:03}@example.org", f"A-{item + 1:04}", (rubric - 1) * 2.5, f"topic {topic_of[item] + 1}"))

    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["reviewer", "item", "score", "topic"])
        writer.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15)
