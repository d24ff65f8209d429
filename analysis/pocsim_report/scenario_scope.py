# SPDX-License-Identifier: Apache-2.0
"""What a run's scenario holds, for its maps: its factions with their bases
and areas (scenario.resolved.yaml), so that a map draws the scenario's own
bases (not every MINUSMA camp of the places file) and zooms to the regions
where its factions operate."""
import yaml


class Faction:
    def __init__(self, name, kind, bases, area):
        self.name, self.kind, self.bases, self.area = name, kind, bases, area


def _names(value):
    return [str(v) for v in value] if isinstance(value, list) else []


class ScenarioScope:
    def __init__(self, factions=()):
        self.factions = list(factions)

    @classmethod
    def read(cls, resolved_scenario):
        """The scope of a scenario.resolved.yaml; empty when it cannot be read."""
        try:
            with open(resolved_scenario, encoding="utf-8") as f:
                data = yaml.safe_load(f)
        except (OSError, yaml.YAMLError):
            return cls()
        factions = data.get("factions") if isinstance(data, dict) else None
        found = []
        for f in factions if isinstance(factions, list) else []:
            if isinstance(f, dict) and f.get("name"):
                found.append(Faction(str(f["name"]), str(f.get("kind", "")),
                                     _names(f.get("bases")), _names(f.get("area"))))
        return cls(found)

    @property
    def empty(self):
        return not self.factions

    def area(self):
        """The regions some faction operates in, in order of first mention."""
        return list(dict.fromkeys(r for f in self.factions for r in f.area))

    def bases_by_kind(self):
        """{kind: ([faction names], [base towns])}, kinds in faction order."""
        found = {}
        for f in self.factions:
            names, towns = found.setdefault(f.kind, ([], []))
            names.append(f.name)
            towns += [t for t in f.bases if t not in towns]
        return found

    def zoom(self, region_grid):
        """The map's frame (lon_min, lon_max, lat_min, lat_max) around the
        scenario's area, or None for the whole country (no area, or an area
        that covers every region)."""
        area = self.area()
        if not area or set(region_grid.names) <= set(area):
            return None
        return region_grid.bounds(area)
