/// The Python program that runs inside the sandbox. With `--serve` it is a fork server:
/// it reads one JSON request per line, runs each in a fresh child process (its own memory,
/// an empty working folder, its own limits), then kills whatever the child left running and
/// empties /tmp before the next request, so snippets cannot see each other. Without it, it
/// runs one request from standard input. Either way it answers one JSON line per request.
enum Driver {
    static let source = #"""
# Only what every run needs is imported up front: each module costs the server's start, and
# every child is forked with it. `ast` and `shutil` come in on the rare paths that use them.
import io, json, os, resource, select, signal, sys, time

LIMIT = 65536

class Capped(io.TextIOBase):
    def __init__(self):
        self.parts, self.size, self.truncated = [], 0, False
    def writable(self):
        return True
    def write(self, text):
        if self.size < LIMIT:
            take = text[:LIMIT - self.size]
            self.parts.append(take)
            self.size += len(take)
            self.truncated = self.truncated or len(take) < len(text)
        else:
            self.truncated = True
        return len(text)
    def value(self):
        return "".join(self.parts)

def snippet_line(error):
    line, frame = None, error.__traceback__
    while frame is not None:
        if frame.tb_frame.f_code.co_filename == "<snippet>":
            line = frame.tb_lineno
        frame = frame.tb_next
    return line

def printing_to(out, work):
    """Runs `work()` with standard output going to `out`."""
    saved, sys.stdout = sys.stdout, out
    try:
        return work()
    finally:
        sys.stdout = saved

THIRD_PARTY = {"aiohttp", "httpx", "requests", "numpy", "pandas", "django", "fastapi", "pydantic", "sqlalchemy", "pytest",
               "redis", "celery", "flask", "starlette", "uvicorn", "asyncpg", "dask", "torch", "boto3", "jwt", "jose"}

def run_snippet(code, prelude=None):
    try:
        program = compile(code, "<snippet>", "exec")
    except SyntaxError as error:
        try:
            import ast
            compile(code, "<snippet>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
            return {"status": "fragment", "error": "uses await outside a function: meant to run inside a coroutine"}
        except SyntaxError:
            return {"status": "unparsable", "error": "line %s: %s" % (error.lineno, error.msg)}
    out = Capped()
    namespace = {"__name__": "__main__"}
    def work():
        if prelude:
            exec(compile(prelude, "<prelude>", "exec"), namespace)
        exec(program, namespace)
    try:
        printing_to(out, work)
        return {"status": "runs", "output": out.value()}
    except ModuleNotFoundError as error:
        return {"status": "needs-package", "package": (error.name or "").split(".")[0], "output": out.value(),
                "error": "ModuleNotFoundError: %s" % error}
    except NameError as error:
        name, line = getattr(error, "name", None), snippet_line(error)
        if name in THIRD_PARTY:
            return {"status": "needs-package", "package": name, "output": out.value(),
                    "error": "NameError: %s (line %s): uses %s without importing it" % (error, line, name)}
        if name in sys.stdlib_module_names:
            return {"status": "fragment", "output": out.value(), "error": "NameError: %s (line %s): missing `import %s`" % (error, line, name)}
        return {"status": "fragment", "output": out.value(), "error": "NameError: %s (line %s): defined elsewhere" % (error, line)}
    except MemoryError:
        return {"status": "killed", "output": out.value(), "error": "MemoryError: the memory limit was hit"}
    except SystemExit as error:
        return {"status": "runs", "output": out.value(), "error": "SystemExit: %s" % error.code}
    except BaseException as error:
        return {"status": "fails", "output": out.value(), "error": "%s: %s (line %s)" % (type(error).__name__, error, snippet_line(error))}

def run_claim(setup, expr):
    namespace = {"__name__": "__main__"}
    try:
        def evaluate():
            if setup:
                exec(compile(setup, "<setup>", "exec"), namespace)
            return eval(compile(expr, "<claim>", "eval"), namespace)
        value = printing_to(Capped(), evaluate)
        return {"status": "ok", "actual": repr(value)}
    except BaseException as error:
        return {"status": "error", "actual": "%s: %s" % (type(error).__name__, error)}

def handle(request):
    if request.get("mode") == "claim":
        return run_claim(request.get("setup"), request["expr"])
    return run_snippet(request["code"], request.get("setup"))

def limit(cpu, memory, processes):
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))

def child(request, write_end, root):
    os.setsid()
    folder = os.path.join(root, "work-%d" % os.getpid())
    os.mkdir(folder)
    os.chdir(folder)
    limit(request.get("cpu", 5), request.get("memory", 1 << 30), request.get("processes", 64))
    result = handle(request)
    os.write(write_end, (json.dumps(result) + "\n").encode())
    os._exit(0)

def serve(root, isolated):
    for line in sys.stdin:
        request = json.loads(line)
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError as error:
            # Another snippet of the same user may hold every allowed process for a moment.
            os.close(read_end)
            os.close(write_end)
            sys.stdout.write(json.dumps({"status": "killed", "error": "could not start the snippet: %s" % error}) + "\n")
            sys.stdout.flush()
            continue
        if pid == 0:
            os.close(read_end)
            try:
                child(request, write_end, root)
            finally:
                os._exit(1)
        os.close(write_end)
        deadline = time.monotonic() + request.get("timeout", 5.0)
        data = b""
        timed_out = False
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_end], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            data += chunk
        os.close(read_end)
        for target in (-pid, pid):
            try:
                os.kill(target, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
        if isolated:
            # Alone in its PID namespace: end whatever escaped the child's group (signals
            # spare this server and the namespace's init).
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for entry in os.listdir(root):
            path = os.path.join(root, entry)
            try:
                os.rmdir(path) if os.path.isdir(path) and not os.path.islink(path) else os.unlink(path)
            except OSError:  # a folder the snippet wrote into
                import shutil
                shutil.rmtree(path, ignore_errors=True)
        if timed_out:
            result = {"status": "timeout", "error": "still running after %.1f s" % request.get("timeout", 5.0)}
        elif data:
            result = json.loads(data.decode().splitlines()[0])
        elif os.WIFSIGNALED(status):
            result = {"status": "killed", "error": "stopped by signal %d: a limit was hit" % os.WTERMSIG(status)}
        else:
            result = {"status": "killed", "error": "ended without an answer (exit %d)" % os.waitstatus_to_exitcode(status)}
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()

if __name__ == "__main__":
    if "--serve" in sys.argv:
        root = sys.argv[sys.argv.index("--root") + 1] if "--root" in sys.argv else "/tmp"
        serve(root, "--isolated" in sys.argv)
    else:
        request = json.loads(sys.stdin.readline())
        sys.stdout = sys.__stdout__
        print(json.dumps(handle(request)))
"""#
}
