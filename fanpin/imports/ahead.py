"""Rows read and checked in a second process, while the first writes what came before.

A county's file is read, parsed and checked row by row (pure Python), and what is checked is
written by the database. On a server of two cores, the reading runs in a process of its own (forked,
so it starts with the file already in memory and needs nothing sent to it) and hands its results
over in batches; the importing process plans and writes them meanwhile. Where a process cannot be
forked, the rows are read in the importing process itself, as before.

Pure: imports no frappe. The forked process touches nothing it inherited but the file: it never uses
the database connection it was given a copy of, and it ends without running the importing process's
exit handlers.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from fanpin.policy.messages import PolicyError

BATCH = 2000
# A county's file makes millions of small objects that live until their part is written: the cycle
# collector, run every 700 new objects by default, would walk them over and over for nothing.
FEWER_COLLECTIONS = 50_000


@contextmanager
def collecting_less():
	"""Run the cycle collector less often inside the block (it still runs)."""
	before = gc.get_threshold()
	gc.set_threshold(max(before[0], FEWER_COLLECTIONS), *before[1:])
	try:
		yield
	finally:
		gc.set_threshold(*before)


def read_ahead(produce: Callable[[], Iterable], batch: int = BATCH) -> Iterator:
	"""The items ``produce()`` yields, produced in a forked process; in this one where none can be
	forked. A PolicyError raised there is raised here, as it would have been; any other failure there
	is raised here as a RuntimeError naming it."""
	if "fork" not in multiprocessing.get_all_start_methods():
		yield from produce()
		return
	context = multiprocessing.get_context("fork")
	receiving, sending = context.Pipe(duplex=False)
	reader = context.Process(target=_produce, args=(produce, sending, batch), daemon=True)
	reader.start()
	sending.close()
	try:
		while True:
			kind, payload = receiving.recv()
			if kind == "items":
				yield from payload
			elif kind == "policy":
				raise PolicyError(payload[0], *payload[1])
			elif kind == "failed":
				raise RuntimeError(payload)
			else:
				return
	finally:
		receiving.close()
		if reader.is_alive():
			reader.terminate()
		reader.join()


def _produce(produce: Callable[[], Iterable], sending, batch: int) -> None:
	try:
		items = []
		for item in produce():
			items.append(item)
			if len(items) >= batch:
				sending.send(("items", items))
				items = []
		if items:
			sending.send(("items", items))
		sending.send(("done", None))
	except PolicyError as error:
		sending.send(("policy", (error.message, tuple(error.args_for_message))))
	except BrokenPipeError:
		pass  # the importing process stopped reading: it has failed, and says why itself
	except BaseException as error:
		sending.send(("failed", f"{type(error).__name__}: {error}"))
	finally:
		sending.close()
		os._exit(0)  # not the exit handlers of the process this one was forked from
