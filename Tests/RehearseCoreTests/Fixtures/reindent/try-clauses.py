import json
def load_settings(path):
    try:
        handle = open(path)
    except FileNotFoundError:
        return {}
    else:
        with handle:
            settings = json.load(handle)
    finally:
        print("looked for", path)
    return settings
