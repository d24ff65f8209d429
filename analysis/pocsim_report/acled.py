# SPDX-License-Identifier: Apache-2.0
"""Reading a user's own ACLED export (the project ships none: ACLED's terms
forbid redistributing its data), and pocsim's events.csv, into one shape.

ACLED has written actor types two ways: as numbers (the older exports: inter1
and inter2 from 1 to 8, 0 for no second actor, and interaction a two-digit
number, the smaller code first, e.g. 17) and as text labels (the newer ones:
"State forces", "State forces-Civilians"). Both become the text labels of
ACTOR_TYPES, so that the tables of either kind of export are the same.

What the reader cannot read is an AcledError naming the file, the line (the
header is line 1), the field's position in its row and the column; nothing is
guessed."""
import csv
import datetime

import pandas as pd

# ACLED's actor types by the numeric code of its older exports (ACLED
# Codebook, "Actor types" / inter1, inter2; the newer exports write the label).
ACTOR_TYPES = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
# Other spellings of the labels (older text exports and acledR write plurals
# and capitals), lower-cased, to the code.
_TYPE_ALIASES = {
    "state forces": 1, "rebel group": 2, "rebel groups": 2, "political militia": 3,
    "political militias": 3, "identity militia": 4, "identity militias": 4,
    "communal militia": 4, "communal militias": 4, "rioters": 5, "protesters": 6,
    "civilians": 7, "external/other forces": 8, "external/other force": 8, "other forces": 8,
    "others": 8, "other": 8,
}

# Without these an export cannot be laid beside a simulated year.
REQUIRED = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
            "admin1", "latitude", "longitude", "fatalities"]
# Read when present; the panels that need one say so when it is absent.
OPTIONAL = ["admin2", "inter1", "inter2", "interaction"]
# The dates ACLED writes: the API's and today's exports, and the older
# export tool's ("15 January 2022").
DATE_FORMATS = ["%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"]


class AcledError(ValueError):
    """What a file does not let the reader read, as FILE:LINE:COL: error:
    COLUMN: message (COL: the field's position in its row, from 1)."""

    def __init__(self, path, message, line=None, field=None, column=None):
        where = path if line is None else f"{path}:{line}" + (f":{field}" if field else "")
        super().__init__(f"{where}: error: " + (f"{column}: " if column else "") + message)


def type_code(value):
    """The actor-type code (0: no actor, None: not a type) of a numeric or
    text inter value."""
    text = value.strip()
    if text in ("", "0"):
        return 0
    if text.isdigit():
        return int(text) if int(text) in ACTOR_TYPES else None
    return _TYPE_ALIASES.get(text.lower())


def interaction_label(first, second):
    """ACLED's text interaction of two actor-type codes, the smaller first."""
    first, second = sorted((first, second)) if first and second else (max(first, second), 0)
    if not first:
        return ""
    if not second:
        return f"{ACTOR_TYPES[first]} only"
    return f"{ACTOR_TYPES[first]}-{ACTOR_TYPES[second]}"


def interaction_codes(value):
    """(code, code) of a numeric ("17", "10") or text ("State forces-Civilians",
    "State forces only", "Sole State forces") interaction, or None."""
    text = value.strip()
    if text.isdigit() and len(text) == 2:
        first, second = int(text[0]), int(text[1])
        if first in ACTOR_TYPES and (second == 0 or second in ACTOR_TYPES):
            return first, second
        return None
    lowered = text.lower()
    for prefix, suffix in (("sole ", ""), ("", " only")):
        if lowered.startswith(prefix) and lowered.endswith(suffix) and (prefix or suffix):
            alone = type_code(text[len(prefix):len(text) - len(suffix)])
            if alone:
                return alone, 0
    # "External/Other forces" holds a slash, no hyphen: split at each hyphen.
    for i, character in enumerate(text):
        if character == "-":
            first, second = type_code(text[:i]), type_code(text[i + 1:])
            if first and second:
                return first, second
    return None


def parse_date(text):
    for form in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    return None


def _number(text, whole):
    try:
        value = float(text.strip())
    except ValueError:
        return None
    if value != value or (whole and (value < 0 or value != int(value))):
        return None
    return value


