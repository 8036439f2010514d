import queue
import threading
class Pool:
    def __init__(self, factory, size=5):
        self._factory = factory
        self._idle = queue.LifoQueue(maxsize=size)
        self._lock = threading.Lock()
        self._created = 0
        self._size = size
    def acquire(self, timeout=1.0):
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._created < self._size:
                self._created += 1
                return self._factory()
        return self._idle.get(timeout=timeout)
    def release(self, conn):
        self._idle.put_nowait(conn)
pool = Pool(lambda: object(), size=2)
a = pool.acquire()
b = pool.acquire()
pool.release(a)
print(pool.acquire() is a)
