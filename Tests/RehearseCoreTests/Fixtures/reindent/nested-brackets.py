import pytest
SETTINGS = {
    "db": {
        "host": "localhost",
        "ports": [5432, 5433],
    },
    "debug": True,
}
@pytest.mark.parametrize("text,length", [
    ("hello", 5),
    ("", 0),
])
def test_length(text, length):
    assert len(text) == length
    ports = sorted(
        SETTINGS["db"]["ports"],
        key=lambda port: (
            port % 2,
            port,
        ),
    )
    assert ports == [5432, 5433]
