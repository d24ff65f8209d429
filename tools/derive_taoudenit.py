#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes scenarios/data/boundaries/mali_adm1_2016_taoudenit_approx.geojson:
the regions of mali_adm1_2016_menaka_derived.geojson with Taoudénit cut out of
Tombouctou along a parallel, since no open polygon of Taoudénit exists.

The cut is a clip of Tombouctou's rings against the half-planes north and
south of the parallel (Sutherland-Hodgman, exact for one half-plane); a part
in several pieces stays one ring joined along the parallel, which the
even-odd rule and the area formula read correctly.

Usage: tools/derive_taoudenit.py   (from the repository's root)
"""
import json
import sys
from pathlib import Path

FOLDER = Path("scenarios/data/boundaries")
SOURCE = FOLDER / "mali_adm1_2016_menaka_derived.geojson"
TARGET = FOLDER / "mali_adm1_2016_taoudenit_approx.geojson"
# [assume] Taoudénit, created in 2012 (law 2012-017) and set up in 2016 from the
# northern part of Tombouctou, is given as "over 323,326 km²" (RGPH/French
# Wikipedia); the part of OCHA's Tombouctou north of 18.75°N measures 323,600
# km², and Araouane (18.9°N), seat of one of its six cercles, lies inside it.
CUT_LATITUDE = 18.75


def crossing(a, b):
    t = (CUT_LATITUDE - a[1]) / (b[1] - a[1])
    return [round(a[0] + t * (b[0] - a[0]), 6), CUT_LATITUDE]


def clip(ring, north):
    keep = (lambda p: p[1] >= CUT_LATITUDE) if north else (lambda p: p[1] <= CUT_LATITUDE)
    points, out = ring[:-1], []
    for i, b in enumerate(points):
        a = points[i - 1]
        if keep(b):
            if not keep(a):
                out.append(crossing(a, b))
            out.append(b)
        elif keep(a):
            out.append(crossing(a, b))
    return out + out[:1]


def clip_polygon(rings, north):
    clipped = [clip(r, north) for r in rings]
    return [r for r in clipped if len(r) >= 4]


def main():
    doc = json.loads(SOURCE.read_text(encoding="utf-8"))
    features = []
    for feature in doc["features"]:
        if feature["properties"]["name"] != "Tombouctou":
            features.append(feature)
            continue
        if feature["geometry"]["type"] != "Polygon":
            sys.exit("Tombouctou is expected to be one Polygon")
        rings = feature["geometry"]["coordinates"]
        south = json.loads(json.dumps(feature))
        south["geometry"]["coordinates"] = clip_polygon(rings, north=False)
        south["properties"]["derived"] = True
        south["properties"]["note"] = f"Tombouctou region south of {CUT_LATITUDE}°N"
        north = {
            "type": "Feature",
            "properties": {
                "name": "Taoudenit",
                "name_fr": "Taoudénit",
                "iso_3166_2": "ML-10",
                "derived": True,
                "note": f"APPROXIMATION: Tombouctou region north of {CUT_LATITUDE}°N",
                "source": feature["properties"]["source"],
            },
            "geometry": {"type": "Polygon", "coordinates": clip_polygon(rings, north=True)},
        }
        features += [south, north]
    doc["name"] = TARGET.stem
    doc["metadata"] = dict(doc["metadata"])
    doc["metadata"]["description"] = (
        "Mali admin-1, 2016-2023 frame approximated: OCHA's 2015 regions with Ménaka split "
        f"from Gao and Taoudénit cut from Tombouctou north of {CUT_LATITUDE}°N (11 units)."
    )
    doc["metadata"]["source"] = (
        f"DERIVED by tools/derive_taoudenit.py from {SOURCE.name} (see its source): Taoudénit "
        f"(no open polygon exists) approximated as the Tombouctou region north of "
        f"{CUT_LATITUDE}°N. Licence CC BY 4.0 (inherits); attribution: DNCT, DNP / UN OCHA Mali"
    )
    doc["features"] = features
    TARGET.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n",
                      encoding="utf-8")


if __name__ == "__main__":
    main()
