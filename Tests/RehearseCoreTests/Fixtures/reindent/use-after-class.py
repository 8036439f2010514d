import threading
class Tally:
    def __init__(self):
        self.count = 0
        self._guard = threading.Lock()
    def bump(self):
        with self._guard:
            self.count += 1
tally = Tally()
workers = [threading.Thread(target=tally.bump) for _ in range(4)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print(tally.count)
