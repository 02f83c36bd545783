import gc

from survey import create_app

app = create_app()
# Everything loaded at start lives as long as the worker: keep it out of every later garbage collection
# (a full collection otherwise walks these ~160,000 objects again, about 100 ms each time).
gc.freeze()
