"""Steps the JupyterLab browser tests share."""

from __future__ import annotations


def run_lesson_in_lab(page, server, name: str) -> None:
    """Open notebook ``name`` (already in the server's folder) in a fresh JupyterLab workspace,
    wait for its kernel and Run All. The server is shared by the browser tests: a fresh
    workspace keeps a notebook an earlier test left open from being the one that runs."""
    page.goto(server.url.format(nb=name) + "&reset")
    page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current", has_text=name).wait_for()
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    # the notebook names its kernel: no "Select Kernel" dialog, the kernel just starts
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").first.wait_for(timeout=60_000)
    assert page.locator(".jp-Dialog").count() == 0
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator('li.lm-Menu-item[data-command="runmenu:run-all"]').click()
