class Stack:
    """A last-in, first-out list."""
    limit = 100
    def __init__(self):
        self.items = []
    def push(self, item):
        if len(self.items) >= self.limit:
            raise OverflowError("stack is full")
        self.items.append(item)
    def pop(self):
        return self.items.pop()
stack = Stack()
stack.push(1)
