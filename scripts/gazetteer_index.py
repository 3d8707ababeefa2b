"""The gazetteer builder's entry table and the writer of the indexed data file (format in gazetteer/BUILD.md)."""

from __future__ import annotations

import array
import json
import math
import sys
import zlib
from collections import defaultdict
from pathlib import Path

import marisa_trie

from geomap.gazetteer import (FORMAT, HISTORIC, INDEXES, MAGIC, MINOR, NAME_SEP, POINT_SEP, fold, normalise,
                              strip_article)

MAX_TOKENS = 6
# Rank of an entry for a key, the order lookup() returns candidates in: kind first (a population-equivalent for
# features without one), then log10 population, plus bonuses. Resolution still decides with the article's context.
KIND_RANK = {"country": 9.0, "continent": 9.0, "admin_region": 5.5, "island": 5.0, "water": 5.0, "region": 5.0,
             "admin2": 4.5}
HISTORIC_RANK = 6.0  # below current countries, above most towns
CAPITAL_RANK, ADMIN_SEAT_RANK, GERMAN_RANK, PRIMARY_RANK = 1.5, 0.5, 1.0, 1.0
HOME_RANK = 0.5  # German-language news: a place in Germany, Austria or Switzerland before a namesake elsewhere
HOME = frozenset({"DE", "AT", "CH"})


def rank(entry: dict, german: bool, key: str) -> float:
    """How likely the entry is what a name (normalised key) means, before any context."""
    if entry["flags"] & HISTORIC:
        base = HISTORIC_RANK
    elif entry["kind"] == "admin_region" and entry.get("level", 1) == 2:
        base = KIND_RANK["admin2"]
    else:
        base = KIND_RANK.get(entry["kind"], 0.0) or math.log10(entry["population"] + 10)
    return base + CAPITAL_RANK * bool(entry["flags"] & 1) + ADMIN_SEAT_RANK * bool(entry["flags"] & 2) + \
        GERMAN_RANK * german + PRIMARY_RANK * (normalise(entry["name"]) == key) + HOME_RANK * (entry["country"] in HOME)


