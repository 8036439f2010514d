class _Clock:
    name: ClassVar[str] = "clock"
    def __call__(self, offset: int = 0, strict: bool = False) -> NoReturn:
        __tracebackhide__ = True
        raise Stopped(moment=now() + offset, strict=strict)
clock: _Clock = _Clock()
class _Timer:
    name: ClassVar[str] = "timer"
    def __call__(self, limit: int = 10, strict: bool = True) -> NoReturn:
        __tracebackhide__ = True
        raise Stopped(moment=now() + limit, strict=strict)
timer: _Timer = _Timer()
