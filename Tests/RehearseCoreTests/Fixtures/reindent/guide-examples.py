# Reading a file lazily
def read_lines(path):
    with open(path) as handle:
        for line in handle:
            yield line.rstrip()
# Counting with a dictionary
counts = {}
for word in ["a", "b", "a"]:
    counts[word] = counts.get(word, 0) + 1
# Sorting by value
ranked = sorted(counts.items(), key=lambda pair: pair[1])
