def describe(event):
    match event:
        case {"type": "click", "x": x, "y": y}:
            where = f"click at {x}, {y}"
        case {"type": "key", "key": key} if key.isprintable():
            where = f"key {key}"
        case _:
            where = "something else"
    return where
def run(commands):
    position = 0
    for command in commands:
        match command.split():
            case ["go", steps]:
                position += int(steps)
            case ["back", steps]:
                position -= int(steps)
            case ["stop"]:
                break
            case _:
                raise ValueError(command)
    return position
match = "a"
for case in ["b", "c"]:
    match += case
print(match, run(["go 3", "back 1", "stop"]))
