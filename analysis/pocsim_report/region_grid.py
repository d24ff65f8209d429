# SPDX-License-Identifier: Apache-2.0
"""The regions of the map, drawn as the engine makes them.

The places file has no region boundaries: the engine gives each grid cell
inside the outline to the region of its nearest town (a Voronoi partition,
engine/src/world/world.cpp), distances taken on a plane whose east-west scale
is that of the outline's middle latitude. This module repeats that on a fine
grid of points, so that a region map shows the regions the runs counted in.
"""
import math

import numpy as np
from matplotlib.path import Path

STEP_DEGREES = 0.08  # ~9 km: finer than any scenario's cells


class RegionGrid:
    """region[i, j]: the index in `names` of the point (lon[j], lat[i]), -1
    outside the outline."""

    def __init__(self, geography, step=STEP_DEGREES):
        self.names = list(geography.regions) or sorted(set(geography.town_regions.values()))
        points = [p for ring in geography.rings for p in ring]
        towns = [(name, position) for name, position in geography.towns.items()
                 if geography.town_regions.get(name) in self.names]
        if not points or not towns:
            self.lon = self.lat = np.zeros(0)
            self.region = np.full((0, 0), -1)
            return
        lons, lats = zip(*points)
        # The engine's plane: kilometres east scaled by the outline's middle latitude.
        self._east_west = math.cos(math.radians(0.5 * (min(lats) + max(lats))))
        self._town_xy = np.array([(p[0] * self._east_west, p[1]) for _, p in towns])
        self._town_region = np.array([self.names.index(geography.town_regions[n])
                                      for n, _ in towns])
        self.lon = np.arange(min(lons) + step / 2, max(lons), step)
        self.lat = np.arange(min(lats) + step / 2, max(lats), step)
        grid_lon, grid_lat = np.meshgrid(self.lon, self.lat)
        flat = np.column_stack([grid_lon.ravel(), grid_lat.ravel()])
        inside = np.zeros(len(flat), dtype=bool)
        for ring in geography.rings:
            inside ^= Path(ring).contains_points(flat)  # holes flip it back
        nearest = self.nearest_region(flat[:, 0], flat[:, 1])
        self.region = np.where(inside, nearest, -1).reshape(grid_lon.shape)

    def nearest_region(self, lon, lat):
        """The index of the region of the nearest town of each point."""
        xy = np.column_stack([np.asarray(lon, dtype=float) * self._east_west,
                              np.asarray(lat, dtype=float)])
        squared = ((xy[:, None, :] - self._town_xy[None, :, :]) ** 2).sum(axis=2)
        return self._town_region[np.argmin(squared, axis=1)]

    def region_at(self, lon, lat):
        """The name of the region a point belongs to (inside the outline or not)."""
        return self.names[int(self.nearest_region([lon], [lat])[0])]

    @property
    def empty(self):
        return self.region.size == 0 or not (self.region >= 0).any()

    def index(self, name):
        return self.names.index(name) if name in self.names else None

    def centre(self, name):
        """(lon, lat) of the mean of the region's points, or None."""
        k = self.index(name)
        if k is None:
            return None
        rows, columns = np.nonzero(self.region == k)
        if rows.size == 0:
            return None
        return float(self.lon[columns].mean()), float(self.lat[rows].mean())

    def bounds(self, names, pad=0.4):
        """(lon_min, lon_max, lat_min, lat_max) around the regions, or None."""
        indices = [self.index(n) for n in names if self.index(n) is not None]
        if not indices:
            return None
        rows, columns = np.nonzero(np.isin(self.region, indices))
        if rows.size == 0:
            return None
        return (float(self.lon[columns].min()) - pad, float(self.lon[columns].max()) + pad,
                float(self.lat[rows].min()) - pad, float(self.lat[rows].max()) + pad)

    def values(self, by_region):
        """A float grid of each point's region's value (NaN outside the outline
        and in regions without a value)."""
        table = np.full(len(self.names) + 1, np.nan)
        for name, value in by_region.items():
            k = self.index(name)
            if k is not None:
                table[k] = value
        return table[np.where(self.region >= 0, self.region, len(self.names))]
