# mediakit's settings for a Jupyter server that serves the lessons (JupyterLab, /voila/render/):
# kernels of closed Voila pages are shut down, idle kernels culled. See mediakit/lessons/serving.py.
from mediakit.lessons.serving import configure

configure(c)  # type: ignore[name-defined]  # noqa: F821 - `c` is the config object Jupyter provides
