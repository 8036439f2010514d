def clamp(value, low, high):
    if value < low:
        value = low
    if value > high:
        value = high
    return value
