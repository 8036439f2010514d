def describe(width, height, unit):
    area = width * \
        height
    label = "{} x {} {}".format(
        width,
        height,
        unit)
    return label, \
        area
