class ThreadedPolicy(policies.BasePolicy):
    worker_factory = ThreadWorker
class ProcessPolicy(policies.BasePolicy):
    worker_factory = ProcessWorker
DefaultPolicy = ProcessPolicy
class Corner(ctypes.Structure):
    _fields_ = [('x', LONG),
        ('y', LONG)]
class Box(ctypes.Structure):
    _fields_ = [('top_left', Corner),
        ('bottom_right', Corner)]
