# SPDX-License-Identifier: Apache-2.0
"""The country outline and the places file (towns, camps, roads, river) that a
run used, for the map. YAML is read with Debian's python3-yaml (`yaml.safe_load`)."""
import json
import os

import yaml

from .attribution import attribution_lines, sources_in_outline, sources_in_places


def _names(values):
    """A chain of town names as text; anything but a list is no chain."""
    return [str(v) for v in values] if isinstance(values, list) else []


class Geography:
    def __init__(self):
        self.rings = []  # [[(lon, lat), ...], ...]
        self.towns = {}  # name -> (lon, lat)
        self.town_regions = {}  # name -> region
        self.regions = []  # region names, in the places file's order
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


def _read_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def read_places(path, geography):
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ValueError("a places file is a mapping with regions and towns")
    regions = data.get("regions")
    geography.regions = [str(r) for r in (regions if isinstance(regions, dict) else [])]
    towns = data.get("towns")
    for name, values in (towns.items() if isinstance(towns, dict) else []):
        if isinstance(values, list) and len(values) >= 2:
            geography.towns[str(name)] = (float(values[1]), float(values[0]))
            if len(values) >= 3:
                geography.town_regions[str(name)] = str(values[2])
    if "minusma_bases" in data:
        geography.camps = _names(data["minusma_bases"])
    if "niger_river" in data:
        geography.river = _names(data["niger_river"])
    roads = data.get("roads")
    geography.roads += [_names(r) for r in (roads if isinstance(roads, list) else []) if _names(r)]


def resolved_world_files(resolved_scenario):
    """{'outline': path, 'places': path} from the world section of a
    scenario.resolved.yaml; empty when the file is missing or not YAML."""
    try:
        data = _read_yaml(resolved_scenario)
    except (FileNotFoundError, yaml.YAMLError):
        return {}
    world = data.get("world") if isinstance(data, dict) else None
    if not isinstance(world, dict):
        return {}
    return {key: str(world[key]) for key in ("outline", "places") if world.get(key)}


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
