/// The report page's inline style sheet: system fonts only (nothing from the network), a
/// readable measure, tables with right-aligned figures, and print rules that keep charts
/// and table rows whole and drop the screen colours that waste ink.
enum HTMLStyle {
    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f4f4f2; color: #1d1d1f;
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; background: #ffffff; }
        header h1 { margin: 0 0 6px; font-size: 28px; }
        .kicker { margin: 0; color: #666666; text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; }
        .description { margin: 0 0 8px; color: #333333; }
        .identity { margin: 0; color: #666666; font-size: 13px; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
        .headline { margin: 20px 0; padding: 14px 18px; border-left: 6px solid #c62828; background: #fbeeee; }
        .headline p { margin: 4px 0; }
        .headline p:first-child { font-size: 20px; font-weight: 600; }
        h2 { margin: 28px 0 10px; font-size: 20px; border-bottom: 1px solid #dddddd; padding-bottom: 4px; }
        table.impact { border-collapse: collapse; width: 100%; font-size: 14px; }
        table.impact th, table.impact td { padding: 4px 10px; border-bottom: 1px solid #e6e6e6; }
        table.impact td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.impact th[scope="row"] { text-align: left; font-weight: normal; }
        table.impact thead th { text-align: right; border-bottom: 2px solid #999999; }
        table.impact thead th:first-child { text-align: left; }
        table.impact tr.section th { text-align: left; background: #f0f0ee; font-weight: 600; }
        table.impact td.changed { font-weight: 600; color: #9c1c1c; }
        .note { color: #666666; font-size: 13px; }
        ol.timeline { padding-left: 0; list-style: none; }
        ol.timeline li { margin: 0 0 6px; padding-left: 92px; text-indent: -92px; }
        ol.timeline time { display: inline-block; width: 84px; text-indent: 0; color: #555555;
          font-variant-numeric: tabular-nums; }
        ol.timeline li.alert { color: #8e1b1b; }
        figure { margin: 18px 0; }
        svg.chart { width: 100%; height: auto; display: block; border: 1px solid #e3e3e3;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        footer { margin-top: 32px; color: #777777; font-size: 12px; }
        @media print {
          body { background: #ffffff; font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          .headline { background: none; }
          h2 { break-after: avoid; }
          figure, table.impact tr, ol.timeline li { break-inside: avoid; }
          svg.chart { border: none; }
        }

        """

    /// The start of a self-contained page up to its open `<header>`: doctype, title, inline
    /// style sheet, the kicker line and the heading (both escaped here).
    static func pageStart(title: String, kicker: String, heading: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(SVGText.escape(title))</title>\n"
        out += "<style>\n\(css)</style>\n</head>\n<body>\n<main>\n"
        out += "<header>\n<p class=\"kicker\">\(SVGText.escape(kicker))</p>\n<h1>\(SVGText.escape(heading))</h1>\n"
        return out
    }
}
