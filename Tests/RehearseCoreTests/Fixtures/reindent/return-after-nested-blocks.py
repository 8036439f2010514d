def read_config(path, defaults):
    settings = dict(defaults)
    if os.path.exists(path):
        with open(path) as handle:
            for line in handle:
                key, _, value = line.partition('=')
                settings[key.strip()] = value.strip()
    return settings
