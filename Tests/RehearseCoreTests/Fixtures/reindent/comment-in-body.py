def average(values):
    total = 0
    for value in values:
        # skip missing readings
        if value is None:
            continue
        total += value
    # an empty list averages to zero
    return total / len(values) if values else 0
