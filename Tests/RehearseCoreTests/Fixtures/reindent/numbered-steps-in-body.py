def load_scores(path):
    # 1. Read the rows
    with open(path) as handle:
        rows = [line.split(",") for line in handle]
    # 2. Keep the valid ones
    scores = {name: int(score) for name, score in rows if score.isdigit()}
    return scores
