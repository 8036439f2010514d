from typing import ClassVar, Dict, List
class Registry:
    entries: Dict[str, List[int]]
    name: str = "default"
    MAX_ENTRIES: int
    VALIDATORS: ClassVar[Dict[str, str]]
    parent: "Registry"
    children: 'list[Registry] | None' = None
    def add(self, key: str, value: int) -> None:
        self.entries.setdefault(key, []).append(value)
