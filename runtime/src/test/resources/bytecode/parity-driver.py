"""The CPython side of the parity tests (gilbook.runtime.bytecode.parity).

Usage:
  python3 parity-driver.py run CASE.py SPEC_JSON
  python3 parity-driver.py eval EXPR < OUTCOME_JSON

run: prints one JSON object with this python's version, the listing of CASE.py as
dis.dis(compile(source, "CASE.py", "exec")) prints it (module code and every nested code
object), and the outcome of running the case the way the VM will: module code executed, then
entry(**args) in N threading.Threads that share the same argument objects. SPEC_JSON holds
entry, threads, args, globals, module (bool), interval (seconds) and serial (bool; also run
entry N times one after another in one thread, from a fresh start, for compare=no-lost-updates).

Without module=true the case's module should only define functions (the header's globals hold
the data): "module_data" lists the data names its code assigned anyway, which the harness
refuses, because a VM that runs module code would start from other values than one that does not.
With module=true the header's globals are set first and the module's code runs over them, in the
main thread; an exception there is reported as the thread "MainThread" and no thread starts.

eval: reads an outcome ({"args": ..., "globals": ...}) from stdin and prints {"value": bool}
(or {"error": "..."}) for EXPR evaluated with the globals and then the args as names.
Both sides of a parity test are judged on their JSON form (dict keys are strings).
"""

import contextlib
import copy
import dis
import io
import json
import sys
import threading


def plain(v):
    """Whether v is data the VM hands back as a plain value (not a function, module, lock...)."""
    if v is None or isinstance(v, (bool, int, float, str)):
        return True
    if isinstance(v, (list, tuple)):
        return all(plain(x) for x in v)
    if isinstance(v, dict):
        return all(isinstance(k, (str, int)) and plain(x) for k, x in v.items())
    return False


def fresh_globals(code, spec, errors):
    """The module's globals before the threads start, and the data names its own code assigned."""
    # As an import names it (the VM does the same): an `if __name__ == "__main__":` block is skipped.
    g = {"__name__": code.co_filename.removesuffix(".py")}
    if spec["module"]:
        g.update(copy.deepcopy(spec["globals"]))  # as the VM does: the module's assignments win
        try:
            exec(code, g)
        except Exception as e:
            errors["MainThread"] = f"{type(e).__name__}: {e}"
        return g, []
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, g)  # defines the functions
    assigned = [k for k, v in g.items() if not k.startswith("__") and plain(v)]
    g.update(copy.deepcopy(spec["globals"]))
    return g, assigned


def outcome(g, args, out, errors):
    return {
        "args": args,
        "globals": {k: v for k, v in g.items() if not k.startswith("__") and plain(v)},
        "stdout": out,
        "errors": errors,
    }


def run_threads(code, spec):
    sink = io.StringIO()
    errors = {}

    def hook(a):
        errors[a.thread.name] = f"{a.exc_type.__name__}: {a.exc_value}"

    old = threading.excepthook
    threading.excepthook = hook
    try:
        with contextlib.redirect_stdout(sink):
            g, assigned = fresh_globals(code, spec, errors)
            args = copy.deepcopy(spec["args"])
            if "MainThread" not in errors:
                entry = g[spec["entry"]]
                ts = [
                    threading.Thread(target=entry, kwargs=args, name=f"Thread-{i}")
                    for i in range(1, spec["threads"] + 1)
                ]
                for t in ts:
                    t.start()
                for t in ts:
                    t.join()
    finally:
        threading.excepthook = old
    return outcome(g, args, sink.getvalue(), errors), assigned


def run_serial(code, spec):
    sink = io.StringIO()
    errors = {}
    with contextlib.redirect_stdout(sink):
        g, _ = fresh_globals(code, spec, errors)
        args = copy.deepcopy(spec["args"])
        for i in range(1, spec["threads"] + 1):
            if "MainThread" in errors:
                break
            try:
                g[spec["entry"]](**args)
            except Exception as e:  # as a thread would end; the others go on
                errors[f"Thread-{i}"] = f"{type(e).__name__}: {e}"
    return outcome(g, args, sink.getvalue(), errors)


def run(path, spec):
    with open(path) as f:
        source = f.read()
    name = path.rsplit("/", 1)[-1]
    code = compile(source, name, "exec")
    listing = io.StringIO()
    dis.dis(code, file=listing)
    sys.setswitchinterval(spec["interval"])
    result = {
        "version": sys.version.split()[0],
        "listing": listing.getvalue(),
    }
    result["threaded"], result["module_data"] = run_threads(code, spec)
    if spec["serial"]:
        result["serial"] = run_serial(code, spec)
    # A JSON round trip, so that the harness and an invariant see the same form on both sides.
    print(json.dumps(json.loads(json.dumps(result, default=repr))))


def evaluate(expr):
    data = json.load(sys.stdin)
    names = dict(data.get("globals", {}))
    names.update(data.get("args", {}))
    try:  # the names as globals, so that a comprehension in EXPR sees them too
        print(json.dumps({"value": bool(eval(expr, names))}))
    except Exception as e:
        print(json.dumps({"error": f"{type(e).__name__}: {e}"}))


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run(sys.argv[2], json.loads(sys.argv[3]))
    elif sys.argv[1] == "eval":
        evaluate(sys.argv[2])
    else:
        sys.exit("usage: parity-driver.py run CASE.py SPEC_JSON | eval EXPR < OUTCOME_JSON")
