"""The platform's gunicorn worker wakes one idle worker per connection, not all of them.

Four workers wait on one listening socket, as gunicorn's four processes do (here as threads, each with its
own signal pipe, running the worker's own ``wait``). One connection arrives: one of them is woken to
accept it, the other three stay asleep (with gunicorn's plain ``select`` all four wake and three find
nothing: CPU every respondent's screen paid). A signal still wakes each worker through its pipe.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from survey.serving import PlatformWorker, exclusive_poller

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="EPOLLEXCLUSIVE is Linux's")


def _worker(listener: socket.socket) -> PlatformWorker:
    """A worker as gunicorn's ``init_process`` leaves it before ``run``: its sockets, its pipe, what it waits on."""
    worker = object.__new__(PlatformWorker)
    worker.sockets, worker.PIPE, worker.nr = [listener], os.pipe(), 0
    for end in worker.PIPE:
        os.set_blocking(end, False)
    worker.wait_fds = [listener, worker.PIPE[0]]
    worker.notify = lambda: None  # the heartbeat file of a real worker
    worker._poller = exclusive_poller(worker.wait_fds, worker.PIPE[0])
    return worker


def _waiting_in_epoll(thread_ids: list[int]) -> bool:
    def place(tid: int) -> str:
        try:
            return Path(f"/proc/self/task/{tid}/wchan").read_text()
        except OSError:
            return ""

    return all("epoll" in place(tid) for tid in thread_ids)


def _wait_until(check, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout} s")
        time.sleep(0.01)


def test_one_connection_wakes_one_waiting_worker_and_a_signal_wakes_each():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    workers = [_worker(listener) for _ in range(4)]
    woken: dict[int, list] = {}
    thread_ids: dict[int, int] = {}

    def wait(index: int) -> None:
        thread_ids[index] = threading.get_native_id()
        woken[index] = workers[index].wait(60)

    threads = [threading.Thread(target=wait, args=(index,), daemon=True) for index in range(4)]
    for thread in threads:
        thread.start()
    _wait_until(lambda: len(thread_ids) == 4 and _waiting_in_epoll(list(thread_ids.values())), "four workers waiting")

    client = socket.create_connection(listener.getsockname())
    _wait_until(lambda: len(woken) >= 1, "a worker woken by the connection")
    first = next(iter(woken))
    assert woken[first] == [listener]
    connection, _address = listener.accept()  # what the woken worker does next
    asleep = [index for index in range(4) if index != first]
    assert _waiting_in_epoll([thread_ids[index] for index in asleep]) and len(woken) == 1

    for index in asleep:  # gunicorn's signal handler writes to the worker's own pipe
        os.write(workers[index].PIPE[1], b"1")
    for thread in threads:
        thread.join(30)
    assert all(woken[index] == [workers[index].PIPE[0]] for index in asleep)
    for each in (client, connection, listener):
        each.close()
