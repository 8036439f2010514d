def find(items, target):
    index = 0
    while True:
        if index >= len(items): break
        if items[index] == target: return index
        index += 1
    return -1
