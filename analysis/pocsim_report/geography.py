# SPDX-License-Identifier: Apache-2.0
"""The country outline and the places file (towns, camps, roads, river) that a
run used, for the map. The Python here has no YAML package, so the places
file is read with a small reader for the subset it is written in: top-level
keys, `name: [flow, list]` entries and `- [flow, list]` items."""
import json
import os
import re

from .attribution import attribution_lines, sources_in_outline, sources_in_places

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$")
_ENTRY = re.compile(r"^\s+([^\s:#][^:#]*?):\s*(.*)$")
_ITEM = re.compile(r"^\s*-\s*(.*)$")


def _strip_comment(text):
    # The places file puts no '#' inside values.
    return text.split("#", 1)[0].strip()


def _flow_list(text):
    """`[a, b, c]` -> ['a', 'b', 'c'] (nested lists are not needed here)."""
    text = _strip_comment(text)
    if not (text.startswith("[") and text.endswith("]")):
        return None
    return [item.strip().strip("\"'") for item in text[1:-1].split(",") if item.strip()]


class Geography:
    def __init__(self):
        self.rings = []  # [[(lon, lat), ...], ...]
        self.towns = {}  # name -> (lon, lat)
        self.camps = []  # town names
        self.roads = []  # [[town names]]
        self.river = []  # town names
        self.sources = []  # what the files say they come from (attribution.py)

    def attributions(self):
        """The attribution lines the data of this geography require."""
        return attribution_lines(self.sources)

    def chain(self, names):
        """Positions of the towns of a chain that the file names."""
        return [self.towns[n] for n in names if n in self.towns]


def read_outline(path, geography):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    features = data.get("features", [data]) if data.get("type") == "FeatureCollection" else [data]
    for feature in features:
        geometry = feature.get("geometry", feature)
        coords = geometry.get("coordinates") or []
        polygons = [coords] if geometry.get("type") == "Polygon" else coords
        for polygon in polygons:
            for ring in polygon:
                geography.rings.append([(float(p[0]), float(p[1])) for p in ring])


def read_places(path, geography):
    section = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            top = _TOP_KEY.match(line)
            if top:
                section, rest = top.group(1), top.group(2)
                values = _flow_list(rest)
                if section == "minusma_bases" and values is not None:
                    geography.camps = values
                elif section == "niger_river" and values is not None:
                    geography.river = values
                continue
            if section == "towns":
                entry = _ENTRY.match(line)
                values = _flow_list(entry.group(2)) if entry else None
                if values and len(values) >= 2:
                    geography.towns[entry.group(1).strip()] = (float(values[1]), float(values[0]))
            elif section == "roads":
                item = _ITEM.match(line)
                values = _flow_list(item.group(1)) if item else None
                if values:
                    geography.roads.append(values)


def resolved_world_files(resolved_scenario):
    """{'outline': path, 'places': path} from the world section of a
    scenario.resolved.yaml (the printer writes one `key: value  # help` per line)."""
    files, in_world = {}, False
    try:
        with open(resolved_scenario, encoding="utf-8") as f:
            for line in f:
                if not line.startswith(" "):
                    in_world = line.startswith("world:")
                    continue
                m = re.match(r"^  (outline|places):\s*(.*)$", line)
                if in_world and m:
                    value = m.group(2)
                    value = value[:value.index("  #")] if "  #" in value else value
                    files[m.group(1)] = value.strip().strip("\"'")
    except FileNotFoundError:
        pass
    return files


def locate(path, repository):
    """The path as written when it exists, else the file of that name in the
    repository's scenarios/data (a run directory moved from another checkout)."""
    if path and os.path.isfile(path):
        return path
    if path:
        fallback = os.path.join(repository, "scenarios", "data", os.path.basename(path))
        if os.path.isfile(fallback):
            return fallback
    return None


def load_geography(resolved_scenario, repository):
    """(Geography, note): the geography with whatever could be read; the note
    says what could not (empty when all was read)."""
    geography, problems = Geography(), []
    files = resolved_world_files(resolved_scenario)
    defaults = {"outline": "mali_outline.geojson", "places": "mali_places.yaml"}
    sources = {"outline": sources_in_outline, "places": sources_in_places}
    for key, reader in (("outline", read_outline), ("places", read_places)):
        path = locate(files.get(key) or defaults[key], repository)
        if path is None:
            problems.append(f"{key} file not found")
            continue
        try:
            reader(path, geography)
            geography.sources += sources[key](path)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as e:
            problems.append(f"{key} file {path} unreadable ({e})")
    return geography, "; ".join(problems)
