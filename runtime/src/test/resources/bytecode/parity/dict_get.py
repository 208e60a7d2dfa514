# dict.get with a default, and a dict item written back.
# parity: entry=tally args={"words": ["to", "be", "or", "not", "to", "be"], "counts": {}}
# parity: entry=tally args={"words": ["a", "b", "a"], "counts": {"a": 10, "c": 1}}
def tally(words, counts):
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts.get("zzz")
