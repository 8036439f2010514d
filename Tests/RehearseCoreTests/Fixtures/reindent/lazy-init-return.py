_cache = {}
def lookup(key):
    if key not in _cache:
        _cache[key] = key.upper()
    return _cache[key]