def read_export(path):
    """The export as a frame of the REQUIRED and present OPTIONAL columns:
    event_date a datetime.date, fatalities an int, latitude and longitude
    floats, inter1, inter2 and interaction text labels. AcledError when a
    required column is missing or a value cannot be read."""
    try:
        f = open(path, encoding="utf-8-sig", newline="")
    except OSError as e:
        raise AcledError(path, f"cannot read the file: {e.strerror}") from e
    with f:
        reader = csv.reader(f)
        try:
            header = next(reader)
        except StopIteration:
            raise AcledError(path, "the file is empty: an ACLED export starts with a header "
                             "line (event_id_cnty,event_date,...)", line=1) from None
        except (csv.Error, UnicodeDecodeError) as e:
            raise AcledError(path, f"not a CSV file in UTF-8: {e}", line=1) from None
        header = [h.strip() for h in header]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise AcledError(path, "the header has no column " + ", ".join(missing) +
                             " (every ACLED export has it: is this an ACLED export, "
                             "comma-separated?)", line=1, column=missing[0])
        wanted = REQUIRED + [c for c in OPTIONAL if c in header]
        position = {c: header.index(c) for c in wanted}
        rows, line = [], 1
        try:
            for record in reader:
                start = line + 1  # a quoted note may span lines: the record starts here
                line = reader.line_num
                if not any(field.strip() for field in record):
                    continue
                rows.append(_read_row(path, start, record, position, len(header)))
        except (csv.Error, UnicodeDecodeError) as e:
            raise AcledError(path, f"not readable as CSV in UTF-8: {e}", line=line + 1) from None
    frame = pd.DataFrame(rows, columns=wanted)
    return frame


def _read_row(path, line, record, position, width):
    if len(record) != width:
        raise AcledError(path, f"{len(record)} fields where the header has {width}", line=line)
    row = []
    for column, index in position.items():
        text = record[index]

        def fail(message):
            raise AcledError(path, message, line=line, field=index + 1, column=column)
        if column == "event_date":
            value = parse_date(text)
            if value is None:
                fail(f"cannot read the date {text!r} (ACLED writes 2022-01-15 or 15 January "
                     "2022)")
        elif column in ("fatalities", "latitude", "longitude"):
            value = _number(text, whole=column == "fatalities")
            if value is None:
                fail(f"{text!r} is not " + ("a whole number of at least 0"
                                            if column == "fatalities" else "a number"))
            if column == "fatalities":
                value = int(value)
        elif column in ("inter1", "inter2"):
            code = type_code(text)
            if code is None:
                fail(f"{text!r} is no ACLED actor type (0 to 8, or a label such as "
                     "'State forces')")
            value = ACTOR_TYPES.get(code, "")
        elif column == "interaction":
            codes = interaction_codes(text) if text.strip() else (0, 0)
            if codes is None:
                fail(f"{text!r} is no ACLED interaction (two digits such as 17, or labels "
                     "such as 'State forces-Civilians')")
            value = interaction_label(*codes)
        else:
            value = text.strip()
        row.append(value)
    return row


def read_simulated(path):
    """pocsim's events.csv in the export's shape: the columns of REQUIRED
    and OPTIONAL it has (today's has no admin2, inter1, inter2 or
    interaction; country is Mali). A value it writes but the reader does not
    know stays as written."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (FileNotFoundError, pd.errors.EmptyDataError):
        return pd.DataFrame(columns=REQUIRED)
    if "country" not in frame:
        frame["country"] = "Mali"
    frame = frame[[c for c in REQUIRED + OPTIONAL if c in frame]].copy()
    frame["event_date"] = [parse_date(t) for t in frame["event_date"]]
    frame = frame[frame["event_date"].notna()]
    for column in ("fatalities", "latitude", "longitude"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    frame["fatalities"] = frame["fatalities"].fillna(0).astype(int)
    for column in ("inter1", "inter2"):
        if column in frame:
            frame[column] = [t if type_code(t) is None else ACTOR_TYPES.get(type_code(t), "")
                             for t in frame[column]]
    if "interaction" in frame:
        frame["interaction"] = [interaction_label(*interaction_codes(t)) if
                                interaction_codes(t) else t.strip() for t in frame["interaction"]]
    return frame


def within(frame, first_day, last_day, country="Mali"):
    """The rows of one country from first_day to last_day (both included)."""
    if frame.empty:
        return frame
    days = frame["event_date"]
    keep = (frame["country"].str.strip().str.lower() == country.lower()) & \
        (days >= first_day) & (days <= last_day)
    return frame[keep]
