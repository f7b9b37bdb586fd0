#!/usr/bin/python3
# e2e-reader.py: through AT-SPI, checks the running app's figure list shows the CLI's figures.
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import subprocess
import sys
import time

import pyatspi

APP_NAMES = ("fanzha", "org.fanzha.fanzha")
TABLE_ROLES = (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE)


def log(*args):
    print("#", *args, flush=True)


def cli_figures(cli, page):
    """The figure texts `fanzha-cli extract` lists for the page, white space removed."""
    out = subprocess.run([cli, "extract", page], check=True, capture_output=True,
                         text=True).stdout
    lines = out.splitlines()
    header = lines[0].split("\t")
    col = header.index("text")
    texts = []
    for line in lines[1:]:
        if line:
            text = line.split("\t")[col].replace("\\n", "\n")
            texts.append("".join(text.split()))
    return texts


def children(node):
    try:
        return [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return []


def walk(node, depth=0, limit=40):
    if node is None or depth > limit:
        return
    yield node, depth
    for child in children(node):
        yield from walk(child, depth + 1, limit)


def node_text(node):
    """What a screen reader would read for the node: its name, else its text."""
    try:
        name = node.name or ""
    except Exception:
        name = ""
    if name:
        return name
    try:
        text = node.queryText()
        return text.getText(0, -1) or ""
    except Exception:
        return ""


def find_app(pid, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if app is None:
                continue
            try:
                if app.get_process_id() == pid or (app.name or "").lower() in APP_NAMES:
                    return app
            except Exception:
                continue
        time.sleep(0.2)
    return None


def find_table(app):
    for node, _ in walk(app):
        try:
            role, name = node.getRole(), node.name or ""
        except Exception:
            continue
        if role in TABLE_ROLES and name == "Figures":
            return node
    # Without an English label, the first table under the app.
    for node, _ in walk(app):
        try:
            if node.getRole() in TABLE_ROLES:
                return node
        except Exception:
            continue
    return None


def cell_text(cell):
    """The text of the label inside a cell; the cell's own name is only its widget type."""
    for node, _ in walk(cell):
        try:
            if node.getRole() == pyatspi.ROLE_LABEL:
                return node_text(node)
        except Exception:
            continue
    return ""


def row_texts(table):
    """One list a row of figures: the text of its cells, in order. The header row, whose
    children are column titles rather than cells, is left out."""
    rows = []
    for node, _ in walk(table):
        try:
            if node.getRole() != pyatspi.ROLE_TABLE_ROW:
                continue
        except Exception:
            continue
        cells = [c for c in children(node)
                 if c is not None and c.getRole() == pyatspi.ROLE_TABLE_CELL]
        if cells:
            rows.append([cell_text(c) for c in cells])
    return rows


def dump(node):
    for n, depth in walk(node, limit=25):
        try:
            log("  " * depth + "%s %r" % (n.getRoleName(), node_text(n)[:40]))
        except Exception:
            pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--page", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()

    expected = cli_figures(args.cli, args.page)
    if not expected:
        log("the CLI lists no figure for", args.page)
        return 1
    log("CLI figures:", len(expected))

    app = find_app(args.pid, args.timeout)
    if app is None:
        log("the app did not show up on the accessibility bus")
        return 1
    log("app:", app.name)

    deadline = time.monotonic() + args.timeout
    table = None
    rows = []
    while time.monotonic() < deadline:
        table = find_table(app)
        if table is not None:
            rows = row_texts(table)
            if any(r and r[0] for r in rows):
                break
        time.sleep(0.3)
    if table is None:
        log("no figure list in the app's accessible tree:")
        dump(app)
        return 1
    if not any(rows):
        log("the figure list shows no rows:")
        dump(table)
        return 1

    log("rows shown:", len(rows))
    # The first cell of each row is the figure's text.
    shown = ["".join(r[0].split()) for r in rows if r and r[0]]
    found = [t for t in shown if t in expected]
    for t in shown[:5]:
        log("row:", t)
    if not found:
        log("none of the rows is a figure the CLI lists")
        return 1
    # The list starts in text order, so its first row is the CLI's first figure.
    if shown[0] != expected[0]:
        log("first row %r, the CLI's first figure %r" % (shown[0], expected[0]))
        return 1
    log("ok: %d of %d rows are CLI figures" % (len(found), len(shown)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
