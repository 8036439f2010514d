def parse_version(text):
    parts = text.split(".")
    return tuple(int(part) for part in parts)
versions = ["1.10.0", "1.9.3", "2.0.1"]
versions.sort(key=parse_version)
print(versions[-1])
