"""Running a learner's code apart: in a forked child process that a time limit can stop.

A learner's function may loop forever, print instead of returning, call ``exit()`` or
catch every exception there is, the one a timer raises included; an answer object may do
the same inside its ``__eq__``. None of that can reach the kernel when the code runs in a
child: on Linux and macOS :func:`run_apart` forks the process (the child sees every
function and variable of the notebook, as fork copies them), runs the task there with
its printing captured, and reads what the task sends back through a pipe. When the time
limit passes, the child is killed (``SIGKILL`` cannot be caught), and the parent says
which step was running. The child never returns into the kernel's code: it ends with
``os._exit`` whatever happens.

Where the system cannot fork (Windows), the task runs in the kernel itself under the
interval timer, which stops ordinary loops but not code that catches every exception.
"""

from __future__ import annotations

import io
import json
import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

#: The most characters of printed text a task keeps (the rest is dropped).
MAX_PRINTED = 2000


class TooSlow(BaseException):
    """Raised by the timer inside code that runs longer than its time limit (where no fork is used)."""


@dataclass
class Outcome:
    """What a task run apart sent back, and how it ended.

    Attributes:
        messages: every object the task sent, in order (JSON values).
        ended: ``"done"`` (the task returned), ``"timeout"`` (stopped at the time limit)
            or ``"died"`` (the child process ended without finishing: killed, out of memory).
        detail: for ``"died"``, how the child ended, in words.
    """

    messages: list = field(default_factory=list)
    ended: str = "done"
    detail: str = ""


class Printed(io.StringIO):
    """A stand-in for ``sys.stdout`` that keeps the first :data:`MAX_PRINTED` characters printed."""

    def write(self, text) -> int:
        text = str(text)
        room = MAX_PRINTED - self.tell()
        if room > 0:
            super().write(text[:room])
        return len(text)


@contextmanager
def time_limit(seconds: float):
    """Stop the code inside after ``seconds`` by raising ``TooSlow`` in it.

    It uses the interval timer of the main thread (as Jupyter runs a cell); elsewhere,
    or where the system has no such timer, the code runs without a limit. A timer the
    learner had set is restored afterwards.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    earlier = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if earlier[0]:
            signal.setitimer(signal.ITIMER_REAL, *earlier)


def can_fork() -> bool:
    """True where :func:`run_apart` runs tasks in a child process (Linux, macOS)."""
    return hasattr(os, "fork") and hasattr(os, "waitpid")


def run_apart(task, seconds: float) -> Outcome:
    """Run ``task(send)`` in a forked child process, stopped after ``seconds``.

    Args:
        task: a function of one argument, ``send``: the task calls ``send(value)`` with
            JSON values (progress, then its result); whatever it returns is ignored.
        seconds: the time limit, for the whole task.

    Returns:
        An :class:`Outcome`: what was sent, and whether the task finished, was stopped
        at the time limit, or died. Never raises for what the task does; a task's own
        exception is sent as ``{"raised": "Type: message"}``.

    >>> run_apart(lambda send: send(6 * 7), 5).messages
    [42]
    >>> outcome = run_apart(lambda send: [send("started"), time.sleep(60)], 0.5)
    >>> outcome.ended, outcome.messages
    ('timeout', ['started'])
    """
    if not can_fork():
        return _run_here(task, seconds)
    read_end, write_end = os.pipe()
    pid = _fork()
    if pid == 0:  # the child: run the task, send, and leave without ever returning
        try:
            os.close(read_end)
            _child(task, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    return _parent(pid, read_end, seconds)


def _fork() -> int:
    import warnings

    with warnings.catch_warnings():  # Python 3.12+ warns about forking with threads: the child runs no thread
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def _child(task, write_end: int) -> None:
    import sys

    def send(value) -> None:
        data = (json.dumps(value, default=repr) + "\n").encode("utf-8", "replace")
        while data:
            data = data[os.write(write_end, data):]

    for name in ("SIGALRM", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    sys.stdout = sys.stderr = Printed()  # nothing reaches the kernel's streams from here
    _quiet_kernel()
    try:
        task(send)
    except BaseException as err:  # noqa: BLE001 - whatever the learner's code does, say it in one line
        try:
            send({"raised": f"{type(err).__name__}: {err}"})
        except BaseException:  # noqa: BLE001
            pass


def _quiet_kernel() -> None:
    """In the child: no ``input()`` and no display, which would talk to the notebook through the kernel's sockets."""
    import builtins

    def no_input(prompt=""):
        raise EOFError("input() cannot ask anything while the check runs your function")

    builtins.input = no_input
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except Exception:  # noqa: BLE001 - no IPython: nothing to quiet
        return
    publisher = getattr(shell, "display_pub", None)
    if publisher is not None:
        publisher.publish = lambda *args, **kwargs: None
    if hasattr(shell, "displayhook"):
        sys_hook = lambda value: None  # noqa: E731
        import sys

        sys.displayhook = sys_hook


def _parent(pid: int, read_end: int, seconds: float) -> Outcome:
    import selectors

    deadline = time.monotonic() + seconds
    data, ended = b"", "done"
    selector = selectors.DefaultSelector()
    selector.register(read_end, selectors.EVENT_READ)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                ended = "timeout"
                break
            if not selector.select(left):
                continue
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            data += chunk
    finally:  # a KeyboardInterrupt (the stop button) too: the child never outlives the check
        selector.close()
        os.close(read_end)
        if ended == "timeout" or not _ended(pid):
            _kill(pid)
        status = _reap(pid)
    messages = []
    for line in data.split(b"\n"):
        try:
            messages.append(json.loads(line))
        except ValueError:
            continue  # an empty line, or one cut short when the child was stopped
    if ended == "done" and (status is None or status != 0):
        ended = "died"
    detail = _how_it_ended(status) if ended == "died" else ""
    return Outcome(messages, ended, detail)


def _ended(pid: int) -> bool:
    """True when the child has closed its pipe and is on its way out (waits up to a second)."""
    for _ in range(100):
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            _reaped[pid] = _status
            return True
        time.sleep(0.01)
    return False


_reaped: dict[int, int] = {}


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _reap(pid: int):
    if pid in _reaped:
        return _reaped.pop(pid)
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None


def _how_it_ended(status) -> str:
    if status is None:
        return "it ended in a way the check cannot tell"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        return f"it was stopped by the system ({name}), which happens when a program uses too much memory"
    return f"it ended the process itself (exit code {os.WEXITSTATUS(status)}), as exit() or os._exit() do"


def _run_here(task, seconds: float) -> Outcome:
    """Where there is no fork: the task runs in this process under the interval timer."""
    import sys

    messages = []
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = Printed()
    try:
        with time_limit(seconds):
            task(messages.append)
    except TooSlow:
        return Outcome(messages, "timeout")
    except KeyboardInterrupt:
        raise
    except BaseException as err:  # noqa: BLE001 - SystemExit and all: said in one line
        messages.append({"raised": f"{type(err).__name__}: {err}"})
    finally:
        sys.stdout, sys.stderr = saved
    return Outcome(messages, "done")
