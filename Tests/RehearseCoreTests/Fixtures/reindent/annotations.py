from typing import Dict, List
class Registry:
    entries: Dict[str, List[int]]
    name: str = "default"
    def add(self, key: str, value: int) -> None:
        self.entries.setdefault(key, []).append(value)
