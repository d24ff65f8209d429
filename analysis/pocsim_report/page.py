# SPDX-License-Identifier: Apache-2.0
"""The HTML page: one self-contained file (inline style, no scripts, every
image inlined as a base64 data: URI) that can be sent alone; the PNGs are also
written to plots/ for other uses."""
import base64
import html
import os

STYLE = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2em auto;
       max-width: 1150px; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.2em 0; }
.meta { color: #555; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
th { background: #f2f2f2; }
td:first-child, th:first-child { text-align: left; }
tr.reference td { font-weight: bold; }
table.text td, table.text th { text-align: left; }
th.group { text-align: center; }
figure { margin: 1.2em 0 2em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #444; font-size: 0.95em; margin-top: 0.3em; }
.note { color: #8a5a00; }
figcaption .credit { display: block; color: #666; font-size: 0.9em; }
footer { margin-top: 3em; padding-top: 0.5em; border-top: 1px solid #ddd; color: #666;
         font-size: 0.9em; }
"""


def escape(value):
    return html.escape(str(value), quote=True)


class Page:
    def __init__(self, title):
        self.title = title
        self.parts = []
        self.footer_lines = []

    def heading(self, text):
        self.parts.append(f"<h2>{escape(text)}</h2>")

    def subheading(self, text):
        self.parts.append(f"<h3>{escape(text)}</h3>")

    def paragraph(self, text, css_class=None):
        attribute = f' class="{css_class}"' if css_class else ""
        self.parts.append(f"<p{attribute}>{escape(text)}</p>")

    def facts(self, pairs):
        """A line of `name: value` facts under the title."""
        text = " · ".join(f"{escape(k)}: <b>{escape(v)}</b>" for k, v in pairs if v not in
                          (None, ""))
        self.parts.append(f'<p class="meta">{text}</p>')

    def table(self, header, rows, highlighted=(), groups=None, text=False):
        """rows: lists of cell texts; rows whose index is in `highlighted` are
        bold. groups: [(label, columns spanned)], a header row above `header`.
        text: cells of words (left-aligned), not numbers."""
        out = ['<table class="text">' if text else "<table>"]
        if groups:
            out.append("<tr>" + "".join(f'<th class="group" colspan="{span}">{escape(label)}'
                                        "</th>" for label, span in groups) + "</tr>")
        out.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr>")
        for i, row in enumerate(rows):
            css = ' class="reference"' if i in highlighted else ""
            out.append(f"<tr{css}>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
        out.append("</table>")
        self.parts.append("\n".join(out))

    def figure(self, name, png, caption, credit=None):
        """An image (the PNG's bytes, inlined) with its caption, and a line of
        credit under it (the attribution its data require) when there is one.
        The figure's id is the plot's name (plots/NAME.png)."""
        credit_html = f'<span class="credit">{escape(credit)}</span>' if credit else ""
        source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        self.parts.append(
            f'<figure id="{escape(name)}"><img src="{source}" alt="{escape(caption)}">'
            f"<figcaption>{escape(caption)}{credit_html}</figcaption></figure>")

    def footer(self, line):
        """A line of the footer (what produced the results and the page)."""
        self.footer_lines.append(line)

    def text(self):
        return "\n".join([
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{escape(self.title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            f"<h1>{escape(self.title)}</h1>",
            *self.parts,
            *(["<footer>" + "<br>".join(escape(line) for line in self.footer_lines)
                + "</footer>"] if self.footer_lines else []),
            "</body>",
            "</html>",
            "",
        ])

    def write(self, path):
        """Writes under a temporary name, then renames: a reader never sees
        half a page."""
        temporary = f"{path}.tmp{os.getpid()}"
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(self.text())
        os.replace(temporary, path)
