# SPDX-License-Identifier: Apache-2.0
"""The attributions a map owes the data it is drawn from (NOTICE lists them):
read from the outline's `source` properties and the places file's header,
and written under each map, in the figure and in its caption."""
import json

# (what names the dataset in a data file, the attribution line), in the order
# they are shown.
KNOWN_SOURCES = [
    ("OCHA COD-AB",
     "Administrative boundaries: DNCT, DNP / UN OCHA Mali (OCHA COD-AB), CC BY 4.0."),
    ("countries-states-cities",
     "Contains information from the countries-states-cities database (dr5hn), made "
     "available under the Open Database License (ODbL)."),
    ("Natural Earth", "Outline: Natural Earth (public domain)."),
]


def sources_in_outline(path):
    """The `source` property of each feature of a GeoJSON file."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    features = data.get("features", [data]) if isinstance(data, dict) else []
    found = []
    for feature in features:
        source = (feature.get("properties") or {}).get("source") if isinstance(feature,
                                                                                dict) else None
        if source and source not in found:
            found.append(source)
    return found


def sources_in_places(path):
    """The header comment of a places file, where it names its sources."""
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            lines.append(line.lstrip("#").strip())
    return [" ".join(lines)] if lines else []


def attribution_lines(source_texts):
    """One line per known dataset the texts name, in KNOWN_SOURCES' order; a
    source no known dataset matches is quoted as it is written."""
    lines = []
    for key, line in KNOWN_SOURCES:
        if any(key.lower() in text.lower() for text in source_texts):
            lines.append(line)
    for text in source_texts:
        if not any(key.lower() in text.lower() for key, _ in KNOWN_SOURCES):
            lines.append(f"Data: {text}")
    return lines


def credit_text(lines):
    return "Map data: " + " ".join(lines) if lines else ""


def draw_credit(fig, text):
    """The attribution in small print at the foot of the figure."""
    if text:
        fig.text(0.01, -0.035, text, fontsize=7.5, color="#444444", ha="left", va="top",
                 wrap=True)
