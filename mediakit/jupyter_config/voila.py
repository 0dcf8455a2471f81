# mediakit's settings for the stand-alone `voila` command:
# kernels of closed Voila pages are shut down, idle kernels culled. See mediakit/lessons/serving.py.
from mediakit.lessons.serving import configure

configure(c)  # type: ignore[name-defined]  # noqa: F821 - `c` is the config object Jupyter provides