class Builder:
    """Collects entries by ref, then writes the indexed data file."""

    def __init__(self) -> None:
        self.entries: dict[str, dict] = {}

    def add(self, ref: str, name: str, lat: float, lon: float, country: str | None, kind: str,
            population: int = 0, flags: int = 0, name_de: str | None = None) -> dict:
        entry = {"ref": ref, "name": name, "name_de": name_de, "lat": round(lat, 5), "lon": round(lon, 5),
                 "country": country, "kind": kind, "population": int(population or 0), "flags": flags,
                 "de": [], "other": [], "points": []}
        self.entries[ref] = entry
        self.add_names(ref, [name], german=False)
        if name_de:
            self.add_names(ref, [name_de], german=True)
        return entry

    def add_names(self, ref: str, names, german: bool) -> None:
        entry = self.entries[ref]
        bucket = entry["de" if german else "other"]
        for name in names:
            name = (name or "").strip()
            if name and name not in bucket and len(normalise(name).split(" ")) <= MAX_TOKENS:
                bucket.append(name)
        if german:
            entry["other"] = [n for n in entry["other"] if n not in entry["de"]]

    def stats(self) -> dict:
        kinds: dict[str, int] = defaultdict(int)
        for e in self.entries.values():
            kinds["historic country" if e["flags"] & HISTORIC else e["kind"]] += 1
        return {"kinds": dict(kinds), "minor": sum(bool(e["flags"] & MINOR) for e in self.entries.values()),
                "de_names": sum(len(e["de"]) for e in self.entries.values()),
                "other_names": sum(len(e["other"]) for e in self.entries.values())}

    def write(self, path: Path, inputs_sha: str) -> dict:
        """Write the data file; returns its meta header."""
        order = sorted(self.entries.values(), key=lambda e: (e["kind"] != "country", e["ref"]))
        tables: dict[str, dict[str, dict[int, int]]] = {name: defaultdict(dict) for name in ("exact", "bare", "fold")}
        rows, offsets, pos, max_tokens, countries = [], array.array("I", [0]), 0, 1, {}
        for idx, e in enumerate(order):
            if e["kind"] == "country" and not e["flags"] & HISTORIC:
                countries[e["country"]] = idx
            points = POINT_SEP.join(f"{lat:.4f},{lon:.4f}" for lat, lon in e["points"])
            cells = [e["ref"], e["name"], e["name_de"] or "", e["lat"], e["lon"], e["country"] or "", e["kind"],
                     e["population"], e["flags"], NAME_SEP.join(e["de"]), NAME_SEP.join(e["other"]), points]
            row = "\t".join(_clean(str(c)) for c in cells).encode("utf-8")
            rows.append(row)
            pos += len(row)
            offsets.append(pos)
            for names, german in ((e["de"], 1), (e["other"], 0)):
                for name in names:
                    key = normalise(name)
                    if len(key) < 2:
                        continue
                    max_tokens = max(max_tokens, len(key.split(" ")))
                    _put(tables["exact"], key, idx, german)
                    if strip_article(key) != key:
                        _put(tables["bare"], strip_article(key), idx, german)
                    if len(fold(key)) >= 3:
                        _put(tables["fold"], fold(key), idx, german)
        items = [(INDEXES["ref"] + e["ref"], _pack([i * 2])) for i, e in enumerate(order)]
        for name, table in tables.items():
            for key, hits in table.items():
                codes = sorted(hits.items(), key=lambda h: (-rank(order[h[0]], bool(h[1]), key), h[0]))
                items.append((INDEXES[name] + key, _pack([i * 2 + g for i, g in codes])))
        trie = marisa_trie.BytesTrie(items).tobytes()
        blob = b"".join(rows)
        offsets_bytes = _little(offsets).tobytes()
        names = sum(len(e["de"]) + len(e["other"]) for e in order)
        meta = {"max_name_tokens": max_tokens, "names": names, "countries": countries, "inputs_sha": inputs_sha,
                "extents": country_extents(order), "trie_crc32": zlib.crc32(trie),
                "sections": {"offsets": len(offsets_bytes), "rows": len(blob), "trie": len(trie)},
                "counts": {"entries": len(rows), **{k: len(v) for k, v in tables.items()}}}
        header = f"{MAGIC}\t{FORMAT}\t" + json.dumps(meta, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            for part in (header.encode("utf-8") + b"\n", offsets_bytes, blob, trie):
                fh.write(part)
        tmp.replace(path)  # a half-written file never replaces a good one
        return meta


def country_extents(entries: list[dict]) -> dict[str, list[float]]:
    """10th-90th percentile latitude and longitude of each country's settlements ("Nordsyrien" points)."""
    lats: dict[str, list[float]] = defaultdict(list)
    lons: dict[str, list[float]] = defaultdict(list)
    for e in entries:
        if e["country"] and e["kind"] in ("city", "town", "village"):
            lats[e["country"]].append(e["lat"])
            lons[e["country"]].append(e["lon"])
    out = {}
    for cc, la in lats.items():
        if len(la) < 5:
            continue
        la, lo = sorted(la), sorted(lons[cc])
        a, b = len(la) // 10, len(la) - 1 - len(la) // 10
        out[cc] = [la[a], la[b], lo[a], lo[b]]
    return out


def _pack(codes: list[int]) -> bytes:
    return _little(array.array("I", codes)).tobytes()


def _little(arr: array.array) -> array.array:
    if sys.byteorder != "little":
        arr = array.array(arr.typecode, arr)
        arr.byteswap()
    return arr


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def _put(table: dict, key: str, idx: int, german: int) -> None:
    table[key][idx] = table[key].get(idx, 0) | german
