def shipping_cost(weight, express):
    if weight > 20:
        raise ValueError("too heavy to post")
    base = 4.5 + weight * 0.8
    if express:
        return round(base * 1.5, 2)
    else:
        return round(base, 2)
rates = {"standard": shipping_cost(2, False)}
rates["express"] = shipping_cost(2, True)
print(rates)
